package org.debtledger.command.plan;

import org.debtledger.money.Money;

import java.time.LocalDate;

/**
 * What a plan of {@code instalments} agreed on {@code date} must cover to the cent ({@code mustCover}: all owed that
 * day, interest to that day and the plan's fee included), the fee (null: the plan is free), what the plan after it
 * would be charged on the same terms ({@code laterPlanFee}, null: free), the least an instalment may be, and whether
 * a plan is already in force (then none can be agreed).
 */
public record PlanQuote(String debtId, LocalDate date, int instalments, int planNumber, Money mustCover, Money fee,
                        Money laterPlanFee, Money minimumInstalment, boolean planInForce) {
}
