package org.debtledger.command.debt;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.debtledger.audit.Channel;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.command.policy.JurisdictionPolicy;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DueDateExtended;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.fee.ChargeFee;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.interest.ReferenceRates;
import org.debtledger.money.Money;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.RecordPayment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Set;

import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.POLICY;
import static org.debtledger.command.debt.DebtFixtures.allocation;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;
import static org.debtledger.command.debt.DebtFixtures.fee;
import static org.debtledger.command.debt.DebtFixtures.fixture;
import static org.debtledger.command.debt.DebtFixtures.letterSent;
import static org.debtledger.command.debt.DebtFixtures.interest;
import static org.debtledger.command.debt.DebtFixtures.interestPosted;
import static org.debtledger.command.debt.DebtFixtures.paid;
import static org.debtledger.command.debt.DebtFixtures.registered;
import static org.debtledger.command.debt.DebtFixtures.segment;
import static org.debtledger.command.debt.DebtFixtures.violates;

/** Debt Collection Act 513/1999 sections 10 a to 10 c, for consumer debts in Finland. */
class FeeRulesTest {

    private static ChargeFee charge(FeeType type, String amount, String date) {
        return new ChargeFee(DEBT, type, amount == null ? null : eur(amount), null, date(date));
    }

    @Test
    void aReminderWithoutAnAmountChargesTheFiveEuroCap() {
        fixture().given(registered("100.00"))
                .when(charge(FeeType.REMINDER, null, "2025-03-01"))
                .expectEvents(fee(FeeType.REMINDER, "5.00", "5.00", "2025-03-01"), letterSent(1, "2025-03-01"));
    }

    @Test
    void aReminderAboveItsCapIsRejected() {
        fixture().given(registered("100.00"))
                .when(charge(FeeType.REMINDER, "5.01", "2025-03-01"))
                .expectNoEvents()
                .expectException(violates(Rule.FEE_ABOVE_STATUTORY_CAP));
    }

    @ParameterizedTest(name = "principal {0}: demand cap {1}")
    @CsvSource({"0.01, 14.00", "100.00, 14.00", "100.01, 24.00", "1000.00, 24.00", "1000.01, 50.00", "25000.00, 50.00"})
    void theDemandCapFollowsThePrincipalBandsBoundariesInclusive(String principal, String cap) {
        fixture().given(registered(principal))
                .when(charge(FeeType.DEMAND, null, "2025-03-05"))
                .expectEvents(fee(FeeType.DEMAND, cap, cap, "2025-03-05"), letterSent(1, "2025-03-05"));
    }

    @Test
    void aDemandAboveItsBandCapIsRejected() {
        fixture().given(registered("100.00"))
                .when(charge(FeeType.DEMAND, "14.01", "2025-03-05"))
                .expectNoEvents()
                .expectException(violates(Rule.FEE_ABOVE_STATUTORY_CAP));
    }

    @Test
    void aDemandOnADirectlyEnforceableClaimIsCappedAtFourteenEuros() {
        fixture().given(registered("5000.00", DebtType.CONSUMER, true))
                .when(charge(FeeType.DEMAND, null, "2025-03-05"))
                .expectEvents(fee(FeeType.DEMAND, "14.00", "14.00", "2025-03-05"), letterSent(1, "2025-03-05"));
    }

    @Test
    void aNewDemandOnTheSameClaimIsCappedAtHalf() {
        fixture().given(registered("500.00"), fee(FeeType.DEMAND, "24.00", "24.00", "2025-03-05"))
                .when(charge(FeeType.DEMAND, null, "2025-03-19"))
                .expectEvents(fee(FeeType.DEMAND, "12.00", "12.00", "2025-03-19"), letterSent(2, "2025-03-19"));
    }

    @Test
    void aThirdDemandIsRejected() {
        fixture().given(registered("500.00"), fee(FeeType.DEMAND, "24.00", "24.00", "2025-03-05"),
                        fee(FeeType.DEMAND, "12.00", "12.00", "2025-03-19"))
                .when(charge(FeeType.DEMAND, null, "2025-04-19"))
                .expectNoEvents()
                .expectException(violates(Rule.DEMAND_LIMIT_REACHED));
    }

    @Test
    void aDemandSoonerThanFourteenDaysAfterTheDueDateIsRejected() {
        fixture().given(registered("100.00", DebtType.CONSUMER, false, date("2025-02-20")))
                .when(charge(FeeType.DEMAND, null, "2025-02-28"))
                .expectNoEvents()
                .expectException(violates(Rule.FEE_TOO_SOON));
    }

