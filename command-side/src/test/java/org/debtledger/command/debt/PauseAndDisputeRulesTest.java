package org.debtledger.command.debt;

import org.debtledger.debt.ClaimAdjusted;
import org.debtledger.debt.CloseBusinessDay;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.Balance;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeOutcome;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.dispute.OpenDispute;
import org.debtledger.dispute.ResolveDispute;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseCollection;
import org.debtledger.pause.PauseReason;
import org.debtledger.pause.ResumeCause;
import org.debtledger.pause.ResumeCollection;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;
import static org.debtledger.command.debt.DebtFixtures.fixture;
import static org.debtledger.command.debt.DebtFixtures.interest;
import static org.debtledger.command.debt.DebtFixtures.interestPosted;
import static org.debtledger.command.debt.DebtFixtures.registered;
import static org.debtledger.command.debt.DebtFixtures.segment;
import static org.debtledger.command.debt.DebtFixtures.violates;

class PauseAndDisputeRulesTest {

    private static final Set<Freeze> FEES_AND_CONTACT = Set.of(Freeze.FEES, Freeze.CONTACT);
    private static final CollectionPaused COUNSELLING = new CollectionPaused(DEBT, PauseReason.COUNSELLING,
            date("2025-05-20"), FEES_AND_CONTACT, date("2025-03-05"));

    @Test
    void counsellingPausesFeesAndContactUntilItsEndDate() {
        fixture().given(registered("100.00"))
                .when(new PauseCollection(DEBT, PauseReason.COUNSELLING, date("2025-03-05"), date("2025-05-20")))
                .expectEvents(COUNSELLING);
    }

    @Test
    void aBreathingSpaceFreezesInterestFeesAndContact() {
        fixture().given(registered("100.00"))
                .when(new PauseCollection(DEBT, PauseReason.BREATHING_SPACE, date("2025-03-05"), date("2025-05-03")))
                .expectEvents(new CollectionPaused(DEBT, PauseReason.BREATHING_SPACE, date("2025-05-03"),
                        Set.of(Freeze.INTEREST, Freeze.FEES, Freeze.CONTACT), date("2025-03-05")));
    }

    @Test
    void aPauseNeedsAnEndDate() {
        fixture().given(registered("100.00"))
                .when(new PauseCollection(DEBT, PauseReason.COUNSELLING, date("2025-03-05"), null))
                .expectNoEvents()
                .expectException(violates(Rule.PAUSE_NEEDS_END_DATE));
    }

    @Test
    void aPauseMustNotEndBeforeItStarts() {
        fixture().given(registered("100.00"))
                .when(new PauseCollection(DEBT, PauseReason.COUNSELLING, date("2025-03-05"), date("2025-03-04")))
                .expectNoEvents()
                .expectException(violates(Rule.PAUSE_ENDS_BEFORE_IT_STARTS));
    }

    @Test
    void aPauseForADisputeComesOnlyWithTheDispute() {
        fixture().given(registered("100.00"))
                .when(new PauseCollection(DEBT, PauseReason.DISPUTE, date("2025-03-05"), null))
                .expectNoEvents()
                .expectException(violates(Rule.DISPUTE_PAUSE_COMES_WITH_A_DISPUTE));
    }

    @Test
    void aSecondPauseIsRejected() {
        fixture().given(registered("100.00"), COUNSELLING)
                .when(new PauseCollection(DEBT, PauseReason.BREATHING_SPACE, date("2025-03-06"), date("2025-04-06")))
                .expectNoEvents()
                .expectException(violates(Rule.ALREADY_PAUSED));
    }

    @Test
    void aPauseEndsAtCloseOfBusinessOnItsEndDate() {
        fixture().given(registered("100.00"), COUNSELLING)
                .when(new CloseBusinessDay(DEBT, date("2025-05-19")))
                .expectNoEvents();
        fixture().given(registered("100.00"), COUNSELLING)
                .when(new CloseBusinessDay(DEBT, date("2025-05-20")))
                .expectEvents(new CollectionResumed(DEBT, PauseReason.COUNSELLING, ResumeCause.PAUSE_ENDED,
                        date("2025-05-21")));
    }

    @Test
    void collectionResumesOnRequest() {
        fixture().given(registered("100.00"), COUNSELLING)
                .when(new ResumeCollection(DEBT, date("2025-04-10")))
                .expectEvents(new CollectionResumed(DEBT, PauseReason.COUNSELLING, ResumeCause.RESUMED,
                        date("2025-04-10")));
    }

