package org.debtledger.command.debt;

import org.debtledger.audit.Channel;
import org.debtledger.debt.CloseBusinessDay;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.Balance;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeOutcome;
import org.debtledger.dispute.ResolveDispute;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.debtledger.pause.ResumeCause;
import org.debtledger.pause.ResumeCollection;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.payment.RecordPayment;
import org.debtledger.payment.ReversePayment;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanBroken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.allocation;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;
import static org.debtledger.command.debt.DebtFixtures.fixture;
import static org.debtledger.command.debt.DebtFixtures.instalment;
import static org.debtledger.command.debt.DebtFixtures.interest;
import static org.debtledger.command.debt.DebtFixtures.interestPosted;
import static org.debtledger.command.debt.DebtFixtures.paid;
import static org.debtledger.command.debt.DebtFixtures.planAgreed;
import static org.debtledger.command.debt.DebtFixtures.registered;
import static org.debtledger.command.debt.DebtFixtures.segment;
import static org.debtledger.command.debt.DebtFixtures.violates;

/** Sequences where time, plans and pauses interleave. */
class ReviewedEdgeCasesTest {

    private static final Set<Freeze> FEES_AND_CONTACT = Set.of(Freeze.FEES, Freeze.CONTACT);

    @Test
    void aMissedLastInstalmentBreaksThePlanEvenBelowTheMissLimit() {
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        planAgreed(1, "2025-03-01", instalment("2025-04-01", "100.40")))
                .when(new CloseBusinessDay(DEBT, date("2025-04-08")))
                .expectEvents(new InstalmentMissed(DEBT, 1, 1, date("2025-04-01"), eur("100.40"), date("2025-04-08")),
                        new PaymentPlanBroken(DEBT, 1, 1, date("2025-04-08")));
    }

    @Test
    void aReversalRestoresTheInstalmentsItPaidOfThePlanStillInForce() {
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        planAgreed(1, "2025-03-01", instalment("2025-04-01", "50.00"), instalment("2025-05-01", "50.40")),
                        paid("RF18-1", "50.00", "2025-03-20", allocation("0.00", "0.40", "49.60", "0.00"),
                                new InstalmentPayment(1, eur("50.00"))))
                .when(new ReversePayment(DEBT, new PaymentId("RF18-1"), "returned", date("2025-03-25")))
                .expectEvents(new PaymentReversed(DEBT, new PaymentId("RF18-1"), eur("50.00"),
                        allocation("0.00", "0.40", "49.60", "0.00"), List.of(new InstalmentPayment(1, eur("50.00"))),
                        "returned", date("2025-03-25")));
    }

    @Test
    void aReversalLeavesALaterPlansInstalmentsAlone() {
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        planAgreed(1, "2025-03-01", instalment("2025-04-01", "50.00"), instalment("2025-05-01", "50.40")),
                        paid("RF18-1", "50.00", "2025-03-20", allocation("0.00", "0.40", "49.60", "0.00"),
                                new InstalmentPayment(1, eur("50.00"))),
                        new PaymentPlanBroken(DEBT, 1, 2, date("2025-06-08")),
                        interest("0.10", "2025-06-09", "2025-06-10", "50.40", 1050),
                        planAgreed(2, "2025-06-10", instalment("2025-07-01", "50.50")))
                .when(new ReversePayment(DEBT, new PaymentId("RF18-1"), "returned", date("2025-06-11")))
                .expectEvents(new PaymentReversed(DEBT, new PaymentId("RF18-1"), eur("50.00"),
                                allocation("0.00", "0.40", "49.60", "0.00"), List.of(), "returned", date("2025-06-11")),
                        // the 49.60 it paid earns the two days after plan 1 broke that interest was posted for
                        interestPosted("0.03", "2025-03-21", "2025-06-10", segment("2025-06-09", "2025-06-10", "49.60", 1050)));
    }

    @Test
    void aClosedDebtDoesNotResume() {
        fixture().given(registered("100.00"), new CollectionPaused(DEBT, PauseReason.COUNSELLING, date("2025-05-20"),
                        FEES_AND_CONTACT, date("2025-03-05")),
                        new DebtWrittenOff(DEBT, new Balance(eur("0.00"), eur("0.00"), eur("100.00")), "uncollectable",
                                date("2025-03-06")))
                .when(new ResumeCollection(DEBT, date("2025-03-10")))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_CLOSED));
    }

    @Test
    void aPauseEndingWhileTheDebtIsDisputedLeavesCollectionPausedForTheDispute() {
        fixture().given(registered("100.00"), new CollectionPaused(DEBT, PauseReason.COUNSELLING, date("2025-05-20"),
                        FEES_AND_CONTACT, date("2025-03-05")), new DebtDisputed(DEBT, "never ordered", date("2025-03-10")))
                .when(new CloseBusinessDay(DEBT, date("2025-05-20")))
                .expectEvents(new CollectionResumed(DEBT, PauseReason.COUNSELLING, ResumeCause.PAUSE_ENDED,
                                date("2025-05-21")),
                        new CollectionPaused(DEBT, PauseReason.DISPUTE, null, FEES_AND_CONTACT, date("2025-05-21")));
    }

    @Test
    void noInstalmentIsMissedWhileTheDebtIsDisputed() {
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        planAgreed(1, "2025-03-01", instalment("2025-04-01", "100.40")),
                        new DebtDisputed(DEBT, "never ordered", date("2025-03-10")))
                .when(new CloseBusinessDay(DEBT, date("2025-04-08")))
                .expectNoEvents();
    }

    @Test
    void aRejectedDisputeCarriesNoAdjustment() {
        fixture().given(registered("100.00"), new DebtDisputed(DEBT, "never ordered", date("2025-03-10")))
                .when(new ResolveDispute(DEBT, DisputeOutcome.REJECTED, eur("10.00"), date("2025-03-20")))
                .expectNoEvents()
                .expectException(violates(Rule.ADJUSTMENT_ONLY_WHEN_UPHELD));
    }
}
