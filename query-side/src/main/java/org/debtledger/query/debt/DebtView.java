package org.debtledger.query.debt;

import org.debtledger.audit.Channel;
import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactDirection;
import org.debtledger.contact.ContactOutcome;
import org.debtledger.debt.Balance;
import org.debtledger.debt.DebtStanding;
import org.debtledger.debt.DebtStatus;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.interest.InterestFreezes;
import org.debtledger.limitation.LimitationClock;
import org.debtledger.limitation.LimitationPolicy;
import org.debtledger.money.Money;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.debtledger.plan.InstalmentProgress;
import org.debtledger.plan.PlanProgress;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A debt as an advisor sees it: what is owed by component, what was paid, credit owed back, the plan with each
 * instalment, any pause or dispute, who has the case, its promises to pay and the contacts about it (each oldest
 * first), and the event-store position of the last event applied.
 * Folded from the debt's events by {@link DebtViewFold}, both live and when replaying history; what it shows of
 * where the debt stands is a {@link DebtStanding}, and reads back as one ({@link #standing()}).
 */
public record DebtView(String debtId, String creditorId, String debtorId, String invoiceReference,
                       InvoicePeriod invoicePeriod, String description, DebtType debtType, Jurisdiction jurisdiction,
                       LocalDate dueDate, LocalDate registeredOn, DebtStatus status, Outstanding outstanding, Money paid,
                       Money credit, Plan plan, Pause pause, Dispute dispute, String advisorId,
                       LocalDate interestAccruedThrough, InterestFreezes interestFreezes, Limitation limitation,
                       long sequenceNumber, long position, List<Promise> promises, List<Contact> contacts) {

    public DebtView {
        // a view stored before promises were kept or contacts recorded has none
        promises = promises == null ? List.of() : List.copyOf(promises);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** Where the debt stands, as this view shows it. */
    public DebtStanding standing() {
        // a view stored before limitation was kept counts from its due date until the model is rebuilt
        LimitationClock clock = limitation != null ? limitation.clock() : LimitationClock.dueOn(dueDate);
        return new DebtStanding(status, outstanding.balance(), paid, credit, plan == null ? null : plan.progress(),
                dueDate, interestAccruedThrough, interestFreezes, clock, limitation != null && limitation.timeBarred());
    }

    /** This debt's view where it stands as {@code standing}, with the rest given. */
    DebtView with(DebtStanding standing, LimitationPolicy limitationPolicy, Pause pause, Dispute dispute,
                  String advisorId, long sequenceNumber, long position, List<Promise> promises,
                  List<Contact> contacts) {
        Limitation limitation = new Limitation(limitationPolicy.limitationDate(debtType, standing.limitation()),
                standing.timeBarred(), standing.limitation());
        return new DebtView(debtId, creditorId, debtorId, invoiceReference, invoicePeriod, description, debtType,
                jurisdiction, standing.dueDate(), registeredOn, standing.status(), Outstanding.of(standing.outstanding()),
                standing.paid(), standing.credit(), Plan.of(standing.plan()), pause, dispute, advisorId,
                standing.interestAccruedThrough(), standing.interestFreezes(), limitation, sequenceNumber, position,
                promises, contacts);
    }

    // ---- promises to pay

    public enum PromiseStatus { OPEN, KEPT, BROKEN }

    /**
     * A promise to pay {@code amount} by {@code promisedFor}, made on {@code madeOn} through {@code channel};
     * payments valued up to {@code countsThrough} count. Once kept or broken, {@code arrived} says how much reached
     * the claim and {@code resolvedOn} when (null while open).
     */
    public record Promise(int number, Money amount, LocalDate promisedFor, LocalDate countsThrough, Channel channel,
                          LocalDate madeOn, PromiseStatus status, Money arrived, LocalDate resolvedOn) {

        Promise resolved(PromiseStatus outcome, Money arrivedInTime, LocalDate on) {
            return new Promise(number, amount, promisedFor, countsThrough, channel, madeOn, outcome, arrivedInTime,
                    on);
        }
    }

    // ---- the contact log
    /** The contacts about the debt, oldest first: the facts only; a note is personal data, read apart. */
    public record Contact(String contactId, LocalDate date, ContactDirection direction, ContactChannel channel,
                          ContactOutcome outcome) {
    }

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

        /** A broken plan stays broken; one with nothing left to pay is completed. */
        static Plan of(PlanProgress progress) {
            if (progress == null) {
                return null;
            }
            PlanStatus status = progress.broken() ? PlanStatus.BROKEN
                    : progress.inForce() ? PlanStatus.ACTIVE
                    : PlanStatus.COMPLETED;
            List<InstalmentProgress> instalments = progress.instalments();
            return new Plan(progress.number(), status, progress.agreedOn(), progress.interestFrozen(),
                    IntStream.range(0, instalments.size())
                            .mapToObj(i -> Instalment.of(i + 1, instalments.get(i))).toList());
        }

        PlanProgress progress() {
            return new PlanProgress(number, agreedOn, interestFrozen, status == PlanStatus.BROKEN, instalments.stream()
                    .map(i -> new InstalmentProgress(i.dueDate(), i.amount(), i.paid(), i.missed())).toList());
        }
    }

    public enum PlanStatus { ACTIVE, BROKEN, COMPLETED }

    public record Instalment(int number, LocalDate dueDate, Money amount, Money paid, boolean missed,
                             InstalmentState state) {

        static Instalment of(int number, InstalmentProgress progress) {
            InstalmentState state = progress.fullyPaid() ? InstalmentState.PAID
                    : progress.missed() ? InstalmentState.MISSED
                    : progress.paid().isPositive() ? InstalmentState.PARTLY_PAID
                    : InstalmentState.DUE;
            return new Instalment(number, progress.dueDate(), progress.amount(), progress.paid(), progress.missed(),
                    state);
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
