package org.debtledger.command.debt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command was refused because it would break a named rule. Nothing was written. Its facts are what a caller needs
 * to put it right (how much a plan falls short), answered beside the rule.
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final Map<String, Object> facts;

    public RuleViolation(Rule rule, String detail) {
        this(rule, detail, Map.of());
    }

    public RuleViolation(Rule rule, String detail, Map<String, Object> facts) {
        super(detail);
        this.rule = rule;
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public Rule rule() {
        return rule;
    }

    public Map<String, Object> facts() {
        return facts;
    }

    public static void check(boolean condition, Rule rule, String detail) {
        if (!condition) {
            throw new RuleViolation(rule, detail);
        }
    }
}
