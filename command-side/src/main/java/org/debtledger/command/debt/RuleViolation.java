package org.debtledger.command.debt;

/** A command was refused because it would break a named rule. Nothing was written. */
public class RuleViolation extends RuntimeException {

    private final Rule rule;

    public RuleViolation(Rule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    public static void check(boolean condition, Rule rule, String detail) {
        if (!condition) {
            throw new RuleViolation(rule, detail);
        }
    }
}
