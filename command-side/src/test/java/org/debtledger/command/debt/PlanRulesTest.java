package org.debtledger.command.debt;

import org.debtledger.audit.Channel;
import org.debtledger.debt.CloseBusinessDay;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.money.Money;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.RecordPayment;
import org.debtledger.plan.Affordability;
import org.debtledger.plan.AgreePaymentPlan;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.debtledger.command.debt.DebtFixtures.ADVISOR;
import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.SELF_SERVICE;
import static org.debtledger.command.debt.DebtFixtures.allocation;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;
import static org.debtledger.command.debt.DebtFixtures.fixture;
import static org.debtledger.command.debt.DebtFixtures.instalment;
import static org.debtledger.command.debt.DebtFixtures.interest;
import static org.debtledger.command.debt.DebtFixtures.paid;
import static org.debtledger.command.debt.DebtFixtures.planAgreed;
import static org.debtledger.command.debt.DebtFixtures.registered;
import static org.debtledger.command.debt.DebtFixtures.violates;

class PlanRulesTest {

    /** 100.00 principal plus 0.40 interest through 1 March 2025, in two instalments. */
    private static final Instalment APRIL = instalment("2025-04-01", "50.00");
    private static final Instalment MAY = instalment("2025-05-01", "50.40");

    private static AgreePaymentPlan plan(String date, Instalment... instalments) {
        return new AgreePaymentPlan(DEBT, List.of(instalments), Channel.SELF_SERVICE, null, null, date(date));
    }

    private static AgreePaymentPlan plan(Affordability affordability, String override, Instalment... instalments) {
        return new AgreePaymentPlan(DEBT, List.of(instalments), Channel.SELF_SERVICE, affordability, override,
                date("2025-03-01"));
    }

    @Test
    void theFirstPlanIsFreeAndCoversTheBalanceWithInterestToDate() {
        fixture().given(registered("100.00"))
                .when(plan("2025-03-01", APRIL, MAY), SELF_SERVICE)
                .expectEvents(interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        planAgreed(1, "2025-03-01", APRIL, MAY));
    }

    @Test
    void aPlanThatDoesNotCoverTheBalanceIsRejected() {
        fixture().given(registered("100.00"))
                .when(plan("2025-03-01", APRIL, instalment("2025-05-01", "50.00")))
                .expectNoEvents()
                .expectException(violates(Rule.PLAN_DOES_NOT_COVER_BALANCE));
    }

    @Test
    void instalmentDatesMustStrictlyIncrease() {
        fixture().given(registered("100.00"))
                .when(plan("2025-03-01", instalment("2025-04-01", "50.00"), instalment("2025-04-01", "50.40")))
                .expectNoEvents()
                .expectException(violates(Rule.INSTALMENT_DATES_NOT_INCREASING));
    }

    @Test
    void noInstalmentMayBeBelowTheMinimum() {
        fixture().given(registered("100.00"))
                .when(plan("2025-03-01", instalment("2025-04-01", "9.99"), instalment("2025-05-01", "90.41")))
                .expectNoEvents()
                .expectException(violates(Rule.INSTALMENT_BELOW_MINIMUM));
    }

