package org.debtledger.debt;

import java.util.regex.Pattern;

/** The one rule every identifier follows: printable, no spaces, at most 100 characters. */
public final class Identifier {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,99}");

    private Identifier() {
    }

    public static void requireValid(String value, String name) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 1 to 100 letters, digits or ._:/@+- and start with a letter or digit");
        }
    }
}
