package org.debtledger.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in the minor units of its ISO 4217 currency (cents for EUR).
 * Arithmetic is exact and refuses to mix currencies; splitting never creates or loses a unit.
 * Crosses JSON as {@code {"amount": "123.45", "currency": "EUR"}}.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency " + currency + " has no minor unit");
        }
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public static Money ofMinor(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    /**
     * Parses a plain decimal string with exactly the currency's number of decimals, such as {@code "123.45"} in EUR
     * or {@code "1000"} in JPY. Refuses other numbers of decimals, exponents, signs other than a leading minus, and
     * anything but digits.
     */
    @JsonCreator
    public static Money of(@JsonProperty("amount") String amount, @JsonProperty("currency") String currencyCode) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is missing");
        }
        Currency currency = currency(currencyCode);
        if (!DECIMAL.matcher(amount).matches()) {
            throw new IllegalArgumentException("amount '" + amount + "' is not a plain decimal number");
        }
        BigDecimal decimal = new BigDecimal(amount);
        int digits = currency.getDefaultFractionDigits();
        if (decimal.scale() != digits) {
            throw new IllegalArgumentException("amount " + amount + " must have exactly " + digits + " decimals in "
                    + currency + ", such as " + BigDecimal.valueOf(12345, digits).toPlainString());
        }
        return new Money(decimal.movePointRight(digits).longValueExact(), currency);
    }

    private static Currency currency(String code) {
        if (code == null) {
            throw new IllegalArgumentException("currency is missing");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency '" + code + "'");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency " + code + " has no minor unit");
        }
        return currency;
    }

    /** The amount as a plain decimal string with exactly the currency's number of decimals. */
    public String amount() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()).toPlainString();
    }

    @JsonValue
    Map<String, String> json() {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("amount", amount());
        json.put("currency", currency.getCurrencyCode());
        return json;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** This amount times {@code numerator / denominator}, rounded down: a derived cap never overcharges. */
    public Money fraction(long numerator, long denominator) {
        if (numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("fraction must be non-negative");
        }
        return new Money(Math.floorDiv(Math.multiplyExact(minorUnits, numerator), denominator), currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public boolean hasCurrency(Currency other) {
        return currency.equals(other);
    }

    /**
     * Splits this amount into {@code parts} amounts that differ by at most one minor unit and sum exactly
     * to it; the earlier parts carry the remainder.
     */
    public List<Money> split(int parts) {
        if (parts <= 0) {
            throw new IllegalArgumentException("parts must be positive");
        }
        long base = minorUnits / parts;
        long remainder = minorUnits % parts;
        List<Money> result = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            long extra = i < Math.abs(remainder) ? Long.signum(remainder) : 0;
            result.add(new Money(base + extra, currency));
        }
        return Collections.unmodifiableList(result);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minorUnits, sameCurrency(other).minorUnits);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatch(currency, other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return amount() + " " + currency.getCurrencyCode();
    }

    /** Two amounts in different currencies were combined. */
    public static final class CurrencyMismatch extends IllegalArgumentException {
        public CurrencyMismatch(Currency expected, Currency actual) {
            super("currency " + actual + " does not match " + expected);
        }
    }
}
