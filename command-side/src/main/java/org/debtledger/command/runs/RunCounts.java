package org.debtledger.command.runs;

import java.util.Map;

/**
 * How far a run has come: of its debts (close of business) or payment lines (a bank file), how many in all, how many
 * done, and how many of those failed (a bank file's: were refused), by rule. A bank file's also says how many lines
 * were applied now and how many had been applied before.
 */
public record RunCounts(Integer total, int done, int failed, Integer applied, Integer alreadyApplied,
                        Map<String, Integer> failuresByRule) {

    static final RunCounts NONE = new RunCounts(null, 0, 0, null, null, Map.of());

    public RunCounts {
        failuresByRule = Map.copyOf(failuresByRule);
    }

    public static RunCounts ofDebts(int total, int done, int failed, Map<String, Integer> failuresByRule) {
        return new RunCounts(total, done, failed, null, null, failuresByRule);
    }

    public static RunCounts ofLines(int total, int applied, int alreadyApplied, int refused,
                                    Map<String, Integer> refusalsByRule) {
        return new RunCounts(total, applied + alreadyApplied + refused, refused, applied, alreadyApplied,
                refusalsByRule);
    }
}
