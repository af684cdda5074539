package org.debtledger.query.debt;

import org.debtledger.debt.Balance;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtStatus;
import org.debtledger.interest.LateInterest;
import org.debtledger.money.Money;
import org.debtledger.payment.AllocationOrder;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.payment.ValueDateOrder;
import org.debtledger.plan.PaymentPlanAgreed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A debt as it stood at the end of a business date, from the events known (all, or those recorded by an instant).
 * Folding the events of that date and before is not enough for the money: a payment that arrived after interest was
 * posted past its value date carries a restatement with the payment's date, which refers to interest posted later.
 * So the money (outstanding, credit, interest accrued through) is the value-date order of the facts of that date
 * and before, as the command side restates it, at the days frozen as known; status, plan, pause, dispute, advisor
 * and limitation are the fold of the events of that date and before, in the order they were recorded.
 */
public final class BusinessDateFold {

    /** The one jurisdiction's allocation order, as the command side allocates payments. */
    private static final AllocationOrder ORDER = AllocationOrder.FEES_INTEREST_PRINCIPAL;

    private BusinessDateFold() {
    }

    /**
     * The debt at the end of {@code businessDate} ({@code state} null before it was registered), the late interest
     * accrued since {@code interestAccruedThrough} through that date and not yet posted, and the facts and events
     * it was computed from.
     */
    public record State(LocalDate businessDate, DebtView state, Money interestAccruedNotPosted, List<UsedFact> facts,
                        List<HistoryReplay.UsedEvent> events) {
    }

    /** A fact the money was computed from: a fee, payment, interest posting, adjustment or refund, by its date. */
    public record UsedFact(String type, LocalDate date, Money amount, String paymentId) {

        static UsedFact of(ValueDateOrder.Fact fact) {
            String type = fact.getClass().getSimpleName();
            if (fact instanceof ValueDateOrder.Charged charged) {
                return new UsedFact(type, charged.date(), charged.amount(), null);
            }
            if (fact instanceof ValueDateOrder.Paid paid) {
                return new UsedFact(type, paid.date(), paid.amount(), paid.paymentId().value());
            }
            if (fact instanceof ValueDateOrder.Adjusted adjusted) {
                return new UsedFact(type, adjusted.date(), adjusted.principalReduction(), null);
            }
            if (fact instanceof ValueDateOrder.Refunded refunded) {
                return new UsedFact(type, refunded.date(), refunded.amount(), null);
            }
            return new UsedFact(type, fact.date(), null, null); // a posting: its amount follows from the others
        }
    }

    /** {@code known}: the debt's events in the order they were recorded, its registration first. */
    public static State at(List<HistoryReplay.Recorded> known, LocalDate businessDate, LateInterest lateInterest) {
        if (known.isEmpty() || known.get(0).event().date().isAfter(businessDate)) {
            return new State(businessDate, null, null, List.of(), List.of());
        }
        DebtRegistered registered = (DebtRegistered) known.get(0).event();
        DebtView asKnown = null;
        DebtView onDate = null;
        List<HistoryReplay.UsedEvent> used = new ArrayList<>();
        boolean planLeftOut = false;
        for (HistoryReplay.Recorded recorded : known) {
            DebtEvent event = recorded.event();
            asKnown = DebtViewFold.apply(asKnown, event, recorded.sequenceNumber(), recorded.position());
            if (event instanceof PaymentPlanAgreed) {
                planLeftOut = event.date().isAfter(businessDate);
            }
            if (!event.date().isAfter(businessDate)) {
                onDate = DebtViewFold.apply(onDate, planLeftOut ? withoutInstalments(event) : event,
                        recorded.sequenceNumber(), recorded.position());
                used.add(recorded.used());
            }
        }

        List<ValueDateOrder.Fact> facts = ValueDateOrder.factsOf(known.stream().map(HistoryReplay.Recorded::event)
                .toList()).stream().filter(fact -> !fact.date().isAfter(businessDate)).toList();
        // days are frozen as known: some freezes are recorded after the days they freeze (an extended due date's)
        ValueDateOrder.Claim claim = new ValueDateOrder.Claim(registered.principal(), registered.dueDate(),
                registered.debtType(), asKnown.interestFreezes().ranges());
        ValueDateOrder.Outcome outcome = new ValueDateOrder(lateInterest, ORDER).of(claim, facts);

        Money zero = Money.zero(registered.principal().currency());
        Balance outstanding = outcome.outstanding();
        Money notPosted = zero;
        if (onDate.status() == DebtStatus.WRITTEN_OFF || onDate.status() == DebtStatus.RECALLED) {
            outstanding = Balance.zero(zero.currency()); // as the debt view: a closed claim owes nothing
        } else if (onDate.status() == DebtStatus.OPEN && outcome.interestAccruedThrough().isBefore(businessDate)) {
            notPosted = lateInterest.accrue(outstanding.principal(), registered.debtType(),
                    outcome.interestAccruedThrough().plusDays(1), businessDate, claim.frozen()).amount();
        }
        DebtView state = new DebtView(onDate.debtId(), onDate.creditorId(), onDate.debtorId(),
                onDate.invoiceReference(), onDate.invoicePeriod(), onDate.description(), onDate.debtType(),
                onDate.jurisdiction(), onDate.dueDate(), onDate.registeredOn(), onDate.status(),
                DebtView.Outstanding.of(outstanding), onDate.paid(), outcome.credit(), onDate.plan(), onDate.pause(),
                onDate.dispute(), onDate.advisorId(), outcome.interestAccruedThrough(), asKnown.interestFreezes(),
                onDate.limitation(), onDate.sequenceNumber(), onDate.position(), onDate.promises(), onDate.contacts());
        return new State(businessDate, state, notPosted, facts.stream().map(UsedFact::of).toList(), List.copyOf(used));
    }

    /**
     * A payment or reversal recorded while a plan agreed after the business date was in force paid that plan's
     * instalments, which the state on that date does not have.
     */
    private static DebtEvent withoutInstalments(DebtEvent event) {
        if (event instanceof PaymentReceived payment && !payment.instalments().isEmpty()) {
            return new PaymentReceived(payment.debtId(), payment.paymentId(), payment.amount(), payment.channel(),
                    payment.allocation(), List.of(), payment.date());
        }
        if (event instanceof PaymentReversed reversal && !reversal.instalments().isEmpty()) {
            return new PaymentReversed(reversal.debtId(), reversal.paymentId(), reversal.amount(), reversal.restored(),
                    List.of(), reversal.reason(), reversal.date());
        }
        return event;
    }
}
