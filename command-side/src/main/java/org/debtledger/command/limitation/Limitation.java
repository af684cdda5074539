package org.debtledger.command.limitation;

import org.debtledger.limitation.LimitationClock;

import java.time.LocalDate;

/**
 * What a debt's limitation stands on: what its limitation date is computed from, the limitation date close of
 * business last announced, and whether the claim is time-barred (after which nothing restarts it).
 */
public record Limitation(LimitationClock clock, LocalDate announced, boolean timeBarred) {

    public static Limitation dueOn(LocalDate dueDate) {
        return new Limitation(LimitationClock.dueOn(dueDate), null, false);
    }

    public Limitation dueDateMoved(LocalDate dueDate) {
        return new Limitation(clock.dueDateMoved(dueDate), announced, timeBarred);
    }

    public Limitation paid(LocalDate valueDate) {
        return timeBarred ? this : new Limitation(clock.paid(valueDate), announced, false);
    }

    public Limitation planAgreed(LocalDate date) {
        return new Limitation(clock.planAgreed(date), announced, timeBarred);
    }

    public Limitation demanded(LocalDate date) {
        return new Limitation(clock.demanded(date), announced, timeBarred);
    }

    public Limitation announced(LocalDate limitationDate) {
        return new Limitation(clock, limitationDate, timeBarred);
    }

    public Limitation barred() {
        return new Limitation(clock, announced, true);
    }
}
