package org.debtledger.query.debt;

import org.debtledger.debt.Balance;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.interest.InterestFreezes;
import org.debtledger.limitation.LimitationClock;
import org.debtledger.money.Money;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A debt as an advisor sees it: what is owed by component, what was paid, credit owed back, the plan with each
 * instalment, any pause or dispute, who has the case, and the event-store position of the last event applied.
 * Folded from the debt's events by {@link DebtViewFold}, both live and when replaying history.
 */
public record DebtView(String debtId, String creditorId, String debtorId, String invoiceReference,
                       InvoicePeriod invoicePeriod, String description, DebtType debtType, Jurisdiction jurisdiction,
                       LocalDate dueDate, LocalDate registeredOn, Status status, Outstanding outstanding, Money paid,
                       Money credit, Plan plan, Pause pause, Dispute dispute, String advisorId,
                       LocalDate interestAccruedThrough, InterestFreezes interestFreezes, Limitation limitation,
                       long sequenceNumber, long position) {

    public enum Status { OPEN, SETTLED, WRITTEN_OFF, RECALLED }

    /**
     * The last day the claim can be collected or its limitation restarted ({@code date}), whether close of business
     * has recorded it time-barred, and what the date is computed from.
     */
    public record Limitation(LocalDate date, boolean timeBarred, LimitationClock clock) {
    }

    /** What is owed, by component, and in total. */
    public record Outstanding(Money principal, Money fees, Money interest, Money total) {

        public static Outstanding of(Balance balance) {
            return new Outstanding(balance.principal(), balance.fees(), balance.interest(), balance.total());
        }

        public Balance balance() {
            return new Balance(fees, interest, principal);
        }
    }

    public record Plan(int number, PlanStatus status, LocalDate agreedOn, boolean interestFrozen,
                       List<Instalment> instalments) {

        Plan withStatus(PlanStatus status) {
            return new Plan(number, status, agreedOn, interestFrozen, instalments);
        }

        Plan withInstalment(int instalmentNumber, UnaryOperator<Instalment> change) {
            List<Instalment> changed = new ArrayList<>(instalments);
            changed.set(instalmentNumber - 1, change.apply(changed.get(instalmentNumber - 1)));
            return new Plan(number, status, agreedOn, interestFrozen, changed);
        }
    }

    public enum PlanStatus { ACTIVE, BROKEN, COMPLETED }

    public record Instalment(int number, LocalDate dueDate, Money amount, Money paid, boolean missed,
                             InstalmentState state) {

        static Instalment of(int number, LocalDate dueDate, Money amount, Money paid, boolean missed) {
            InstalmentState state = !paid.isLessThan(amount) ? InstalmentState.PAID
                    : missed ? InstalmentState.MISSED
                    : paid.isPositive() ? InstalmentState.PARTLY_PAID
                    : InstalmentState.DUE;
            return new Instalment(number, dueDate, amount, paid, missed, state);
        }
    }

    public enum InstalmentState { DUE, PARTLY_PAID, PAID, MISSED }

    public record Pause(PauseReason reason, LocalDate from, LocalDate until, Set<Freeze> freezes) {

        public Pause {
            // in the order of the enum, so the stored view does not depend on how the set was built or read
            freezes = freezes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(freezes));
        }
    }

    public record Dispute(String reason, LocalDate openedOn) {
    }
}
