package org.debtledger.query.debt;

import org.debtledger.audit.Channel;
import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactDirection;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactOutcome;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.AdvisorId;
import org.debtledger.debt.Balance;
import org.debtledger.debt.CaseAssigned;
import org.debtledger.debt.ClaimAdjusted;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtStanding;
import org.debtledger.debt.DebtStatus;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.DueDateExtended;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeOutcome;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.interest.DateRange;
import org.debtledger.interest.InterestPosted;
import org.debtledger.limitation.DebtTimeBarred;
import org.debtledger.limitation.LimitationApproaching;
import org.debtledger.money.Money;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.debtledger.pause.ResumeCause;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;
import org.debtledger.query.projection.ReadModelJson;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DebtViewFoldTest {

    private static final DebtId DEBT = new DebtId("debt-1");

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static DebtView fold(DebtEvent... events) {
        DebtView view = null;
        for (int i = 0; i < events.length; i++) {
            view = DebtViewFold.apply(view, events[i], i, 100 + i);
        }
        return view;
    }

    private static final DebtRegistered REGISTERED = new DebtRegistered(DEBT, new CreditorId("acme-telecom"),
            new DebtorId("d-1001"), "INV-1", new InvoicePeriod(date("2025-01-01"), date("2025-01-31")), "Broadband",
            eur("100.00"), date("2025-02-15"), DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-03-01"));
    private static final PaymentPlanAgreed PLAN = new PaymentPlanAgreed(DEBT, 1,
            List.of(new Instalment(date("2025-04-01"), eur("50.00")), new Instalment(date("2025-05-01"), eur("64.00"))),
            Channel.SELF_SERVICE, null, null, true, date("2025-03-10"));
    private static final PaymentReceived LAST_PAYMENT = new PaymentReceived(DEBT, new PaymentId("RF-2"), eur("64.00"),
            Channel.BANK_FILE, new Allocation(eur("0.00"), eur("0.00"), eur("64.00"), eur("0.00")),
            List.of(new InstalmentPayment(2, eur("64.00"))), date("2025-05-02"));

    // ---- promises to pay

    @Test
    void theViewShowsTheOpenPromiseAndThePastOnesWithWhatArrived() {
        DebtView view = fold(REGISTERED,
                new PromiseToPayMade(DEBT, 1, eur("50.00"), date("2025-03-20"), date("2025-03-22"),
                        Channel.ADVISOR_PHONE, date("2025-03-10")),
                new PromiseBroken(DEBT, 1, eur("50.00"), eur("20.00"), date("2025-03-23")),
                new PromiseToPayMade(DEBT, 2, eur("30.00"), date("2025-04-01"), date("2025-04-03"),
                        Channel.SELF_SERVICE, date("2025-03-25")));

        assertThat(view.promises()).extracting(p -> p.number() + " " + p.status() + " " + p.amount() + " "
                        + p.promisedFor() + " " + p.channel() + " " + p.arrived() + " " + p.resolvedOn())
                .containsExactly("1 BROKEN 50.00 EUR 2025-03-20 ADVISOR_PHONE 20.00 EUR 2025-03-23",
                        "2 OPEN 30.00 EUR 2025-04-01 SELF_SERVICE null null");
        DebtView stored = ReadModelJson.read(ReadModelJson.write(view), DebtView.class);
        assertThat(stored.promises()).isEqualTo(view.promises());
    }

    // ---- the contact log
    @Test
    void theViewListsTheContactsAboutTheDebtWithTheirFactsOnly() {
        DebtView view = fold(REGISTERED,
                new ContactRecorded(DEBT, new DebtorId("d-1001"), new ContactId("call-1"), ContactDirection.OUTBOUND,
                        ContactChannel.PHONE, ContactOutcome.NO_ANSWER, date("2025-03-03")),
                new ContactRecorded(DEBT, new DebtorId("d-1001"), new ContactId("chat-1"), ContactDirection.INBOUND,
                        ContactChannel.CHAT, ContactOutcome.REACHED, date("2025-03-04")));

        assertThat(view.contacts()).containsExactly(
                new DebtView.Contact("call-1", date("2025-03-03"), ContactDirection.OUTBOUND, ContactChannel.PHONE,
                        ContactOutcome.NO_ANSWER),
                new DebtView.Contact("chat-1", date("2025-03-04"), ContactDirection.INBOUND, ContactChannel.CHAT,
                        ContactOutcome.REACHED));
        assertThat(ReadModelJson.read(ReadModelJson.write(view), DebtView.class)).isEqualTo(view);
    }

    @Test
    void aPaymentIsAllocatedAcrossTheBalanceAndTheInstalments() {
        DebtView view = fold(REGISTERED, new FeeCharged(DEBT, FeeType.DEMAND, eur("14.00"), eur("14.00"), null,
                        date("2025-03-05")), PLAN,
                new PaymentReceived(DEBT, new PaymentId("RF-1"), eur("50.00"), Channel.BANK_FILE,
                        new Allocation(eur("14.00"), eur("0.00"), eur("36.00"), eur("0.00")),
                        List.of(new InstalmentPayment(1, eur("50.00"))), date("2025-03-31")));

        assertThat(view.outstanding().total()).isEqualTo(eur("64.00"));
        assertThat(view.outstanding().fees()).isEqualTo(eur("0.00"));
        assertThat(view.paid()).isEqualTo(eur("50.00"));
        assertThat(view.plan().instalments()).extracting(DebtView.Instalment::state)
                .containsExactly(DebtView.InstalmentState.PAID, DebtView.InstalmentState.DUE);
        assertThat(view.position()).isEqualTo(103);
        assertThat(view.interestFreezes().ranges()).containsExactly(DateRange.openFrom(date("2025-03-11")));
    }

    @Test
    void aMissedInstalmentPaidLateShowsPaidAndRemembersItWasMissed() {
        DebtView view = fold(REGISTERED, new FeeCharged(DEBT, FeeType.DEMAND, eur("14.00"), eur("14.00"), null,
                        date("2025-03-05")), PLAN,
                new InstalmentMissed(DEBT, 1, 2, date("2025-05-01"), eur("64.00"), date("2025-05-08")));
        assertThat(view.plan().instalments().get(1).state()).isEqualTo(DebtView.InstalmentState.MISSED);
    }

    @Test
    void theLastInstalmentCompletesThePlanAndAReversalReopensItFrozenAgain() {
        DebtView settled = fold(REGISTERED, new FeeCharged(DEBT, FeeType.DEMAND, eur("14.00"), eur("14.00"), null,
                        date("2025-03-05")), PLAN,
                new PaymentReceived(DEBT, new PaymentId("RF-1"), eur("50.00"), Channel.BANK_FILE,
                        new Allocation(eur("14.00"), eur("0.00"), eur("36.00"), eur("0.00")),
                        List.of(new InstalmentPayment(1, eur("50.00"))), date("2025-03-31")),
                LAST_PAYMENT, new DebtSettled(DEBT, date("2025-05-02")));
        assertThat(settled.status()).isEqualTo(DebtStatus.SETTLED);
        assertThat(settled.plan().status()).isEqualTo(DebtView.PlanStatus.COMPLETED);
        assertThat(settled.interestFreezes().plan()).isNull();

        DebtView reopened = DebtViewFold.apply(settled, new PaymentReversed(DEBT, new PaymentId("RF-2"), eur("64.00"),
                LAST_PAYMENT.allocation(), LAST_PAYMENT.instalments(), "returned", date("2025-05-06")), 6, 106);
        assertThat(reopened.status()).isEqualTo(DebtStatus.OPEN);
        assertThat(reopened.plan().status()).isEqualTo(DebtView.PlanStatus.ACTIVE);
        assertThat(reopened.outstanding().principal()).isEqualTo(eur("64.00"));
        assertThat(reopened.interestFreezes().plan()).isEqualTo(DateRange.openFrom(date("2025-05-07")));
    }

    /**
     * The projection stores the view as JSON and folds the next event into what it reads back: after every kind of
     * event, the stored view must read back exactly where the debt stands, as the aggregate folds it.
     */
    @Test
    void aStoredViewReadsBackWhereTheDebtStandsAfterEveryKindOfEvent() {
        Allocation overpaid = new Allocation(eur("0.00"), eur("1.20"), eur("10.00"), eur("5.00"));
        List<DebtEvent> history = List.of(REGISTERED,
                new FeeCharged(DEBT, FeeType.DEMAND, eur("14.00"), eur("14.00"), null, date("2025-03-05")),
                new DueDateExtended(DEBT, date("2025-02-15"), date("2025-03-17"), 30, date("2025-03-06"),
                        date("2025-03-06")),
                new InterestPosted(DEBT, eur("1.20"), date("2025-03-18"), List.of(), date("2025-03-31")),
                PLAN,
                new PaymentReceived(DEBT, new PaymentId("RF-1"), eur("30.00"), Channel.BANK_FILE,
                        new Allocation(eur("14.00"), eur("0.00"), eur("16.00"), eur("0.00")),
                        List.of(new InstalmentPayment(1, eur("30.00"))), date("2025-04-01")),
                new InstalmentMissed(DEBT, 1, 1, date("2025-04-01"), eur("20.00"), date("2025-04-08")),
                new CollectionPaused(DEBT, PauseReason.COUNSELLING, date("2025-05-31"),
                        Set.of(Freeze.INTEREST, Freeze.FEES), date("2025-04-10")),
                new CollectionResumed(DEBT, PauseReason.COUNSELLING, ResumeCause.RESUMED, date("2025-04-20")),
                new InstalmentMissed(DEBT, 1, 2, date("2025-05-01"), eur("64.00"), date("2025-05-08")),
                new PaymentPlanBroken(DEBT, 1, 2, date("2025-05-08")),
                new DebtDisputed(DEBT, "amount wrong", date("2025-05-10")),
                new DisputeResolved(DEBT, DisputeOutcome.UPHELD, date("2025-05-12")),
                new ClaimAdjusted(DEBT, eur("4.00"), "dispute upheld in part", date("2025-05-12")),
                new BalanceRestated(DEBT, new PaymentId("RF-1"), eur("0.00"), eur("-0.10"), eur("0.00"),
                        eur("0.00"), date("2025-05-13")),
                new CaseAssigned(DEBT, new AdvisorId("advisor-7"), date("2025-05-14")),
                new PromiseToPayMade(DEBT, 1, eur("16.20"), date("2025-05-20"), date("2025-05-22"),
                        Channel.ADVISOR_PHONE, date("2025-05-14")),
                new ContactRecorded(DEBT, new DebtorId("d-1001"), new ContactId("call-1"), ContactDirection.OUTBOUND,
                        ContactChannel.PHONE, ContactOutcome.REACHED, date("2025-05-14")),
                new PaymentReceived(DEBT, new PaymentId("RF-2"), eur("16.20"), Channel.BANK_FILE, overpaid,
                        List.of(), date("2025-05-20")),
                new PromiseKept(DEBT, 1, eur("16.20"), eur("11.20"), date("2025-05-20")),
                new CreditRefunded(DEBT, eur("2.00"), "refund-1", date("2025-05-22")),
                new PaymentReversed(DEBT, new PaymentId("RF-2"), eur("16.20"), new Allocation(eur("0.00"),
                        eur("1.20"), eur("10.00"), eur("3.00")), List.of(), "returned", date("2025-05-25")),
                new LimitationApproaching(DEBT, date("2028-05-20"), date("2028-02-20")),
                new DebtTimeBarred(DEBT, date("2028-05-20"), date("2028-05-21")),
                new DebtWrittenOff(DEBT, new Balance(eur("0.00"), eur("1.10"), eur("70.00")),
                        "time-barred", date("2028-05-22")));

        DebtView view = null;
        DebtStanding standing = null;
        for (int i = 0; i < history.size(); i++) {
            DebtEvent event = history.get(i);
            standing = standing == null ? DebtStanding.registered(REGISTERED) : standing.evolve(event);
            DebtView stored = ReadModelJson.read(ReadModelJson.write(DebtViewFold.apply(view, event, i, 100 + i)),
                    DebtView.class);
            assertThat(stored.standing()).as("after %s", event.getClass().getSimpleName()).isEqualTo(standing);
            view = stored;
        }
        assertThat(view.advisorId()).isEqualTo("advisor-7");
        assertThat(view.status()).isEqualTo(DebtStatus.WRITTEN_OFF);
    }
}
