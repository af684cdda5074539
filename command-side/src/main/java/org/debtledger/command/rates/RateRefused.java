package org.debtledger.command.rates;

/** A change to the reference rates was refused by a {@link RateRule}; nothing was recorded. Answered with 422. */
public class RateRefused extends RuntimeException {

    private final RateRule rule;

    RateRefused(RateRule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public RateRule rule() {
        return rule;
    }
}