    @Test
    void onlyOnePlanIsInForceAtATime() {
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        planAgreed(1, "2025-03-01", APRIL, MAY))
                .when(plan("2025-03-02", APRIL, MAY))
                .expectNoEvents()
                .expectException(violates(Rule.PLAN_ALREADY_ACTIVE));
    }

    @Test
    void noPlanIsAgreedWhileTheDebtIsDisputed() {
        fixture().given(registered("100.00"), new DebtDisputed(DEBT, "never ordered", date("2025-03-01")))
                .when(plan("2025-03-01", APRIL, MAY))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_DISPUTED));
    }

    @Test
    void theSecondPlanIsChargedByPrincipalBandAndInstalmentCount() {
        // 500.00 principal, more than 4 instalments: EUR 30.00. Interest is posted through the agreement date.
        Instalment[] six = {instalment("2025-06-01", "90.00"), instalment("2025-07-01", "90.00"),
                instalment("2025-08-01", "90.00"), instalment("2025-09-01", "90.00"),
                instalment("2025-10-01", "90.00"), instalment("2025-11-01", "85.00")};
        fixture().given(registered("500.00"), interest("5.00", "2025-02-16", "2025-05-10", "500.00", 1050),
                        planAgreed(1, "2025-03-01", instalment("2025-04-01", "505.00")),
                        new PaymentPlanBroken(DEBT, 1, 2, date("2025-05-08")))
                .when(plan("2025-05-10", six))
                .expectEvents(new FeeCharged(DEBT, FeeType.PAYMENT_PLAN, eur("30.00"), eur("30.00"), null,
                                date("2025-05-10")),
                        planAgreed(2, "2025-05-10", six));
    }

    @Test
    void onlyOnePlanIsChargedForWhenThePrincipalIsAtMostOneHundredEuros() {
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        planAgreed(1, "2025-03-01", APRIL, MAY), new PaymentPlanBroken(DEBT, 1, 2, date("2025-05-08")),
                        new FeeCharged(DEBT, FeeType.PAYMENT_PLAN, eur("20.00"), eur("20.00"), null, date("2025-05-09")),
                        planAgreed(2, "2025-05-09", instalment("2025-06-01", "120.40")),
                        new PaymentPlanBroken(DEBT, 2, 1, date("2025-06-08")),
                        interest("0.10", "2025-03-02", "2025-06-10", "100.00", 1050))
                .when(plan("2025-06-10", instalment("2025-07-01", "120.50")))
                .expectEvents(planAgreed(3, "2025-06-10", instalment("2025-07-01", "120.50")));
    }

    @Test
    void aPlanTheDeclaredBudgetDoesNotCoverIsRejected() {
        Affordability tight = new Affordability(eur("1800.00"), eur("1750.00"));
        fixture().given(registered("100.00"))
                .when(plan(tight, null, instalment("2025-04-01", "50.20"), instalment("2025-05-01", "50.20")))
                .expectNoEvents()
                .expectException(violates(Rule.PLAN_NOT_AFFORDABLE));
    }

    @Test
    void anAdvisorMayOverrideTheBudgetCheckWithAReason() {
        Affordability tight = new Affordability(eur("1800.00"), eur("1750.00"));
        Instalment april = instalment("2025-04-01", "50.20");
        Instalment may = instalment("2025-05-01", "50.20");
        fixture().given(registered("100.00"))
                .when(plan(tight, "a pay rise is confirmed from April", april, may), ADVISOR)
                .expectEvents(interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        new PaymentPlanAgreed(DEBT, 1, List.of(april, may), Channel.SELF_SERVICE, tight,
                                "a pay rise is confirmed from April", true, date("2025-03-01")));
    }

    @Test
    void onlyAnAdvisorMayOverrideTheBudgetCheck() {
        Affordability tight = new Affordability(eur("1800.00"), eur("1750.00"));
        fixture().given(registered("100.00"))
                .when(plan(tight, "trust me", instalment("2025-04-01", "50.20"), instalment("2025-05-01", "50.20")),
                        SELF_SERVICE)
                .expectNoEvents()
                .expectException(violates(Rule.AFFORDABILITY_OVERRIDE_NEEDS_ADVISOR));
    }

    @Test
    void aPaymentFillsTheInstalmentsOldestFirstAndAKeptPlanStopsInterest() {
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        planAgreed(1, "2025-03-01", APRIL, MAY))
                .when(new RecordPayment(DEBT, new PaymentId("RF18-1"), eur("60.00"), date("2025-03-20"),
                        Channel.BANK_FILE))
                .expectEvents(paid("RF18-1", "60.00", "2025-03-20", allocation("0.00", "0.40", "59.60", "0.00"),
                        new InstalmentPayment(1, eur("50.00")), new InstalmentPayment(2, eur("10.00"))));
    }

    @Test
    void anInstalmentStillUnpaidSevenDaysAfterItsDueDateIsMissed() {
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        planAgreed(1, "2025-03-01", APRIL, MAY))
                .when(new CloseBusinessDay(DEBT, date("2025-04-07")))
                .expectNoEvents();
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        planAgreed(1, "2025-03-01", APRIL, MAY))
                .when(new CloseBusinessDay(DEBT, date("2025-04-08")))
                .expectEvents(new InstalmentMissed(DEBT, 1, 1, date("2025-04-01"), eur("50.00"), date("2025-04-08")));
    }

    @Test
    void aPaidInstalmentIsNotMissed() {
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        planAgreed(1, "2025-03-01", APRIL, MAY),
                        paid("RF18-1", "50.00", "2025-03-31", allocation("0.00", "0.40", "49.60", "0.00"),
                                new InstalmentPayment(1, eur("50.00"))))
                .when(new CloseBusinessDay(DEBT, date("2025-04-08")))
                .expectNoEvents();
    }

    @Test
    void theSecondMissedInstalmentBreaksThePlan() {
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        planAgreed(1, "2025-03-01", APRIL, MAY),
                        new InstalmentMissed(DEBT, 1, 1, date("2025-04-01"), eur("50.00"), date("2025-04-08")))
                .when(new CloseBusinessDay(DEBT, date("2025-05-08")))
                .expectEvents(new InstalmentMissed(DEBT, 1, 2, date("2025-05-01"), eur("50.40"), date("2025-05-08")),
                        new PaymentPlanBroken(DEBT, 1, 2, date("2025-05-08")));
    }

    @Test
    void aPlanInAnotherCurrencyIsRejected() {
        fixture().given(registered("100.00"))
                .when(plan("2025-03-01", new Instalment(date("2025-04-01"), Money.of("100.40", "SEK"))))
                .expectNoEvents()
                .expectException(violates(Rule.CURRENCY_MISMATCH));
    }
}