    @Test
    void aDemandFourteenDaysAfterTheDueDateIsAllowed() {
        fixture().given(registered("100.00"))
                .when(charge(FeeType.DEMAND, null, "2025-03-01"))
                .expectEvents(fee(FeeType.DEMAND, "14.00", "14.00", "2025-03-01"), letterSent(1, "2025-03-01"));
    }

    @Test
    void aLetterSoonerThanFourteenDaysAfterThePreviousOneIsRejected() {
        fixture().given(registered("100.00"), fee(FeeType.REMINDER, "5.00", "5.00", "2025-03-05"))
                .when(charge(FeeType.DEMAND, null, "2025-03-18"))
                .expectNoEvents()
                .expectException(violates(Rule.FEE_TOO_SOON));
    }

    private static DueDateExtended extended(String from, String to, int days, String date) {
        return new DueDateExtended(DEBT, date(from), date(to), days, null, date(date));
    }

    @Test
    void anExtensionOfFourteenDaysOrMoreMovesTheDueDateAndCostsAtMostFiveEuros() {
        fixture().given(registered("100.00"))
                .when(new ChargeFee(DEBT, FeeType.DUE_DATE_EXTENSION, null, 14, date("2025-03-02")))
                .expectEvents(extended("2025-02-15", "2025-03-01", 14, "2025-03-02"),
                        new FeeCharged(DEBT, FeeType.DUE_DATE_EXTENSION, eur("5.00"), eur("5.00"), 14,
                                date("2025-03-02")));
    }

    @Test
    void aShorterExtensionMovesTheDueDateFreeOfCharge() {
        fixture().given(registered("100.00"))
                .when(new ChargeFee(DEBT, FeeType.DUE_DATE_EXTENSION, null, 13, date("2025-03-02")))
                .expectEvents(extended("2025-02-15", "2025-02-28", 13, "2025-03-02"));
        fixture().given(registered("100.00"))
                .when(new ChargeFee(DEBT, FeeType.DUE_DATE_EXTENSION, eur("1.00"), 13, date("2025-03-02")))
                .expectNoEvents()
                .expectException(violates(Rule.SHORT_EXTENSION_IS_FREE));
    }

    @Test
    void anExtensionWhileFeesAreFrozenMovesTheDueDateWithoutAFee() {
        fixture().given(registered("100.00"), new CollectionPaused(DEBT, PauseReason.COUNSELLING,
                        date("2025-04-01"), Set.of(Freeze.FEES, Freeze.CONTACT), date("2025-03-01")))
                .when(new ChargeFee(DEBT, FeeType.DUE_DATE_EXTENSION, null, 30, date("2025-03-02")))
                .expectEvents(extended("2025-02-15", "2025-03-17", 30, "2025-03-02"));
    }

    @Test
    void lettersCountFromTheExtendedDueDate() {
        // due 15 February, moved to 1 March: the first letter may go out on 15 March, no sooner
        fixture().given(registered("100.00"), extended("2025-02-15", "2025-03-01", 14, "2025-03-02"))
                .when(charge(FeeType.REMINDER, null, "2025-03-05"))
                .expectNoEvents()
                .expectException(violates(Rule.FEE_TOO_SOON));
        fixture().given(registered("100.00"), extended("2025-02-15", "2025-03-01", 14, "2025-03-02"))
                .when(charge(FeeType.REMINDER, null, "2025-03-15"))
                .expectEvents(fee(FeeType.REMINDER, "5.00", "5.00", "2025-03-15"), letterSent(2, "2025-03-15"));
    }

    @Test
    void lateInterestKeepsRunningFromTheOriginalDueDateInFinland() {
        // 100.00 from 16 February to 10 March (23 days) at 10.5 %: 0.66, as if the due date had not moved
        fixture().given(registered("100.00"), extended("2025-02-15", "2025-03-01", 14, "2025-03-02"))
                .when(new RecordPayment(DEBT, new PaymentId("RF18-1"), eur("10.00"), date("2025-03-10"),
                        Channel.BANK_FILE))
                .expectEvents(interest("0.66", "2025-02-16", "2025-03-10", "100.00", 1050),
                        paid("RF18-1", "10.00", "2025-03-10", allocation("0.00", "0.66", "9.34", "0.00")));
    }

