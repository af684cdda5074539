package org.debtledger.command.bankfile;

/** What makes a bank file malformed, by name. A file that breaks one is refused whole: nothing in it is applied. */
public enum FileRule {
    EMPTY_FILE,
    NOT_UTF8,
    HEADER_MISMATCH,
    BLANK_LINE,
    CHARACTER_NOT_ALLOWED,
    COLUMN_COUNT,
    ARCHIVE_ID_INVALID,
    ARCHIVE_ID_REPEATED,
    REFERENCE_TOO_LONG,
    AMOUNT_INVALID,
    CURRENCY_UNKNOWN,
    VALUE_DATE_INVALID
}
