package org.debtledger.query.selfservice;

import org.debtledger.audit.Channel;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.interest.InterestPosted;
import org.debtledger.interest.LateInterest;
import org.debtledger.interest.ReferenceRates;
import org.debtledger.money.Money;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.debtledger.pause.ResumeCause;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.AllocationOrder;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.query.debt.DebtView;
import org.debtledger.query.debt.DebtViewFold;
import org.debtledger.query.debt.HistoryReplay;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The statement folded from a debt's events, beside the debt view folded from the same events: interest posted
 * across the half years of 2025 (reference rates 3.50 % and 2.50 %), a demand fee, payments, a pause that froze
 * interest, and a reversed payment.
 */
class ClaimStatementFoldTest {

    private static final DebtId DEBT = new DebtId("539007547034");
    private static final LateInterest LATE_INTEREST = new LateInterest(ReferenceRates.finland());

    private final List<DebtEvent> events = new ArrayList<>();
    private DebtView view;

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private void add(DebtEvent event) {
        view = DebtViewFold.apply(view, event, events.size(), 100 + events.size());
        events.add(event);
    }

    /** Interest as the ledger posts it: from the day after the last posting, skipping the frozen days. */
    private void postInterestThrough(String through) {
        LocalDate from = view.interestAccruedThrough().plusDays(1);
        LateInterest.Accrual accrual = LATE_INTEREST.accrue(view.outstanding().principal(), view.debtType(), from,
                date(through), view.interestFreezes().ranges());
        add(new InterestPosted(DEBT, accrual.amount(), from, accrual.segments(), date(through)));
    }

    /** A payment as the ledger takes it: interest posted to its value date, then fees, interest and principal. */
    private PaymentReceived pay(String paymentId, String amount, String valueDate) {
        postInterestThrough(valueDate);
        Allocation allocation = AllocationOrder.FEES_INTEREST_PRINCIPAL.allocate(eur(amount),
                view.outstanding().balance());
        PaymentReceived payment = new PaymentReceived(DEBT, new PaymentId(paymentId), eur(amount), Channel.BANK_FILE,
                allocation, List.of(), date(valueDate));
        add(payment);
        return payment;
    }

