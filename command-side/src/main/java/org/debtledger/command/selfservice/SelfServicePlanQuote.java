package org.debtledger.command.selfservice;

import org.debtledger.command.plan.PlanQuote;
import org.debtledger.command.plan.SuggestedPlan;
import org.debtledger.money.Money;

import java.time.LocalDate;

/**
 * What a plan the debtor agrees today must cover ({@code mustCover}: interest to today and the plan's fee included),
 * its fee (null: free, as the first plan is), what a later plan would be charged (null: free), the least instalment,
 * whether a plan is in force (then none can be agreed), and equal monthly instalments that cover it to the cent.
 */
record SelfServicePlanQuote(String debtId, LocalDate date, int planNumber, Money mustCover, Money fee,
                            Money laterPlanFee, Money minimumInstalment, boolean planInForce,
                            SuggestedPlan suggestion) {

    static SelfServicePlanQuote of(PlanQuote quote, SuggestedPlan suggestion) {
        return new SelfServicePlanQuote(quote.debtId(), quote.date(), quote.planNumber(), quote.mustCover(),
                quote.fee(), quote.laterPlanFee(), quote.minimumInstalment(), quote.planInForce(), suggestion);
    }
}
