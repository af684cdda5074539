package org.debtledger.command.bankfile;

import org.debtledger.money.Money;
import org.debtledger.payment.PaymentId;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A bank's file of incoming payments, read whole before anything is applied: UTF-8 CSV, the header
 * {@value #HEADER}, then one payment a line with plain, unquoted fields (spaces around them are ignored), lines
 * ending in LF or CRLF. Whether a reference names a debt is not the file's form: that is decided line by line when
 * the payments are applied.
 */
public record BankFile(List<Payment> payments) {

    public static final String HEADER = "archive_id,reference,amount,currency,value_date";
    /** The longest remittance reference a bank's payment carries (ISO 20022's Max35Text). */
    static final int REFERENCE_MAX = 35;
    /** A malformed file is answered with at most this many of its problems, one per line. */
    static final int PROBLEMS_SHOWN = 100;

    private static final int COLUMNS = 5;
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern BANK_AMOUNT = Pattern.compile("[0-9]{1,15}(\\.[0-9]+)?");

    /**
     * One payment: {@code archiveId} is the bank's own unique id of the transaction and becomes the payment's id,
     * so a file sent again applies nothing twice; {@code reference} is as the debtor wrote it.
     */
    public record Payment(int line, PaymentId archiveId, String reference, Money amount, LocalDate valueDate) {
    }

    public BankFile {
        payments = List.copyOf(payments);
    }

    /** Reads the file, or refuses it with the problems of its first malformed lines. */
    public static BankFile parse(byte[] bytes) {
        List<MalformedBankFile.Problem> problems = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        Map<PaymentId, Integer> lineOfArchiveId = new HashMap<>();
        int start = startsWithByteOrderMark(bytes) ? 3 : 0;
        int number = 0;
        while (start < bytes.length && problems.size() < PROBLEMS_SHOWN) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            number++;
            // LF never occurs inside a UTF-8 sequence, so each line is decoded on its own
            String line = decode(bytes, start, end);
            start = end + 1;
            if (line == null) {
                problems.add(new MalformedBankFile.Problem(number, FileRule.NOT_UTF8, "the line is not UTF-8 text"));
            } else if (number == 1) {
                if (!line.strip().equals(HEADER)) {
                    // without the header the columns cannot be trusted: nothing below it is worth reading
                    throw new MalformedBankFile(List.of(new MalformedBankFile.Problem(1, FileRule.HEADER_MISMATCH,
                            "the first line must be the header " + HEADER)));
                }
            } else {
                try {
                    Payment payment = payment(number, line);
                    Integer earlier = lineOfArchiveId.putIfAbsent(payment.archiveId(), number);
                    if (earlier != null) {
                        throw new Malformed(FileRule.ARCHIVE_ID_REPEATED, "archive_id " + payment.archiveId()
                                + " is also on line " + earlier + ": each transaction comes once");
                    }
                    payments.add(payment);
                } catch (Malformed malformed) {
                    problems.add(new MalformedBankFile.Problem(number, malformed.rule, malformed.getMessage()));
                }
            }
        }
        if (number == 0) {
            problems.add(new MalformedBankFile.Problem(1, FileRule.EMPTY_FILE, "the file is empty"));
        } else if (problems.isEmpty() && payments.isEmpty()) {
            problems.add(new MalformedBankFile.Problem(2, FileRule.EMPTY_FILE, "no payment follows the header"));
        }
        if (!problems.isEmpty()) {
            throw new MalformedBankFile(problems);
        }
        return new BankFile(payments);
    }

    private static Payment payment(int number, String line) {
        if (line.isBlank()) {
            throw new Malformed(FileRule.BLANK_LINE, "the line is blank");
        }
        if (line.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '"')) {
            throw new Malformed(FileRule.CHARACTER_NOT_ALLOWED,
                    "the line holds a control character or a quote: fields are plain and unquoted");
        }
        String[] fields = line.split(",", -1);
        if (fields.length != COLUMNS) {
            throw new Malformed(FileRule.COLUMN_COUNT, "the line has " + fields.length + " fields, not " + COLUMNS
                    + " (" + HEADER + ")");
        }
        PaymentId archiveId = archiveId(fields[0].strip());
        String reference = fields[1].strip();
        if (reference.length() > REFERENCE_MAX) {
            throw new Malformed(FileRule.REFERENCE_TOO_LONG, "reference is longer than " + REFERENCE_MAX
                    + " characters");
        }
        Money amount = amount(fields[2].strip(), currency(fields[3].strip()));
        return new Payment(number, archiveId, reference, amount, valueDate(fields[4].strip()));
    }

    private static PaymentId archiveId(String text) {
        try {
            return new PaymentId(text);
        } catch (IllegalArgumentException e) {
            throw new Malformed(FileRule.ARCHIVE_ID_INVALID, "archive_id " + shown(text)
                    + " is not 1 to 100 letters, digits or ._:/@+- starting with a letter or digit");
        }
    }

    private static Currency currency(String code) {
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() >= 0) {
                return currency;
            }
        } catch (IllegalArgumentException unknown) {
            // refused below
        }
        throw new Malformed(FileRule.CURRENCY_UNKNOWN, "currency " + shown(code)
                + " is not an ISO 4217 code of a currency with minor units, such as EUR");
    }

    /** A bank writes amounts as plain decimals with at most the currency's decimals: {@code 5} is 5.00 here. */
    private static Money amount(String text, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (!BANK_AMOUNT.matcher(text).matches() || new BigDecimal(text).scale() > digits) {
            throw new Malformed(FileRule.AMOUNT_INVALID, "amount " + shown(text) + " is not a plain decimal with at"
                    + " most " + digits + " decimals for " + currency + ", such as 123.45");
        }
        Money amount = new Money(new BigDecimal(text).movePointRight(digits).longValueExact(), currency);
        if (!amount.isPositive()) {
            throw new Malformed(FileRule.AMOUNT_INVALID, "amount " + shown(text)
                    + " is not more than zero: the file holds incoming payments only");
        }
        return amount;
    }

    private static LocalDate valueDate(String text) {
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new Malformed(FileRule.VALUE_DATE_INVALID, "value_date " + shown(text)
                + " is not a date of the form 2025-06-01");
    }

    private static boolean startsWithByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    }

    /** The line without its CR, or null when it is not UTF-8. */
    private static String decode(byte[] bytes, int start, int end) {
        int length = end - start;
        if (length > 0 && bytes[end - 1] == '\r') {
            length--;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A value quoted in a refusal, cut short: a field may be as long as the file. */
    private static String shown(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }

    /** One line's problem, while the file is read. */
    private static final class Malformed extends RuntimeException {

        private final FileRule rule;

        Malformed(FileRule rule, String detail) {
            super(detail, null, false, false);
            this.rule = rule;
        }
    }
}
