package org.debtledger.command.creditor;

/** A change to a creditor was refused by a {@link CreditorRule}; nothing was written. Answered with 422. */
public class CreditorRefused extends RuntimeException {

    private final CreditorRule rule;

    CreditorRefused(CreditorRule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public CreditorRule rule() {
        return rule;
    }
}