    @Test
    void aBreathingSpaceEndedEarlyFreezesInterestOnlyWhileItLasted() {
        // Interest: 16 Feb..4 Mar (17 days) and 11..31 Mar (21 days) on 1000.00 at 10.5 %: 4.89 + 6.04 = 10.93.
        fixture().given(registered("1000.00"), new CollectionPaused(DEBT, PauseReason.BREATHING_SPACE,
                                date("2025-05-03"), Set.of(Freeze.INTEREST, Freeze.FEES, Freeze.CONTACT), date("2025-03-05")),
                        new CollectionResumed(DEBT, PauseReason.BREATHING_SPACE, ResumeCause.RESUMED, date("2025-03-11")))
                .when(new CloseBusinessDay(DEBT, date("2025-03-31")))
                .expectEvents(interestPosted("10.93", "2025-02-16", "2025-03-31",
                        segment("2025-02-16", "2025-03-04", "1000.00", 1050),
                        segment("2025-03-11", "2025-03-31", "1000.00", 1050)));
    }

    @Test
    void openingADisputePausesCollectionUntilItIsResolved() {
        fixture().given(registered("100.00"))
                .when(new OpenDispute(DEBT, "never ordered", date("2025-03-05")))
                .expectEvents(new DebtDisputed(DEBT, "never ordered", date("2025-03-05")),
                        new CollectionPaused(DEBT, PauseReason.DISPUTE, null, FEES_AND_CONTACT, date("2025-03-05")));
    }

    @Test
    void aRejectedDisputeResumesCollection() {
        fixture().given(registered("100.00"), new DebtDisputed(DEBT, "never ordered", date("2025-03-05")),
                        new CollectionPaused(DEBT, PauseReason.DISPUTE, null, FEES_AND_CONTACT, date("2025-03-05")))
                .when(new ResolveDispute(DEBT, DisputeOutcome.REJECTED, null, date("2025-03-20")))
                .expectEvents(new DisputeResolved(DEBT, DisputeOutcome.REJECTED, date("2025-03-20")),
                        new CollectionResumed(DEBT, PauseReason.DISPUTE, ResumeCause.DISPUTE_RESOLVED,
                                date("2025-03-20")));
    }

    @Test
    void anUpheldDisputeWritesTheDebtOff() {
        fixture().given(registered("100.00"), new DebtDisputed(DEBT, "never ordered", date("2025-03-05")))
                .when(new ResolveDispute(DEBT, DisputeOutcome.UPHELD, null, date("2025-03-20")))
                .expectEvents(new DisputeResolved(DEBT, DisputeOutcome.UPHELD, date("2025-03-20")),
                        new DebtWrittenOff(DEBT, new Balance(eur("0.00"), eur("0.00"), eur("100.00")), "dispute upheld",
                                date("2025-03-20")));
    }

    @Test
    void aDisputeUpheldInPartReducesThePrincipal() {
        fixture().given(registered("100.00"), new DebtDisputed(DEBT, "one month was not delivered", date("2025-03-01")),
                        new CollectionPaused(DEBT, PauseReason.DISPUTE, null, FEES_AND_CONTACT, date("2025-03-01")))
                .when(new ResolveDispute(DEBT, DisputeOutcome.UPHELD, eur("40.00"), date("2025-03-01")))
                .expectEvents(new DisputeResolved(DEBT, DisputeOutcome.UPHELD, date("2025-03-01")),
                        new CollectionResumed(DEBT, PauseReason.DISPUTE, ResumeCause.DISPUTE_RESOLVED,
                                date("2025-03-01")),
                        interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        new ClaimAdjusted(DEBT, eur("40.00"), "dispute upheld in part", date("2025-03-01")));
    }

    @Test
    void anAdjustmentAbovethePrincipalIsRejected() {
        fixture().given(registered("100.00"), new DebtDisputed(DEBT, "never ordered", date("2025-03-01")))
                .when(new ResolveDispute(DEBT, DisputeOutcome.UPHELD, eur("100.01"), date("2025-03-01")))
                .expectNoEvents()
                .expectException(violates(Rule.ADJUSTMENT_EXCEEDS_PRINCIPAL));
    }

    @Test
    void aDisputeCannotBeResolvedTwice() {
        fixture().given(registered("100.00"))
                .when(new ResolveDispute(DEBT, DisputeOutcome.REJECTED, null, date("2025-03-01")))
                .expectNoEvents()
                .expectException(violates(Rule.NO_OPEN_DISPUTE));
    }
}
