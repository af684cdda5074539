package org.debtledger.payment;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.debtledger.debt.DebtId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditorReferenceTest {

    /**
     * References computed apart from this code: ISO 11649's own example (RF18 5390 0754 7034), examples published
     * with other libraries (RF68AB2G5, RF451234512345, RF96TU06FX, RF14X2HU..., RF60ISO11649), and the rest by a
     * big-integer mod 97 in a few lines of Python.
     */
    @ParameterizedTest
    @CsvSource({
            "539007547034, RF18539007547034",
            "AB2G5, RF68AB2G5",
            "1234512345, RF451234512345",
            "TU06FX, RF96TU06FX",
            "X2HU4TC28XTYLHASYWT91, RF14X2HU4TC28XTYLHASYWT91",
            "ISO11649, RF60ISO11649",
            "0HYA6, RF720HYA6",
            "ACME20250107, RF07ACME20250107",
            "1, RF741",
            "A, RF25A",
            "Z, RF29Z",
            "000000000000000000000, RF04000000000000000000000",
            "ZZZZZZZZZZZZZZZZZZZZZ, RF09ZZZZZZZZZZZZZZZZZZZZZ"})
    void aDebtsReferenceHasTheCheckDigitsComputedIndependently(String debtId, String reference) {
        assertThat(CreditorReference.forDebt(new DebtId(debtId)).value()).isEqualTo(reference);
        assertThat(CreditorReference.parse(reference).debtId()).isEqualTo(new DebtId(debtId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RF18 5390 0754 7034", "rf18 5390 0754 7034", "RF185390 07547034", " RF18539007547034 ",
            "Rf18539007547034"})
    void aReferenceIsReadInAnyCaseWithSpacesAsBanksPrintIt(String printed) {
        CreditorReference reference = CreditorReference.parse(printed);
        assertThat(reference.value()).isEqualTo("RF18539007547034");
        assertThat(reference.printed()).isEqualTo("RF18 5390 0754 7034");
        assertThat(reference.debtId()).isEqualTo(new DebtId("539007547034"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RF18 5390 0754 7033", "RF19539007547034", "RF81539007547034", "RF19GAX8WS5JYOOUJ87",
            "RF00A", "RF01A", "RF99A"})
    void aReferenceWhoseCheckDigitsFailIsRefusedAsSuch(String text) {
        assertThatThrownBy(() -> CreditorReference.parse(text))
                .isInstanceOfSatisfying(CreditorReference.Invalid.class,
                        invalid -> assertThat(invalid.why()).isEqualTo(CreditorReference.Invalid.Why.CHECK_DIGITS_WRONG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "RF", "RF18", "RF1A539007547034", "FI18539007547034", "539007547034",
            "RF18-5390-0754-7034", "RF185390075470341234567890", "RF18ÄÖ", "RF18\u00005390"})
    void aTextThatIsNoCreditorReferenceIsRefusedAsSuch(String text) {
        assertThatThrownBy(() -> CreditorReference.parse(text))
                .isInstanceOfSatisfying(CreditorReference.Invalid.class, invalid ->
                        assertThat(invalid.why()).isEqualTo(CreditorReference.Invalid.Why.NOT_A_CREDITOR_REFERENCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"debt-1", "abc123", "ABCDEFGHIJKLMNOPQRSTUV", "7d0c5a52-1b6e-4f0e-9a51-2f0c3b7c9e11"})
    void aDebtIdThatNoReferenceCanHoldHasNone(String debtId) {
        assertThatThrownBy(() -> CreditorReference.forDebt(new DebtId(debtId)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void aDebtsReferenceReadsBackAsTheDebtPrintedOrNot(@ForAll("bodies") String body) {
        CreditorReference reference = CreditorReference.forDebt(new DebtId(body));
        assertThat(CreditorReference.parse(reference.printed()).debtId().value()).isEqualTo(body);
        assertThat(CreditorReference.parse(reference.printed().toLowerCase(Locale.ROOT))).isEqualTo(reference);
    }

    @Property
    void exactlyOnePairOfCheckDigitsFitsABody(@ForAll("bodies") String body) {
        long fitting = IntStream.range(0, 100)
                .mapToObj(check -> "RF" + (check < 10 ? "0" : "") + check + body)
                .filter(CreditorReferenceTest::valid)
                .count();
        assertThat(fitting).isEqualTo(1);
    }

    /** Mod 97 catches every single mistyped digit or letter, as long as a digit stays a digit and a letter a letter. */
    @Property
    void aMistypedCharacterIsCaught(@ForAll("bodies") String body, @ForAll @IntRange(max = 20) int at,
                                    @ForAll @IntRange(min = 1, max = 25) int shift) {
        Assume.that(at < body.length());
        String reference = CreditorReference.forDebt(new DebtId(body)).value();
        char original = body.charAt(at);
        char mistyped = Character.isDigit(original)
                ? (char) ('0' + (original - '0' + shift % 10) % 10)
                : (char) ('A' + (original - 'A' + shift) % 26);
        Assume.that(mistyped != original);
        assertThat(valid(reference.substring(0, 4 + at) + mistyped + reference.substring(5 + at))).isFalse();
    }

    @Property
    void twoDigitsSwappedAreCaught(@ForAll("bodies") String body, @ForAll @IntRange(max = 19) int at) {
        Assume.that(at + 1 < body.length());
        char first = body.charAt(at);
        char second = body.charAt(at + 1);
        Assume.that(Character.isDigit(first) && Character.isDigit(second) && first != second);
        String reference = CreditorReference.forDebt(new DebtId(body)).value();
        String swapped = reference.substring(0, 4 + at) + second + first + reference.substring(6 + at);
        assertThat(valid(swapped)).isFalse();
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(21),
                Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(21));
    }

    private static boolean valid(String text) {
        try {
            CreditorReference.parse(text);
            return true;
        } catch (CreditorReference.Invalid invalid) {
            return false;
        }
    }
}
