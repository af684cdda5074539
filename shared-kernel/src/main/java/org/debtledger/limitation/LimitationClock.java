package org.debtledger.limitation;

import java.time.LocalDate;

/**
 * What a debt's limitation date is computed from: the day the claim first fell due, the due date in force (an
 * extension moves it), and the last day of each kind of act that can restart limitation. Both sides keep it from
 * the debt's events, by assignment only; {@link LimitationPolicy} turns it into a date.
 */
public record LimitationClock(LocalDate firstDueDate, LocalDate dueDate, LocalDate lastPayment, LocalDate lastPlan,
                              LocalDate lastDemand) {

    public static LimitationClock dueOn(LocalDate dueDate) {
        return new LimitationClock(dueDate, dueDate, null, null, null);
    }

    public LimitationClock dueDateMoved(LocalDate moved) {
        return new LimitationClock(firstDueDate, moved, lastPayment, lastPlan, lastDemand);
    }

    public LimitationClock paid(LocalDate valueDate) {
        return new LimitationClock(firstDueDate, dueDate, latest(lastPayment, valueDate), lastPlan, lastDemand);
    }

    public LimitationClock planAgreed(LocalDate date) {
        return new LimitationClock(firstDueDate, dueDate, lastPayment, latest(lastPlan, date), lastDemand);
    }

    public LimitationClock demanded(LocalDate date) {
        return new LimitationClock(firstDueDate, dueDate, lastPayment, lastPlan, latest(lastDemand, date));
    }

    /** The last day of an act of this kind, or null if none happened. */
    LocalDate last(LimitationPolicy.Restart restart) {
        return switch (restart) {
            case PAYMENT -> lastPayment;
            case PLAN_AGREED -> lastPlan;
            case DEMAND -> lastDemand;
        };
    }

    private static LocalDate latest(LocalDate known, LocalDate date) {
        return known == null || date.isAfter(known) ? date : known;
    }
}
