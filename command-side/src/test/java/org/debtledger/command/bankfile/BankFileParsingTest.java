package org.debtledger.command.bankfile;

import org.debtledger.money.Money;
import org.debtledger.payment.PaymentId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class BankFileParsingTest {

    private static final String HEADER = "archive_id,reference,amount,currency,value_date\n";

    private static BankFile parse(String text) {
        return BankFile.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachLineIsAPaymentWithItsLineNumberAndExactAmount() {
        BankFile file = parse(HEADER
                + "20250601-000001,RF18 5390 0754 7034,123.45,EUR,2025-06-01\n"
                + " 20250601-000002 , rf741 , 5 , SEK , 2025-06-02 \r\n"
                + "20250601-000003,,0.1,EUR,2025-06-03");

        assertThat(file.payments()).containsExactly(
                new BankFile.Payment(2, new PaymentId("20250601-000001"), "RF18 5390 0754 7034",
                        Money.ofMinor(12345, "EUR"), LocalDate.of(2025, 6, 1)),
                new BankFile.Payment(3, new PaymentId("20250601-000002"), "rf741", Money.ofMinor(500, "SEK"),
                        LocalDate.of(2025, 6, 2)),
                new BankFile.Payment(4, new PaymentId("20250601-000003"), "", Money.ofMinor(10, "EUR"),
                        LocalDate.of(2025, 6, 3)));
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreTakenAsTheyCome() {
        BankFile file = parse("\uFEFF" + HEADER.replace("\n", "\r\n") + "A-1,RF741,1.00,EUR,2025-06-01\r\n");
        assertThat(file.payments()).hasSize(1);
    }

    @Test
    void aReferenceThatNamesNoDebtIsStillAWellFormedLine() {
        // matching is decided when the file is applied, line by line, never by refusing the file
        BankFile file = parse(HEADER + "A-1,RF19539007547034,1.00,EUR,2025-06-01\n"
                + "A-2,invoice 42,1.00,EUR,2025-06-01\n");
        assertThat(file.payments()).extracting(BankFile.Payment::reference)
                .containsExactly("RF19539007547034", "invoice 42");
    }

    static Stream<Arguments> malformedFiles() {
        String good = "A-1,RF741,1.00,EUR,2025-06-01\n";
        return Stream.of(
                arguments("", 1, FileRule.EMPTY_FILE),
                arguments("\uFEFF", 1, FileRule.EMPTY_FILE),
                arguments(HEADER, 2, FileRule.EMPTY_FILE),
                arguments("archive_id;reference;amount;currency;value_date\n" + good, 1, FileRule.HEADER_MISMATCH),
                arguments(good, 1, FileRule.HEADER_MISMATCH),
                arguments(HEADER + "\n" + good, 2, FileRule.BLANK_LINE),
                arguments(HEADER + good + "   \n", 3, FileRule.BLANK_LINE),
                arguments(HEADER + "A-1,RF741,1.00,EUR\n", 2, FileRule.COLUMN_COUNT),
                arguments(HEADER + "A-1,RF741,1.00,EUR,2025-06-01,extra\n", 2, FileRule.COLUMN_COUNT),
                arguments(HEADER + "A-1,RF741,\"1,00\",EUR,2025-06-01\n", 2, FileRule.CHARACTER_NOT_ALLOWED),
                arguments(HEADER + "A-1,RF\u0000741,1.00,EUR,2025-06-01\n", 2, FileRule.CHARACTER_NOT_ALLOWED),
                arguments(HEADER + "A-1,RF741,1.00,EUR,2025-06-01\tx\n", 2, FileRule.CHARACTER_NOT_ALLOWED),
                arguments(HEADER + ",RF741,1.00,EUR,2025-06-01\n", 2, FileRule.ARCHIVE_ID_INVALID),
                arguments(HEADER + "A 1,RF741,1.00,EUR,2025-06-01\n", 2, FileRule.ARCHIVE_ID_INVALID),
                arguments(HEADER + "x".repeat(101) + ",RF741,1.00,EUR,2025-06-01\n", 2, FileRule.ARCHIVE_ID_INVALID),
                arguments(HEADER + good + good, 3, FileRule.ARCHIVE_ID_REPEATED),
                arguments(HEADER + "A-1," + "R".repeat(36) + ",1.00,EUR,2025-06-01\n", 2, FileRule.REFERENCE_TOO_LONG),
                arguments(HEADER + "A-1,RF741,1.001,EUR,2025-06-01\n", 2, FileRule.AMOUNT_INVALID),
                arguments(HEADER + "A-1,RF741,1.5,JPY,2025-06-01\n", 2, FileRule.AMOUNT_INVALID),
                arguments(HEADER + "A-1,RF741,1e2,EUR,2025-06-01\n", 2, FileRule.AMOUNT_INVALID),
                arguments(HEADER + "A-1,RF741,,EUR,2025-06-01\n", 2, FileRule.AMOUNT_INVALID),
                arguments(HEADER + "A-1,RF741,0.00,EUR,2025-06-01\n", 2, FileRule.AMOUNT_INVALID),
                arguments(HEADER + "A-1,RF741,-5.00,EUR,2025-06-01\n", 2, FileRule.AMOUNT_INVALID),
                arguments(HEADER + "A-1,RF741,99999999999999999.00,EUR,2025-06-01\n", 2, FileRule.AMOUNT_INVALID),
                arguments(HEADER + "A-1,RF741,1.00,eur,2025-06-01\n", 2, FileRule.CURRENCY_UNKNOWN),
                arguments(HEADER + "A-1,RF741,1.00,EUX,2025-06-01\n", 2, FileRule.CURRENCY_UNKNOWN),
                arguments(HEADER + "A-1,RF741,1.00,XXX,2025-06-01\n", 2, FileRule.CURRENCY_UNKNOWN),
                arguments(HEADER + "A-1,RF741,1.00,EUR,2025-02-30\n", 2, FileRule.VALUE_DATE_INVALID),
                arguments(HEADER + "A-1,RF741,1.00,EUR,01.06.2025\n", 2, FileRule.VALUE_DATE_INVALID),
                arguments(HEADER + "A-1,RF741,1.00,EUR,+2025-06-01\n", 2, FileRule.VALUE_DATE_INVALID));
    }

    @ParameterizedTest
    @MethodSource("malformedFiles")
    void aMalformedFileIsRefusedNamingTheLineAndTheRule(String text, int line, FileRule rule) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(MalformedBankFile.class, malformed -> {
            assertThat(malformed.problems().get(0).line()).isEqualTo(line);
            assertThat(malformed.problems().get(0).rule()).isEqualTo(rule);
            assertThat(malformed.getMessage()).startsWith("line " + line + ": ").doesNotContain("org.", "java.",
                    "Exception");
        });
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAtTheLineThatIsNot() {
        byte[] latin1 = (HEADER + "A-1,RF741,1.00,EUR,2025-06-01\nA-2,Müller,1.00,EUR,2025-06-01\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> BankFile.parse(latin1)).isInstanceOfSatisfying(MalformedBankFile.class,
                malformed -> assertThat(malformed.problems()).containsExactly(
                        new MalformedBankFile.Problem(3, FileRule.NOT_UTF8, "the line is not UTF-8 text")));
    }

    @Test
    void everyMalformedLineIsNamedUpToAHundred() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 150; i++) {
            text.append("A-").append(i).append(",RF741,1.00,EUR,").append(i % 2 == 0 ? "2025-06-01" : "June")
                    .append('\n');
        }
        assertThatThrownBy(() -> parse(text.toString())).isInstanceOfSatisfying(MalformedBankFile.class,
                malformed -> {
                    assertThat(malformed.problems()).hasSize(75);
                    assertThat(malformed.problems()).allSatisfy(problem ->
                            assertThat(problem.rule()).isEqualTo(FileRule.VALUE_DATE_INVALID));
                    assertThat(malformed.problems().get(0).line()).isEqualTo(3);
                });
        String many = text.toString().replace("2025-06-01", "June");
        assertThatThrownBy(() -> parse(many)).isInstanceOfSatisfying(MalformedBankFile.class,
                malformed -> assertThat(malformed.problems()).hasSize(BankFile.PROBLEMS_SHOWN));
    }

    /** Whatever arrives, the file is read or refused as malformed: nothing else may escape (it would be a 500). */
    @Property
    void anyBytesAreReadOrRefusedAsMalformed(@ForAll("files") byte[] bytes) {
        try {
            assertThat(BankFile.parse(bytes).payments()).isNotEmpty();
        } catch (MalformedBankFile malformed) {
            assertThat(malformed.problems()).isNotEmpty().hasSizeLessThanOrEqualTo(BankFile.PROBLEMS_SHOWN);
        }
    }

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("RF741", "rf74 1", "1.00", "0.1", "-1", "EUR", "JPY", "2025-06-01", "2025-02-30", "A-1",
                        "", " ", "\"", "\r", "\uFEFF"));
        Arbitrary<String> line = field.list().ofMinSize(0).ofMaxSize(7).map(fields -> String.join(",", fields));
        Arbitrary<String> text = line.list().ofMaxSize(6).map(lines -> String.join("\n", lines));
        return Arbitraries.oneOf(
                text.map(body -> (HEADER + body).getBytes(StandardCharsets.UTF_8)),
                text.map(body -> body.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
    }

    @Test
    void aValueInARefusalIsCutShort() {
        assertThatThrownBy(() -> parse(HEADER + "A-1,RF741,1.00," + "E".repeat(10_000) + ",2025-06-01\n"))
                .hasMessageContaining("'" + "E".repeat(40) + "...'")
                .satisfies(refused -> assertThat(refused.getMessage()).hasSizeLessThan(200));
    }
}
