package org.debtledger.payment;

import org.debtledger.debt.DebtId;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An ISO 11649 structured creditor reference, the "RF reference" a debtor pays with: {@code RF}, two check
 * digits (ISO 7064 mod 97-10, as in an IBAN) and a body of 1 to 21 letters or digits. The ledger's body is the
 * debt's id, so a debt whose id is 1 to 21 digits and capital letters can be paid by reference. Kept in the
 * electronic form, capitals without spaces; banks print it in groups of four ({@link #printed()}).
 */
public record CreditorReference(String value) {

    private static final Pattern ELECTRONIC = Pattern.compile("RF[0-9]{2}[0-9A-Z]{1,21}");
    private static final Pattern BODY = Pattern.compile("[0-9A-Z]{1,21}");

    public CreditorReference {
        if (value == null || !ELECTRONIC.matcher(value).matches()) {
            throw new Invalid(Invalid.Why.NOT_A_CREDITOR_REFERENCE,
                    "the reference is not RF, two check digits and 1 to 21 letters or digits");
        }
        // 02 to 98 only: 00, 01 and 99 would pass the remainder test in place of 97, 98 and 02
        int check = Integer.parseInt(value.substring(2, 4));
        if (check < 2 || check > 98 || remainder(value.substring(4) + value.substring(0, 4)) != 1) {
            throw new Invalid(Invalid.Why.CHECK_DIGITS_WRONG, "the reference's check digits do not match the rest of it");
        }
    }

    /** Reads a reference as a debtor typed it or a bank printed it: any case, spaces anywhere. */
    public static CreditorReference parse(String text) {
        if (text == null) {
            throw new Invalid(Invalid.Why.NOT_A_CREDITOR_REFERENCE, "no reference");
        }
        return new CreditorReference(text.replace(" ", "").toUpperCase(Locale.ROOT));
    }

    /** The reference a debtor pays the debt with. Refuses an id that is not 1 to 21 digits and capital letters. */
    public static CreditorReference forDebt(DebtId debtId) {
        String body = debtId.value();
        if (!BODY.matcher(body).matches()) {
            throw new IllegalArgumentException(
                    "debt id " + body + " is not 1 to 21 digits and capital letters, so no creditor reference holds it");
        }
        int check = 98 - remainder(body + "RF00");
        return new CreditorReference("RF" + (check < 10 ? "0" : "") + check + body);
    }

    /** The debt the reference names: its body. */
    public DebtId debtId() {
        return new DebtId(value.substring(4));
    }

    /** In groups of four, as banks print it: {@code RF18 5390 0754 7034}. */
    public String printed() {
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < value.length(); i += 4) {
            printed.append(i == 0 ? "" : " ").append(value, i, Math.min(i + 4, value.length()));
        }
        return printed.toString();
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * ISO 7064 mod 97-10: the remainder of the number the text spells when each letter becomes two digits
     * (A = 10 ... Z = 35), taken digit by digit so that no big number is built.
     */
    private static int remainder(String text) {
        int remainder = 0;
        for (int i = 0; i < text.length(); i++) {
            int digits = Character.digit(text.charAt(i), 36);
            remainder = (remainder * (digits < 10 ? 10 : 100) + digits) % 97;
        }
        return remainder;
    }

    /** A text that is no creditor reference, or one whose check digits fail: a typing error, most likely. */
    public static final class Invalid extends IllegalArgumentException {

        public enum Why { NOT_A_CREDITOR_REFERENCE, CHECK_DIGITS_WRONG }

        private final Why why;

        Invalid(Why why, String detail) {
            super(detail);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }
}