    @Test
    void whereThePolicySaysSoNoLateInterestRunsThroughTheExtendedDueDate() {
        JurisdictionPolicy finnish = POLICY.of(Jurisdiction.FI);
        CollectionPolicy stopping = new CollectionPolicy(Map.of(Jurisdiction.FI, new JurisdictionPolicy(
                finnish.jurisdiction(), finnish.currency(), finnish.allocationOrder(), finnish.pauses(),
                finnish.plans(), finnish.fees(), false, finnish.promises(), finnish.contactLimits())),
                ReferenceRates::finland);
        AggregateTestFixture<Debt> fixture = new AggregateTestFixture<>(Debt.class);
        fixture.registerInjectableResource(stopping);
        fixture.registerInjectableResource(new ScannedDebtHistory(fixture.getEventStore()));
        fixture.given(registered("100.00"))
                .when(new ChargeFee(DEBT, FeeType.DUE_DATE_EXTENSION, null, 14, date("2025-03-02")))
                .expectEvents(new DueDateExtended(DEBT, date("2025-02-15"), date("2025-03-01"), 14,
                                date("2025-02-16"), date("2025-03-02")),
                        new FeeCharged(DEBT, FeeType.DUE_DATE_EXTENSION, eur("5.00"), eur("5.00"), 14,
                                date("2025-03-02")));
        // 100.00 from 2 to 10 March (9 days) at 10.5 %: 0.26
        fixture.given(registered("100.00"), new DueDateExtended(DEBT, date("2025-02-15"), date("2025-03-01"), 14,
                        date("2025-02-16"), date("2025-03-02")))
                .when(new RecordPayment(DEBT, new PaymentId("RF18-1"), eur("10.00"), date("2025-03-10"),
                        Channel.BANK_FILE))
                .expectEvents(interestPosted("0.26", "2025-02-16", "2025-03-10",
                                segment("2025-03-02", "2025-03-10", "100.00", 1050)),
                        paid("RF18-1", "10.00", "2025-03-10", allocation("0.00", "0.26", "9.74", "0.00")));
    }

    @Test
    void aPlanFeeIsNeverChargedAlone() {
        fixture().given(registered("100.00"))
                .when(charge(FeeType.PAYMENT_PLAN, "20.00", "2025-03-02"))
                .expectNoEvents()
                .expectException(violates(Rule.PLAN_FEE_COMES_WITH_THE_PLAN));
    }

    @Test
    void aFeeInAnotherCurrencyIsRejected() {
        fixture().given(registered("100.00"))
                .when(new ChargeFee(DEBT, FeeType.REMINDER, Money.of("5.00", "SEK"), null, date("2025-03-05")))
                .expectNoEvents()
                .expectException(violates(Rule.CURRENCY_MISMATCH));
    }

    @Test
    void aBusinessDebtsReminderIsCappedAtTwelveEurosTenDaysAfterTheDueDate() {
        fixture().given(registered("500.00", DebtType.BUSINESS, false))
                .when(charge(FeeType.REMINDER, null, "2025-03-01"))
                .expectEvents(fee(FeeType.REMINDER, "12.00", "12.00", "2025-03-01"), letterSent(1, "2025-03-01"));
    }

    @Test
    void aBusinessDebtsDemandIsNotChargedUntilItsCapIsConfirmed() {
        fixture().given(registered("500.00", DebtType.BUSINESS, false))
                .when(charge(FeeType.DEMAND, "10.00", "2025-03-05"))
                .expectNoEvents()
                .expectException(violates(Rule.FEE_NOT_IN_SCHEDULE));
    }

    @Test
    void feesAreRefusedWhileCounsellingFreezesThem() {
        fixture().given(registered("100.00"), new CollectionPaused(DEBT, PauseReason.COUNSELLING, date("2025-05-31"),
                        Set.of(Freeze.FEES, Freeze.CONTACT), date("2025-03-02")))
                .when(charge(FeeType.DEMAND, null, "2025-03-05"))
                .expectNoEvents()
                .expectException(violates(Rule.FEES_FROZEN_BY_PAUSE));
    }

    @Test
    void feesAreRefusedWhileTheDebtIsDisputed() {
        fixture().given(registered("100.00"), new DebtDisputed(DEBT, "never ordered", date("2025-03-02")))
                .when(charge(FeeType.DEMAND, null, "2025-03-05"))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_DISPUTED));
    }
}
