package org.debtledger.creditor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An international bank account number (ISO 13616): a country code, two check digits (ISO 7064 mod 97-10) and
 * up to 30 letters or digits. Kept in the electronic form, capitals without spaces.
 */
public record Iban(@JsonValue String value) {

    private static final Pattern ELECTRONIC = Pattern.compile("[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Iban {
        if (!valid(value)) {
            throw new IllegalArgumentException("not an IBAN with matching check digits");
        }
    }

    /** Whether {@code text}, as typed or printed (any case, spaces anywhere), is an IBAN whose check digits match. */
    public static boolean isValid(String text) {
        return text != null && valid(normalised(text));
    }

    /** Reads an IBAN as typed or printed: any case, spaces anywhere. */
    public static Iban parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no IBAN");
        }
        return new Iban(normalised(text));
    }

    private static String normalised(String text) {
        return text.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static boolean valid(String value) {
        if (value == null || !ELECTRONIC.matcher(value).matches()) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (value.substring(4) + value.substring(0, 4)).toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    @Override
    public String toString() {
        return value;
    }
}
