package org.debtledger.command.runs;

/** What an operation run does. */
public enum RunKind {
    CLOSE_OF_BUSINESS,
    BANK_FILE
}
