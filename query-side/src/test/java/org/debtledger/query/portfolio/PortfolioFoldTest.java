package org.debtledger.query.portfolio;

import org.debtledger.audit.Channel;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;
import org.debtledger.query.projection.FoldedRows;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The portfolio as its fold gives it, with no database. */
class PortfolioFoldTest {

    private static final DebtId DEBT = new DebtId("debt-1");
    private static final PortfolioProjection PROJECTION = new PortfolioProjection(null);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static final DebtRegistered REGISTERED = new DebtRegistered(DEBT, new CreditorId("acme-telecom"),
            new DebtorId("d-1001"), "INV-1", new InvoicePeriod(date("2025-01-01"), date("2025-01-31")), "Broadband",
            eur("100.00"), date("2025-02-15"), DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-03-20"));
    private static final PaymentPlanAgreed PLAN = new PaymentPlanAgreed(DEBT, 1,
            List.of(new Instalment(date("2025-04-01"), eur("50.00")), new Instalment(date("2025-05-01"), eur("64.01"))),
            Channel.SELF_SERVICE, null, null, true, date("2025-03-25"));
    private static final PaymentReceived FIRST = payment("RF-1", "50.00", 1, "2025-03-31");
    private static final PaymentReceived LAST = payment("RF-2", "64.01", 2, "2025-05-02");

    private static PaymentReceived payment(String id, String amount, int instalment, String date) {
        return new PaymentReceived(DEBT, new PaymentId(id), eur(amount), Channel.BANK_FILE,
                new Allocation(eur("0.00"), eur("0.00"), eur(amount), eur("0.00")),
                List.of(new InstalmentPayment(instalment, eur(amount))), date(date));
    }

    private static DebtPortfolio fold(DebtEvent... events) {
        DebtPortfolio portfolio = DebtPortfolio.initial(DEBT.value());
        for (int i = 0; i < events.length; i++) {
            portfolio = portfolio.after(events[i], i);
        }
        return portfolio;
    }

    @Test
    void paymentsCountInTheCalendarMonthSinceRegistrationTheyWereReceivedIn() {
        DebtPortfolio portfolio = fold(REGISTERED, PLAN, FIRST, LAST);

        assertThat(portfolio.debt()).isEqualTo(new DebtPortfolio.Debt("acme-telecom", "EUR", date("2025-03-20"),
                10000, 3));
        assertThat(portfolio.collections()).isEqualTo(Map.of(0, 5000L, 2, 6401L));
    }

    @Test
    void theLastInstalmentPaidCompletesThePlanOnItsDay() {
        DebtPortfolio portfolio = fold(REGISTERED, PLAN, FIRST, LAST);

        assertThat(portfolio.plans()).containsExactly(new DebtPortfolio.Plan(1, date("2025-03-25"), 11401, 11401,
                date("2025-05-02"), null));
    }

    @Test
    void aReversalTakesTheCollectionBackInItsOwnMonthAndReopensThePlan() {
        DebtPortfolio portfolio = fold(REGISTERED, PLAN, FIRST, LAST, new PaymentReversed(DEBT, new PaymentId("RF-1"),
                eur("50.00"), FIRST.allocation(), FIRST.instalments(), "returned", date("2025-06-03")));

        assertThat(portfolio.collections()).isEqualTo(Map.of(0, 5000L, 2, 6401L, 3, -5000L));
        assertThat(portfolio.plans().get(0).completedOn()).isNull();
        assertThat(portfolio.plans().get(0).paidMinor()).isEqualTo(6401);
    }

    @Test
    void aBrokenPlanIsBrokenOnItsDayAndTheNextPlanIsCountedApart() {
        DebtPortfolio portfolio = fold(REGISTERED, PLAN, FIRST, new PaymentPlanBroken(DEBT, 1, 2, date("2025-05-15")),
                new PaymentPlanAgreed(DEBT, 2, List.of(new Instalment(date("2025-07-01"), eur("64.01"))),
                        Channel.ADVISOR_PHONE, null, null, false, date("2025-06-20")));

        assertThat(portfolio.plans()).containsExactly(
                new DebtPortfolio.Plan(1, date("2025-03-25"), 11401, 5000, null, date("2025-05-15")),
                new DebtPortfolio.Plan(2, date("2025-06-20"), 6401, 0, null, null));
    }

    @Test
    void aPromiseIsKeptOrBrokenOnItsDayWithWhatArrived() {
        DebtPortfolio portfolio = fold(REGISTERED,
                new PromiseToPayMade(DEBT, 1, eur("50.00"), date("2025-03-28"), date("2025-03-30"),
                        Channel.ADVISOR_PHONE, date("2025-03-21")),
                new PromiseBroken(DEBT, 1, eur("50.00"), eur("20.00"), date("2025-03-31")),
                new PromiseToPayMade(DEBT, 2, eur("30.00"), date("2025-04-10"), date("2025-04-12"),
                        Channel.SELF_SERVICE, date("2025-04-01")),
                new PromiseKept(DEBT, 2, eur("30.00"), eur("30.00"), date("2025-04-09")),
                new PromiseToPayMade(DEBT, 3, eur("10.00"), date("2025-05-10"), date("2025-05-12"),
                        Channel.SELF_SERVICE, date("2025-05-01")));

        assertThat(portfolio.promises()).containsExactly(
                new DebtPortfolio.Promise(1, date("2025-03-21"), 5000, 2000, null, date("2025-03-31")),
                new DebtPortfolio.Promise(2, date("2025-04-01"), 3000, 3000, date("2025-04-09"), null),
                new DebtPortfolio.Promise(3, date("2025-05-01"), 1000, 0, null, null));
        assertThat(FoldedRows.of(PROJECTION, List.of(REGISTERED, new PromiseToPayMade(DEBT, 1, eur("50.00"),
                        date("2025-03-28"), date("2025-03-30"), Channel.ADVISOR_PHONE, date("2025-03-21")),
                new PromiseBroken(DEBT, 1, eur("50.00"), eur("20.00"), date("2025-03-31")))).of("portfolio_promise"))
                .extracting(row -> row.get("promise_number") + " made " + row.get("made_on") + ", "
                        + row.get("arrived_minor") + " of " + row.get("amount_minor") + ", kept " + row.get("kept_on")
                        + ", broken " + row.get("broken_on"))
                .containsExactly("1 made 2025-03-21, 2000 of 5000, kept null, broken 2025-03-31");
    }

    @Test
    void anEventAppliedBeforeChangesNothing() {
        DebtPortfolio portfolio = fold(REGISTERED, PLAN, FIRST);

        assertThat(portfolio.after(FIRST, 2)).isSameAs(portfolio);
        assertThat(portfolio.after(REGISTERED, 0)).isSameAs(portfolio);
    }

    @Test
    void theFoldGivesARowForTheDebtEachMonthCollectedInAndEachPlan() {
        FoldedRows rows = FoldedRows.of(PROJECTION, List.of(REGISTERED, PLAN, FIRST, LAST));

        assertThat(rows.of("portfolio_debt")).containsExactly(Map.of("debt_id", "debt-1",
                "creditor_id", "acme-telecom", "currency", "EUR", "registered_on", date("2025-03-20"),
                "principal_minor", 10000L, "sequence_number", 3L));
        assertThat(rows.of("portfolio_collection")).extracting(row -> row.get("month_index") + "="
                + row.get("collected_minor")).containsExactly("0=5000", "2=6401");
        assertThat(rows.of("portfolio_plan")).extracting(row -> row.get("completed_on"))
                .containsExactly(date("2025-05-02"));
    }

    @Test
    void aShareIsRoundedHalfUpToFourPlacesWithoutFloatingPoint() {
        assertThat(PortfolioController.share(5000, 10000)).isEqualTo("0.5000");
        assertThat(PortfolioController.share(1, 3)).isEqualTo("0.3333");
        assertThat(PortfolioController.share(2, 3)).isEqualTo("0.6667");
        assertThat(PortfolioController.share(11401, 10000)).isEqualTo("1.1401");
        assertThat(PortfolioController.share(0, 0)).isEqualTo("0.0000");
    }
}