    private ClaimStatement statement() {
        List<HistoryReplay.Recorded> recorded = new ArrayList<>();
        for (DebtEvent event : events) {
            recorded.add(new HistoryReplay.Recorded(event, recorded.size(), 100 + recorded.size(),
                    event.date().atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600)));
        }
        return ClaimStatementFold.of(recorded);
    }

    /** A year of collection: registered in May, interest across both half years, a pause, a payment reversed. */
    private void aYearOfCollection() {
        add(new DebtRegistered(DEBT, new CreditorId("acme-telecom"), new DebtorId("d-1001"), "INV-2025-0042",
                new InvoicePeriod(date("2025-04-01"), date("2025-04-30")), "Broadband, April", eur("1000.00"),
                date("2025-05-15"), DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-05-20")));
        add(new FeeCharged(DEBT, FeeType.DEMAND, eur("24.00"), eur("24.00"), null, date("2025-06-02")));
        postInterestThrough("2025-07-31");
        pay("ARCHIVE-1", "100.00", "2025-08-05");
        add(new CollectionPaused(DEBT, PauseReason.COUNSELLING, date("2025-09-09"), Set.of(Freeze.INTEREST,
                Freeze.FEES), date("2025-08-10")));
        add(new CollectionResumed(DEBT, PauseReason.COUNSELLING, ResumeCause.RESUMED, date("2025-09-10")));
        postInterestThrough("2025-09-30");
        PaymentReceived returned = pay("ARCHIVE-2", "250.00", "2025-10-03");
        add(new PaymentReversed(DEBT, returned.paymentId(), returned.amount(), returned.allocation(), List.of(),
                "returned by the bank", date("2025-10-10")));
        add(new FeeCharged(DEBT, FeeType.DEMAND, eur("12.00"), eur("12.00"), null, date("2025-10-20")));
        postInterestThrough("2025-12-31");
    }

    @Test
    void theStatementsTotalsAreTheDebtViewsOutstandingToTheCent() {
        aYearOfCollection();

        ClaimStatement.Totals totals = statement().totals();

        assertThat(totals.principal().outstanding()).isEqualTo(view.outstanding().principal());
        assertThat(totals.interest().outstanding()).isEqualTo(view.outstanding().interest());
        assertThat(totals.fees().outstanding()).isEqualTo(view.outstanding().fees());
        assertThat(totals.total().outstanding()).isEqualTo(view.outstanding().total());
        assertThat(totals.credit()).isEqualTo(view.credit());
        assertThat(totals.total().paid()).as("the reversed payment paid, and its reversal restored")
                .isEqualTo(eur("350.00"));
        assertThat(totals.total().corrected()).isEqualTo(eur("250.00"));
        assertThat(totals.fees().charged()).isEqualTo(eur("36.00"));
    }

    @Test
    void theInterestLinesAddUpToTheInterestPostedAndEachPostingsPeriodsToThePosting() {
        aYearOfCollection();

        ClaimStatement statement = statement();

        Money posted = events.stream().filter(InterestPosted.class::isInstance).map(InterestPosted.class::cast)
                .map(InterestPosted::amount).reduce(eur("0.00"), Money::plus);
        assertThat(statement.interest()).hasSize(5);
        assertThat(statement.interest().stream().map(ClaimStatement.InterestPosting::amount)
                .reduce(eur("0.00"), Money::plus)).isEqualTo(posted);
        assertThat(statement.totals().interest().charged()).isEqualTo(posted);
        assertThat(statement.interest()).allSatisfy(posting -> assertThat(posting.periods().stream()
                .map(ClaimStatement.InterestPeriod::amount).reduce(eur("0.00"), Money::plus))
                .isEqualTo(posting.amount()));
    }

    @Test
    void interestAcrossTwoHalfYearsShowsEachHalfYearsReferenceRatePlusTheStatutoryMargin() {
        aYearOfCollection();

        ClaimStatement.InterestPosting first = statement().interest().get(0);

        assertThat(first.from()).isEqualTo(date("2025-05-16"));
        assertThat(first.through()).isEqualTo(date("2025-07-31"));
        assertThat(first.periods()).extracting(ClaimStatement.InterestPeriod::from, ClaimStatement.InterestPeriod::through,
                        ClaimStatement.InterestPeriod::days, ClaimStatement.InterestPeriod::annualRatePercent,
                        ClaimStatement.InterestPeriod::referenceRatePercent, ClaimStatement.InterestPeriod::marginPercent)
                .containsExactly(
                        tuple(date("2025-05-16"), date("2025-06-30"), 46, "10.50", "3.50",
                                "7.00"),
                        tuple(date("2025-07-01"), date("2025-07-31"), 31, "9.50", "2.50",
                                "7.00"));
        assertThat(first.periods().get(0).principal()).isEqualTo(eur("1000.00"));
        assertThat(first.periods().get(0).rateSource()).isEqualTo("the reference rate of the half year 2025-01-01"
                + " to 2025-06-30 (3.50 %) plus the statutory margin of 7.00 percentage points for a consumer debt"
                + " (Interest Act 633/1982, section 4)");
        // 1000.00 × 10.50 % × 46 / 365 = 13.2329, 1000.00 × 9.50 % × 31 / 365 = 8.0685: posted once, 21.30
        assertThat(first.amount()).isEqualTo(eur("21.30"));
        assertThat(first.periods()).extracting(ClaimStatement.InterestPeriod::amount)
                .containsExactly(eur("13.23"), eur("8.07"));
    }

    @Test
    void noInterestRunsOnTheDaysThePauseFroze() {
        aYearOfCollection();

        ClaimStatement.InterestPosting afterPause = statement().interest().get(2);

        assertThat(afterPause.from()).isEqualTo(date("2025-08-06"));
        assertThat(afterPause.periods()).extracting(ClaimStatement.InterestPeriod::from,
                        ClaimStatement.InterestPeriod::through)
                .containsExactly(tuple(date("2025-08-06"), date("2025-08-09")),
                        tuple(date("2025-09-10"), date("2025-09-30")));
    }

    @Test
    void aReversedPaymentIsMarkedAndWhatItPaidIsOwedAgain() {
        aYearOfCollection();

        ClaimStatement statement = statement();

        assertThat(statement.payments()).extracting(ClaimStatement.Payment::paymentId, ClaimStatement.Payment::reversed)
                .containsExactly(tuple("ARCHIVE-1", false),
                        tuple("ARCHIVE-2", true));
        ClaimStatement.Payment first = statement.payments().get(0);
        assertThat(first.paid().fees()).isEqualTo(eur("24.00"));
        assertThat(first.paid().interest().plus(first.paid().principal())).isEqualTo(eur("76.00"));
        ClaimStatement.Correction reversal = statement.corrections().get(0);
        assertThat(reversal.kind()).isEqualTo(ClaimStatement.CorrectionKind.REVERSAL);
        assertThat(reversal.paymentId()).isEqualTo("ARCHIVE-2");
        assertThat(reversal.principal().plus(reversal.interest()).plus(reversal.fees())).isEqualTo(eur("250.00"));
        assertThat(statement.fees()).extracting(ClaimStatement.Fee::description)
                .containsExactly("a demand for payment", "a new demand for payment on the same claim");
    }

    @Test
    void theClaimSaysWhatItIsForAndItsOriginalDueDate() {
        aYearOfCollection();

        ClaimStatement.Claim claim = statement().claim();

        assertThat(claim.creditorId()).isEqualTo("acme-telecom");
        assertThat(claim.invoiceReference()).isEqualTo("INV-2025-0042");
        assertThat(claim.description()).isEqualTo("Broadband, April");
        assertThat(claim.originalDueDate()).isEqualTo(date("2025-05-15"));
        assertThat(claim.principal()).isEqualTo(eur("1000.00"));
    }

    @Test
    void aDebtIsPaidWithItsRfReferenceAndOneWhoseIdNoReferenceCanHoldHasNone() {
        assertThat(PaymentInstructions.referenceOf("539007547034").printed()).isEqualTo("RF18 5390 0754 7034");
        assertThat(PaymentInstructions.referenceOf("debt-energy-1")).isNull();
    }

    @Test
    void sharesAddUpToTheAmountTheLeftoverCentsGoingToTheLargestRemainders() {
        assertThat(Shares.of(eur("0.10"), List.of(BigInteger.ONE, BigInteger.ONE,
                BigInteger.ONE))).containsExactly(eur("0.04"), eur("0.03"), eur("0.03"));
        assertThat(Shares.of(eur("1.00"), List.of())).isNull();
    }
}
