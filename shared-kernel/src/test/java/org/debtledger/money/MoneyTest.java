package org.debtledger.money;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void parsesDecimalStringsIntoMinorUnits() {
        assertThat(Money.of("123.45", "EUR").minorUnits()).isEqualTo(12345);
        assertThat(Money.of("0.50", "EUR").minorUnits()).isEqualTo(50);
        assertThat(Money.of("1000", "JPY").amount()).isEqualTo("1000");
    }

    @Test
    void refusesAnyNumberOfDecimalsButTheCurrencysOwn() {
        assertThatThrownBy(() -> Money.of("1.234", "EUR")).hasMessageContaining("exactly 2 decimals in EUR");
        assertThatThrownBy(() -> Money.of("1.0", "EUR")).hasMessageContaining("exactly 2 decimals in EUR");
        assertThatThrownBy(() -> Money.of("1", "EUR")).hasMessageContaining("such as 123.45");
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).hasMessageContaining("exactly 0 decimals in JPY");
    }

    @Test
    void refusesAnythingButAPlainDecimal() {
        for (String bad : List.of("1e3", "+1.00", " 1.00", "1,00", "", "0x10", "1.", ".5", "NaN", "12345678901234567")) {
            assertThatThrownBy(() -> Money.of(bad, "EUR")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesUnknownCurrencies() {
        assertThatThrownBy(() -> Money.of("1.00", "EUX")).hasMessageContaining("unknown currency 'EUX'");
        assertThatThrownBy(() -> Money.of("1.00", "XXX")).hasMessageContaining("no minor unit");
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "SEK")))
                .isInstanceOf(Money.CurrencyMismatch.class);
    }

    @Test
    void fractionsRoundDownSoADerivedCapNeverOvercharges() {
        assertThat(Money.of("24.00", "EUR").fraction(1, 2)).isEqualTo(Money.of("12.00", "EUR"));
        assertThat(Money.of("0.05", "EUR").fraction(1, 2)).isEqualTo(Money.of("0.02", "EUR"));
    }

    @Property
    void formattingAndParsingRoundTrip(@ForAll @LongRange(min = -99_999_999_999_999L, max = 99_999_999_999_999L) long minor) {
        Money money = Money.ofMinor(minor, "EUR");
        assertThat(Money.of(money.amount(), "EUR")).isEqualTo(money);
    }

    @Property
    void splittingNeitherCreatesNorLosesACent(@ForAll @LongRange(min = -10_000_000, max = 10_000_000) long minor,
                                             @ForAll @IntRange(min = 1, max = 60) int parts) {
        List<Money> split = Money.ofMinor(minor, "EUR").split(parts);
        assertThat(split).hasSize(parts);
        assertThat(split.stream().mapToLong(Money::minorUnits).sum()).isEqualTo(minor);
        long max = split.stream().mapToLong(Money::minorUnits).max().orElseThrow();
        long min = split.stream().mapToLong(Money::minorUnits).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @Property
    void additionAndSubtractionAreExactInverses(@ForAll @LongRange(min = -1_000_000_000, max = 1_000_000_000) long a,
                                               @ForAll @LongRange(min = -1_000_000_000, max = 1_000_000_000) long b) {
        Money x = Money.ofMinor(a, "EUR");
        Money y = Money.ofMinor(b, "EUR");
        assertThat(x.plus(y).minus(y)).isEqualTo(x);
    }
}
