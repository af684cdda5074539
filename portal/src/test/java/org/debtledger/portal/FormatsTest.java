package org.debtledger.portal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts and dates read as each language writes them; the spaces inside an amount do not break. */
class FormatsTest {

    private static final Map<String, String> AMOUNT = Map.of("amount", "1234.56", "currency", "EUR");
    private static final LocalDate DAY = LocalDate.of(2025, 2, 15);

    private static Formats in(String language) {
        return Formats.in(Locale.forLanguageTag(language));
    }

    private static String plain(String text) {
        return text.replace('\u00a0', ' ');
    }

    @Test
    void finnishAndSwedishAmountsPutTheEuroAfterASpace() {
        assertThat(in("fi").money(AMOUNT)).isEqualTo("1\u00a0234,56\u00a0€");
        assertThat(plain(in("sv").money(AMOUNT))).isEqualTo("1 234,56 €");
    }

    @Test
    void englishAmountsPutTheEuroFirst() {
        assertThat(in("en").money(AMOUNT)).isEqualTo("€1,234.56");
    }

    @Test
    void smallLargeAndNegativeAmountsKeepTheirCents() {
        assertThat(plain(in("fi").money(Map.of("amount", "0.5", "currency", "EUR")))).isEqualTo("0,50 €");
        assertThat(plain(in("fi").money(Map.of("amount", "1234567.00", "currency", "EUR"))))
                .isEqualTo("1 234 567,00 €");
        assertThat(in("en").money(Map.of("amount", "-12.30", "currency", "EUR"))).isEqualTo("-€12.30");
        assertThat(plain(in("sv").money(Map.of("amount", "-12.30", "currency", "EUR")))).isEqualTo("-12,30 €");
        assertThat(in("fi").money(null)).isEmpty();
    }

    @Test
    void datesAreWrittenAsEachLanguageWritesThem() {
        assertThat(in("fi").date(DAY)).isEqualTo("15.2.2025");
        assertThat(in("sv").date(DAY)).isEqualTo("2025-02-15");
        assertThat(in("en").date(DAY)).isEqualTo("15 Feb 2025");
        assertThat(in("fi").date("2025-12-01")).isEqualTo("1.12.2025");
        assertThat(in("en").date(null)).isEmpty();
    }

    @Test
    void ratesAreWrittenWithTheLanguagesDecimalMark() {
        assertThat(plain(in("fi").percent("10.50"))).isEqualTo("10,50 %");
        assertThat(in("en").percent("10.50")).isEqualTo("10.50%");
    }

    @Test
    void aLanguageWeDoNotSpeakReadsAsEnglish() {
        assertThat(in("de").money(AMOUNT)).isEqualTo("€1,234.56");
        assertThat(Language.ofBrowser("de-DE,de;q=0.9")).isEqualTo(Language.EN);
        assertThat(Language.ofBrowser("sv-FI,sv;q=0.9,fi;q=0.8")).isEqualTo(Language.SV);
        assertThat(Language.ofBrowser("en-GB,fi;q=0.9")).isEqualTo(Language.EN);
        assertThat(Language.ofBrowser(null)).isEqualTo(Language.FI);
    }
}
