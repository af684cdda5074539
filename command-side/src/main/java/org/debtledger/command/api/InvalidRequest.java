package org.debtledger.command.api;

/** The request itself is malformed: a field missing, too long or out of range. Answered with 400. */
public class InvalidRequest extends RuntimeException {

    public InvalidRequest(String detail) {
        super(detail);
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidRequest(field + " is required");
        }
        return value;
    }

    public static String requiredText(String value, String field, int maxLength) {
        required(value, field);
        if (value.isBlank() || value.length() > maxLength) {
            throw new InvalidRequest(field + " must be 1 to " + maxLength + " characters");
        }
        return value;
    }

    public static String optionalText(String value, String field, int maxLength) {
        return value == null ? null : requiredText(value, field, maxLength);
    }
}
