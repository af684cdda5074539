package org.debtledger.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * Amounts, dates and rates as a person reads them in their language: in Finnish and Swedish {@code 1 234,56 €},
 * {@code 15.2.2025} and {@code 2025-02-15}; in English {@code €1,234.56} and {@code 15 Feb 2025}. The spaces inside an
 * amount do not break, so an amount stays on one line. The API's amounts are text ({@code "1234.56"}), read exactly.
 */
public final class Formats {

    private static final char NO_BREAK = '\u00a0';
    private static final Map<Language, DateTimeFormatter> DATES = Map.of(
            Language.FI, DateTimeFormatter.ofPattern("d.M.uuuu", Locale.forLanguageTag("fi")),
            Language.SV, DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.forLanguageTag("sv")),
            Language.EN, DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH));

    private final Language language;

    private Formats(Language language) {
        this.language = language;
    }

    static Formats in(Locale locale) {
        return new Formats(Language.of(locale));
    }

    /** An amount of the API's JSON ({@code {"amount": "12.34", "currency": "EUR"}}); empty for none. */
    public String money(Object money) {
        if (money instanceof Map<?, ?> json && json.get("amount") != null) {
            Object currency = json.get("currency");
            return money(new BigDecimal(json.get("amount").toString()), currency == null ? "EUR" : currency.toString());
        }
        return "";
    }

    public String money(BigDecimal amount, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        BigDecimal exact = amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.UNNECESSARY);
        String symbol = "EUR".equals(currencyCode) ? "€" : currencyCode;
        String digits = number(exact.abs(), exact.scale());
        String sign = exact.signum() < 0 ? "-" : "";
        return language == Language.EN ? sign + symbol + digits : sign + digits + NO_BREAK + symbol;
    }

    /** A number the person typed or the API gave, such as a rate: {@code 11,50} or {@code 11.50}. */
    public String number(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        BigDecimal number = new BigDecimal(value.toString());
        return (number.signum() < 0 ? "-" : "") + number(number.abs(), Math.max(0, number.scale()));
    }

    /** A yearly rate in per cent: {@code 11,50 %} or {@code 11.50%}. */
    public String percent(Object value) {
        String number = number(value);
        if (number.isEmpty()) {
            return "";
        }
        return language == Language.EN ? number + "%" : number + NO_BREAK + "%";
    }

    /** A date of the API's JSON ({@code "2025-02-15"}) or a {@link LocalDate}; empty for none. */
    public String date(Object date) {
        if (date == null || date.toString().isBlank()) {
            return "";
        }
        LocalDate day = date instanceof LocalDate local ? local : LocalDate.parse(date.toString().substring(0, 10));
        return DATES.get(language).format(day);
    }

    /** From one date to another: {@code 1.1.2025–31.1.2025}. */
    public String period(Object from, Object to) {
        if (from == null && to == null) {
            return "";
        }
        return date(from) + "\u2013" + date(to);
    }

    private String number(BigDecimal positive, int decimals) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(language == Language.EN ? ',' : NO_BREAK);
        symbols.setDecimalSeparator(language == Language.EN ? '.' : ',');
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                symbols);
        format.setParseBigDecimal(true);
        return format.format(positive);
    }

    /** The language's code ({@code fi}), for {@code lang} attributes. */
    public String language() {
        return language.code();
    }
}
