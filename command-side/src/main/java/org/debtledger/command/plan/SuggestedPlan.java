package org.debtledger.command.plan;

import org.debtledger.money.Money;
import org.debtledger.plan.Instalment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Equal monthly instalments that sum to what a plan must cover, to the cent: where it does not divide evenly the
 * first instalments carry the remainder, a cent each ({@code remainderOn} FIRST), so no two differ by more than a
 * cent. The first falls due {@link #FIRST_DUE_AFTER_DAYS} days after the plan is agreed, each next one a month after
 * it, on the same day of the month (or the month's last day, where it is shorter).
 */
public record SuggestedPlan(int instalmentCount, String remainderOn, List<Instalment> instalments) {

    /** Two weeks for the debtor to arrange the first payment. */
    public static final int FIRST_DUE_AFTER_DAYS = 14;

    public static SuggestedPlan of(Money total, int count, LocalDate agreedOn) {
        List<Money> amounts = total.split(count);
        LocalDate first = agreedOn.plusDays(FIRST_DUE_AFTER_DAYS);
        List<Instalment> instalments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            instalments.add(new Instalment(first.plusMonths(i), amounts.get(i)));
        }
        return new SuggestedPlan(count, "FIRST", List.copyOf(instalments));
    }

    /** The smallest instalment: the last. */
    public Money smallest() {
        return instalments.get(instalments.size() - 1).amount();
    }
}
