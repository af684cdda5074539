package org.debtledger.command.bankfile;

import org.debtledger.money.Money;

import java.util.List;

/**
 * What applying a bank file did: how many payment lines it had, how many were applied now, how many had been
 * applied before (the same archive id recorded earlier, so nothing was written), and which were refused and why;
 * and the amounts applied now, per currency.
 */
public record BankFileReport(int lines, int applied, int alreadyApplied, int refused, List<Money> appliedTotals,
                             List<Refusal> refusals) {

    /** A line not applied: {@code rule} is a {@link LineRule} or the Debt aggregate's rule that refused it. */
    public record Refusal(int line, String archiveId, String reference, String rule, String detail) {
    }
}
