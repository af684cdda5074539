package org.debtledger.query.queue;

import org.debtledger.audit.Channel;
import org.debtledger.callback.CallBackRequested;
import org.debtledger.debt.AdvisorId;
import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactDirection;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactOutcome;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.CaseAssigned;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeOutcome;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;
import org.debtledger.query.debt.HistoryReplay;
import org.debtledger.query.projection.FoldedRows;
import org.debtledger.query.projection.StoredEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The advisor queue as its fold gives it, with no database. */
class AdvisorQueueFoldTest {

    private static final DebtId DEBT = new DebtId("debt-1");
    private static final AdvisorQueueProjection PROJECTION = new AdvisorQueueProjection(null);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static final DebtRegistered REGISTERED = new DebtRegistered(DEBT, new CreditorId("acme-telecom"),
            new DebtorId("d-1001"), "INV-1", new InvoicePeriod(date("2025-01-01"), date("2025-01-31")), "Broadband",
            eur("100.00"), date("2025-02-15"), DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-03-01"));
    private static final PaymentPlanAgreed PLAN = new PaymentPlanAgreed(DEBT, 1,
            List.of(new Instalment(date("2025-04-01"), eur("50.00")), new Instalment(date("2025-05-01"), eur("50.00"))),
            Channel.SELF_SERVICE, null, null, true, date("2025-03-01"));
    private static final InstalmentMissed MISSED = new InstalmentMissed(DEBT, 1, 1, date("2025-04-01"), eur("50.00"),
            date("2025-04-08"));

    private static DebtWorkItems fold(DebtEvent... events) {
        DebtWorkItems queue = PROJECTION.initial(DEBT.value());
        for (StoredEvent event : FoldedRows.stored(List.of(events))) {
            queue = PROJECTION.evolve(queue, event);
        }
        return queue;
    }

    private static List<String> openWork(DebtWorkItems queue) {
        List<String> open = new ArrayList<>();
        queue.items().stream().filter(WorkItemRow::open).forEach(item -> open.add(item.type().name()));
        return open;
    }

    @Test
    void aNewDebtWaitsFourteenDaysForContact() {
        DebtWorkItems queue = fold(REGISTERED);

        assertThat(openWork(queue)).containsExactly("NO_PLAN_NO_CONTACT");
        assertThat(queue.items().iterator().next().visibleFrom()).isEqualTo(date("2025-03-15"));
    }

    @Test
    void aPlanClosesTheContactItemAndAMissedInstalmentRaisesWorkForItsUnpaidAmount() {
        DebtWorkItems queue = fold(REGISTERED, PLAN, MISSED);

        assertThat(openWork(queue)).containsExactly("INSTALMENT_MISSED");
        assertThat(queue.item("debt-1:plan-1-instalment-1").remainingMinor()).isEqualTo(5000L);
    }

    @Test
    void paymentOfTheMissedInstalmentClosesItAndOverpaymentRaisesCreditToRefund() {
        DebtWorkItems queue = fold(REGISTERED, PLAN, MISSED, new PaymentReceived(DEBT, new PaymentId("RF-1"),
                eur("60.00"), Channel.BANK_FILE, new Allocation(eur("0.00"), eur("0.00"), eur("50.00"), eur("10.00")),
                List.of(new InstalmentPayment(1, eur("50.00"))), date("2025-04-10")));

        assertThat(openWork(queue)).containsExactly("OVERPAYMENT_TO_REFUND");
        assertThat(queue.item("debt-1:credit").remainingMinor()).isEqualTo(1000L);
    }

    @Test
    void anAssignedCaseGivesItsOpenWorkToTheAdvisor() {
        DebtWorkItems queue = fold(REGISTERED, PLAN, MISSED, new DebtDisputed(DEBT, "not mine", date("2025-04-09")),
                new CaseAssigned(DEBT, new AdvisorId("advisor-7"), date("2025-04-10")));

        assertThat(queue.items()).filteredOn(WorkItemRow::open).extracting(WorkItemRow::advisorId)
                .containsOnly("advisor-7");
        assertThat(fold(REGISTERED, new DebtDisputed(DEBT, "not mine", date("2025-04-09")),
                new DisputeResolved(DEBT, DisputeOutcome.UPHELD, date("2025-04-20"))).items())
                .filteredOn(item -> item.type() == WorkType.DISPUTE_OPENED).extracting(WorkItemRow::open)
                .containsExactly(false);
    }

    private static final CallBackRequested CALL_BACK = new CallBackRequested(DEBT, date("2025-03-10"),
            LocalTime.parse("09:00"), LocalTime.parse("12:00"), date("2025-03-05"));

    @Test
    void aCallBackIsWorkDueOnTheDayTheDebtorAskedForWithItsWindowSeenFromTheDayTheyAsked() {
        DebtWorkItems queue = fold(REGISTERED, CALL_BACK);

        WorkItemRow callBack = queue.item("debt-1:call-back-1");
        assertThat(callBack.type()).isEqualTo(WorkType.CALL_BACK);
        assertThat(callBack.open()).isTrue();
        assertThat(callBack.dueDate()).isEqualTo(date("2025-03-10"));
        assertThat(callBack.visibleFrom()).isEqualTo(date("2025-03-05"));
        assertThat(callBack.reason()).isEqualTo("the debtor asks to be called back on 2025-03-10 between 09:00 and 12:00");
    }

    // ---- the contact log
    private static ContactRecorded contact(String id, ContactDirection direction, ContactOutcome outcome,
                                           String date) {
        return new ContactRecorded(DEBT, new DebtorId("d-1001"), new ContactId(id), direction, ContactChannel.PHONE,
                outcome, date(date));
    }

    @Test
    void aCallThatReachesTheDebtorAfterTheRequestClosesTheCallBack() {
        DebtWorkItems queue = fold(REGISTERED, CALL_BACK,
                contact("c-1", ContactDirection.OUTBOUND, ContactOutcome.REACHED, "2025-03-10"));

        assertThat(queue.item("debt-1:call-back-1").open()).isFalse();
        assertThat(queue.debt().lastContact()).isEqualTo(new DebtWorkItems.LastContact(date("2025-03-10"),
                ContactChannel.PHONE, ContactOutcome.REACHED));
    }

    @Test
    void takingTheCaseIsNoContactAndAnUnansweredCallIsNoneEither() {
        DebtWorkItems queue = fold(REGISTERED, CALL_BACK,
                new CaseAssigned(DEBT, new AdvisorId("advisor-7"), date("2025-03-06")),
                contact("c-1", ContactDirection.OUTBOUND, ContactOutcome.NO_ANSWER, "2025-03-10"));

        assertThat(openWork(queue)).containsExactlyInAnyOrder("NO_PLAN_NO_CONTACT", "CALL_BACK");
        assertThat(queue.debt().lastContact().outcome()).isEqualTo(ContactOutcome.NO_ANSWER);
    }

    @Test
    void theDebtorsOwnCallClosesTheSilentNewDebtsWork() {
        DebtWorkItems queue = fold(REGISTERED,
                contact("c-1", ContactDirection.INBOUND, ContactOutcome.REACHED, "2025-03-03"));

        assertThat(openWork(queue)).isEmpty();
    }

    @Test
    void aCallBackAskedForOnACallIsRaisedAndClosedByTheCallThatReachesTheDebtor() {
        CallBackRequested asked = new CallBackRequested(DEBT, date("2025-03-12"), LocalTime.parse("14:00"),
                LocalTime.parse("16:00"), date("2025-03-05"));
        DebtWorkItems raised = fold(REGISTERED,
                contact("c-1", ContactDirection.OUTBOUND, ContactOutcome.CALL_BACK_REQUESTED, "2025-03-05"), asked);

        WorkItemRow callBack = raised.item("debt-1:call-back-2");
        assertThat(callBack.open()).isTrue();
        assertThat(callBack.dueDate()).isEqualTo(date("2025-03-12"));
        assertThat(openWork(raised)).containsExactly("CALL_BACK");

        DebtWorkItems closed = fold(REGISTERED,
                contact("c-1", ContactDirection.OUTBOUND, ContactOutcome.CALL_BACK_REQUESTED, "2025-03-05"), asked,
                contact("c-2", ContactDirection.OUTBOUND, ContactOutcome.REACHED, "2025-03-12"));
        assertThat(closed.item("debt-1:call-back-2").open()).isFalse();
        assertThat(openWork(closed)).isEmpty();
    }

    @Test
    void aCallBackAskedAfterTheCaseWasTakenStaysOpenForItsAdvisor() {
        DebtWorkItems queue = fold(REGISTERED, new CaseAssigned(DEBT, new AdvisorId("advisor-7"), date("2025-03-04")),
                CALL_BACK);

        WorkItemRow callBack = queue.item("debt-1:call-back-2");
        assertThat(callBack.open()).isTrue();
        assertThat(callBack.advisorId()).isEqualTo("advisor-7");
    }

    @Test
    void aClosedDebtClosesItsCallBack() {
        DebtWorkItems queue = fold(REGISTERED, CALL_BACK, new DebtSettled(DEBT, date("2025-03-07")));

        assertThat(queue.item("debt-1:call-back-1").open()).isFalse();
    }

    @Test
    void theCallBacksChangesAreKeptWithTheirBusinessDays() {
        FoldedRows rows = FoldedRows.of(PROJECTION, List.of(REGISTERED, CALL_BACK,
                contact("c-1", ContactDirection.OUTBOUND, ContactOutcome.REACHED, "2025-03-06")));

        assertThat(rows.of("work_item_change")).filteredOn(row -> "CALL_BACK".equals(row.get("type")))
                .extracting(row -> row.get("open") + " " + row.get("business_date") + " " + row.get("visible_from"))
                .containsExactly("true 2025-03-05 2025-03-05", "false 2025-03-06 2025-03-05");
    }

    @Test
    void theQueueReconciliationAgreesWithACallBackFoldedAndFindsOneMissing() {
        List<DebtEvent> events = List.of(REGISTERED, CALL_BACK, new CaseAssigned(DEBT, new AdvisorId("advisor-7"),
                date("2025-03-06")), contact("c-1", ContactDirection.INBOUND, ContactOutcome.REACHED, "2025-03-07"));
        List<HistoryReplay.Recorded> recorded = new ArrayList<>();
        for (StoredEvent event : FoldedRows.stored(events)) {
            recorded.add(new HistoryReplay.Recorded(event.event(), event.sequenceNumber(), event.position(),
                    Instant.EPOCH));
        }

        assertThat(QueueReconciliation.difference(fold(events.toArray(DebtEvent[]::new)), recorded, 102)).isEmpty();
        assertThat(QueueReconciliation.difference(fold(REGISTERED), recorded, 102)).isPresent();
    }

    // ---- promises to pay

    private static final CaseAssigned TAKEN = new CaseAssigned(DEBT, new AdvisorId("advisor-7"), date("2025-03-02"));
    private static final PromiseToPayMade PROMISED = new PromiseToPayMade(DEBT, 1, eur("50.00"), date("2025-03-05"),
            date("2025-03-07"), Channel.ADVISOR_PHONE, date("2025-03-03"));
    private static final PromiseBroken BROKEN = new PromiseBroken(DEBT, 1, eur("50.00"), eur("20.00"),
            date("2025-03-08"));

    @Test
    void aBrokenPromiseIsTopPriorityWorkDueAtOnceForTheCasesAdvisorSayingWhatArrived() {
        DebtWorkItems queue = fold(REGISTERED, TAKEN, PROMISED, BROKEN);

        WorkItemRow broken = queue.item("debt-1:promise-1-broken");
        assertThat(broken.type()).isEqualTo(WorkType.PROMISE_BROKEN);
        assertThat(broken.open()).isTrue();
        assertThat(broken.priority()).isEqualTo(1);
        assertThat(broken.dueDate()).isEqualTo(date("2025-03-08"));
        assertThat(broken.visibleFrom()).isEqualTo(date("2025-03-08"));
        assertThat(broken.advisorId()).isEqualTo("advisor-7");
        assertThat(broken.remainingMinor()).isEqualTo(3000L);
        assertThat(broken.reason()).isEqualTo("promise 1 to pay 50.00 EUR was broken: only 20.00 EUR arrived");
        assertThat(WorkType.values()).allMatch(type -> type.priority >= WorkType.PROMISE_BROKEN.priority);
    }

    @Test
    void aLaterPromiseKeptClosesTheBrokenOne() {
        DebtWorkItems queue = fold(REGISTERED, TAKEN, PROMISED, BROKEN,
                new PromiseToPayMade(DEBT, 2, eur("30.00"), date("2025-03-12"), date("2025-03-14"),
                        Channel.ADVISOR_PHONE, date("2025-03-09")),
                new PromiseKept(DEBT, 2, eur("30.00"), eur("30.00"), date("2025-03-11")));

        assertThat(queue.item("debt-1:promise-1-broken").open()).isFalse();
    }

    @Test
    void aPlanAgreedOrTheDebtEndingClosesABrokenPromise() {
        PaymentPlanAgreed plan = new PaymentPlanAgreed(DEBT, 1, PLAN.instalments(), Channel.ADVISOR_PHONE, null, null,
                true, date("2025-03-10"));
        assertThat(fold(REGISTERED, TAKEN, PROMISED, BROKEN, plan).item("debt-1:promise-1-broken").open()).isFalse();
        assertThat(fold(REGISTERED, TAKEN, PROMISED, BROKEN, new DebtSettled(DEBT, date("2025-03-10")))
                .item("debt-1:promise-1-broken").open()).isFalse();
    }

    @Test
    void aSecondBrokenPromiseReplacesTheFirstInTheQueue() {
        DebtWorkItems queue = fold(REGISTERED, TAKEN, PROMISED, BROKEN,
                new PromiseToPayMade(DEBT, 2, eur("30.00"), date("2025-03-12"), date("2025-03-14"),
                        Channel.ADVISOR_PHONE, date("2025-03-09")),
                new PromiseBroken(DEBT, 2, eur("30.00"), eur("0.00"), date("2025-03-15")));

        assertThat(queue.items()).filteredOn(item -> item.type() == WorkType.PROMISE_BROKEN && item.open())
                .extracting(WorkItemRow::itemId, WorkItemRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("debt-1:promise-2-broken",
                        "promise 2 to pay 30.00 EUR was broken: nothing arrived"));
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        List<StoredEvent> events = FoldedRows.stored(List.of(REGISTERED, PLAN, MISSED));
        DebtWorkItems queue = PROJECTION.initial(DEBT.value());
        for (StoredEvent event : events) {
            queue = PROJECTION.evolve(queue, event);
        }

        DebtWorkItems again = PROJECTION.evolve(queue, events.get(1));

        assertThat(again.debt()).isEqualTo(queue.debt());
        assertThat(again.items()).containsExactlyElementsOf(queue.items());
    }

    @Test
    void theFoldWritesTheDebtsRowAndEveryItemOpenOrClosed() {
        FoldedRows rows = FoldedRows.of(PROJECTION, List.of(REGISTERED, PLAN, MISSED));

        assertThat(rows.of("work_debt")).extracting(row -> row.get("plan_number")).containsExactly(1);
        assertThat(rows.of("work_item")).extracting(row -> Map.of("type", row.get("type"), "open", row.get("open")))
                .containsExactlyInAnyOrder(Map.of("type", "NO_PLAN_NO_CONTACT", "open", false),
                        Map.of("type", "INSTALMENT_MISSED", "open", true));
    }

    @Test
    void everyChangeOfAnItemIsKeptWithItsBusinessDaySoThePastQueueCanBeCounted() {
        PaymentReceived paid = new PaymentReceived(DEBT, new PaymentId("RF-1"), eur("50.00"), Channel.BANK_FILE,
                new Allocation(eur("0.00"), eur("0.00"), eur("50.00"), eur("0.00")),
                List.of(new InstalmentPayment(1, eur("50.00"))), date("2025-04-12"));
        FoldedRows rows = FoldedRows.of(PROJECTION, List.of(REGISTERED, PLAN, MISSED, paid));

        assertThat(rows.of("work_item_change")).extracting(row -> row.get("type") + " " + row.get("open") + " "
                + row.get("business_date") + " @" + row.get("position")).containsExactly(
                "NO_PLAN_NO_CONTACT true 2025-03-01 @100", "NO_PLAN_NO_CONTACT false 2025-03-01 @101",
                "INSTALMENT_MISSED true 2025-04-08 @102", "INSTALMENT_MISSED false 2025-04-12 @103");
    }
}
