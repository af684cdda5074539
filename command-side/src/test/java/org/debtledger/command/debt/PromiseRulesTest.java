package org.debtledger.command.debt;

import org.debtledger.audit.Channel;
import org.debtledger.debt.CloseBusinessDay;
import org.debtledger.debt.DebtSettled;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.limitation.DebtTimeBarred;
import org.debtledger.money.Money;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.payment.RecordPayment;
import org.debtledger.promise.MakePromiseToPay;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.allocation;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;
import static org.debtledger.command.debt.DebtFixtures.fixture;
import static org.debtledger.command.debt.DebtFixtures.interest;
import static org.debtledger.command.debt.DebtFixtures.paid;
import static org.debtledger.command.debt.DebtFixtures.registered;
import static org.debtledger.command.debt.DebtFixtures.violates;

class PromiseRulesTest {

    private static MakePromiseToPay promise(String amount, String promisedFor) {
        return promise(eur(amount), promisedFor);
    }

    private static MakePromiseToPay promise(Money amount, String promisedFor) {
        return new MakePromiseToPay(DEBT, amount, date(promisedFor), Channel.ADVISOR_PHONE, date("2025-03-10"));
    }

    /** Promise 1: 50.00 for 5 March, made on 1 March; payments valued to 7 March (two days' grace) count. */
    private static final PromiseToPayMade FIFTY_FOR_THE_FIFTH = new PromiseToPayMade(DEBT, 1, eur("50.00"),
            date("2025-03-05"), date("2025-03-07"), Channel.ADVISOR_PHONE, date("2025-03-01"));

    private static RecordPayment payment(String id, String amount, String valueDate) {
        return new RecordPayment(DEBT, new PaymentId(id), eur(amount), date(valueDate), Channel.BANK_FILE);
    }

    // ---- making a promise -------------------------------------------------------------------------------------

    @Test
    void aDebtorPromisesToPayAnAmountOnADayAndMayPayTwoDaysLater() {
        fixture().given(registered("100.00"))
                .when(promise("50.00", "2025-03-20"))
                .expectEvents(new PromiseToPayMade(DEBT, 1, eur("50.00"), date("2025-03-20"), date("2025-03-22"),
                        Channel.ADVISOR_PHONE, date("2025-03-10")));
    }

    @Test
    void aPromiseMayBeForTodayOrForTheThirtiethDayAheadAndOfAllThatIsOwed() {
        fixture().given(registered("100.00"))
                .when(promise("100.00", "2025-03-10"))
                .expectSuccessfulHandlerExecution();
        fixture().given(registered("100.00"))
                .when(promise("0.01", "2025-04-09"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPromiseOfNothingIsRejected() {
        fixture().given(registered("100.00"))
                .when(promise("0.00", "2025-03-20"))
                .expectNoEvents()
                .expectException(violates(Rule.AMOUNT_NOT_POSITIVE));
    }

    @Test
    void aPromiseOfMoreThanIsOwedIsRejected() {
        fixture().given(registered("100.00"))
                .when(promise("100.01", "2025-03-20"))
                .expectNoEvents()
                .expectException(violates(Rule.PROMISE_EXCEEDS_BALANCE));
    }

    @Test
    void aPromiseInAnotherCurrencyIsRejected() {
        fixture().given(registered("100.00"))
                .when(promise(Money.of("50.00", "SEK"), "2025-03-20"))
                .expectNoEvents()
                .expectException(violates(Rule.CURRENCY_MISMATCH));
    }

    @Test
    void aPromiseForADayGoneByIsRejected() {
        fixture().given(registered("100.00"))
                .when(promise("50.00", "2025-03-09"))
                .expectNoEvents()
                .expectException(violates(Rule.PROMISE_DAY_PASSED));
    }

    @Test
    void aPromiseBeyondThePolicysHorizonIsRejected() {
        fixture().given(registered("100.00"))
                .when(promise("50.00", "2025-04-10"))
                .expectNoEvents()
                .expectException(violates(Rule.PROMISE_TOO_FAR_AHEAD));
    }

    @Test
    void aSecondPromiseWhileOneIsOpenIsRejected() {
        fixture().given(registered("100.00"), FIFTY_FOR_THE_FIFTH)
                .when(promise("20.00", "2025-03-20"))
                .expectNoEvents()
                .expectException(violates(Rule.PROMISE_ALREADY_OPEN));
    }

    @Test
    void noPromiseWhileTheDebtIsDisputed() {
        fixture().given(registered("100.00"), new DebtDisputed(DEBT, "never ordered", date("2025-03-02")))
                .when(promise("50.00", "2025-03-20"))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_DISPUTED));
    }

    @Test
    void noPromiseOnATimeBarredDebt() {
        fixture().given(registered("100.00"), new DebtTimeBarred(DEBT, date("2025-03-05"), date("2025-03-06")))
                .when(promise("50.00", "2025-03-20"))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_TIME_BARRED));
    }

    @Test
    void noPromiseOnASettledDebt() {
        fixture().given(registered("100.00"), new DebtSettled(DEBT, date("2025-03-03")))
                .when(promise("50.00", "2025-03-20"))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_CLOSED));
    }

    @Test
    void theNextPromiseAfterABrokenOneHasTheNextNumber() {
        fixture().given(registered("100.00"), FIFTY_FOR_THE_FIFTH,
                        new PromiseBroken(DEBT, 1, eur("50.00"), eur("0.00"), date("2025-03-08")))
                .when(promise("30.00", "2025-03-20"))
                .expectEvents(new PromiseToPayMade(DEBT, 2, eur("30.00"), date("2025-03-20"), date("2025-03-22"),
                        Channel.ADVISOR_PHONE, date("2025-03-10")));
    }

    // ---- keeping a promise ------------------------------------------------------------------------------------

    @Test
    void aPaymentOfThePromisedAmountOnThePromisedDayKeepsIt() {
        fixture().given(registered("100.00"), interest("0.52", "2025-02-16", "2025-03-05", "100.00", 1050),
                        FIFTY_FOR_THE_FIFTH)
                .when(payment("RF18-1", "50.00", "2025-03-05"))
                .expectEvents(paid("RF18-1", "50.00", "2025-03-05", allocation("0.00", "0.52", "49.48", "0.00")),
                        new PromiseKept(DEBT, 1, eur("50.00"), eur("50.00"), date("2025-03-05")));
    }

    @Test
    void aPaymentValuedWithinTheGraceDaysStillKeepsIt() {
        fixture().given(registered("100.00"), interest("0.58", "2025-02-16", "2025-03-07", "100.00", 1050),
                        FIFTY_FOR_THE_FIFTH)
                .when(payment("RF18-1", "50.00", "2025-03-07"))
                .expectEvents(paid("RF18-1", "50.00", "2025-03-07", allocation("0.00", "0.58", "49.42", "0.00")),
                        new PromiseKept(DEBT, 1, eur("50.00"), eur("50.00"), date("2025-03-07")));
    }

    @Test
    void aPaymentValuedAfterTheGraceDaysDoesNotKeepIt() {
        fixture().given(registered("100.00"), interest("0.61", "2025-02-16", "2025-03-08", "100.00", 1050),
                        FIFTY_FOR_THE_FIFTH)
                .when(payment("RF18-1", "50.00", "2025-03-08"))
                .expectEvents(paid("RF18-1", "50.00", "2025-03-08", allocation("0.00", "0.61", "49.39", "0.00")));
    }

    @Test
    void paymentsAddUpUntilTheyReachThePromisedAmount() {
        fixture().given(registered("100.00"), interest("0.52", "2025-02-16", "2025-03-05", "100.00", 1050),
                        FIFTY_FOR_THE_FIFTH,
                        paid("RF18-1", "20.00", "2025-03-05", allocation("0.00", "0.52", "19.48", "0.00")))
                .when(payment("RF18-2", "30.00", "2025-03-05"))
                .expectEvents(paid("RF18-2", "30.00", "2025-03-05", allocation("0.00", "0.00", "30.00", "0.00")),
                        new PromiseKept(DEBT, 1, eur("50.00"), eur("50.00"), date("2025-03-05")));
    }

    @Test
    void anOverpaymentsCreditDoesNotCountButSettlingTheDebtKeepsThePromise() {
        PromiseToPayMade everything = new PromiseToPayMade(DEBT, 1, eur("100.00"), date("2025-03-05"),
                date("2025-03-07"), Channel.ADVISOR_PHONE, date("2025-03-01"));
        fixture().given(registered("100.00"), interest("0.52", "2025-02-16", "2025-03-05", "100.00", 1050),
                        paid("RF18-1", "40.52", "2025-03-05", allocation("0.00", "0.52", "40.00", "0.00")),
                        everything)
                .when(payment("RF18-2", "70.00", "2025-03-05"))
                .expectEvents(paid("RF18-2", "70.00", "2025-03-05", allocation("0.00", "0.00", "60.00", "10.00")),
                        new PromiseKept(DEBT, 1, eur("100.00"), eur("60.00"), date("2025-03-05")),
                        new DebtSettled(DEBT, date("2025-03-05")));
    }

    // ---- breaking a promise -----------------------------------------------------------------------------------

    @Test
    void closeOfBusinessAfterTheGraceDaysBreaksAnOpenPromise() {
        fixture().given(registered("100.00"), FIFTY_FOR_THE_FIFTH)
                .when(new CloseBusinessDay(DEBT, date("2025-03-07")))
                .expectNoEvents();
        fixture().given(registered("100.00"), FIFTY_FOR_THE_FIFTH)
                .when(new CloseBusinessDay(DEBT, date("2025-03-08")))
                .expectEvents(new PromiseBroken(DEBT, 1, eur("50.00"), eur("0.00"), date("2025-03-08")));
    }

    @Test
    void aPromiseKeptInPartIsBrokenWithWhatArrived() {
        fixture().given(registered("100.00"), FIFTY_FOR_THE_FIFTH,
                        paid("RF18-1", "20.00", "2025-03-04", allocation("0.00", "0.00", "20.00", "0.00")))
                .when(new CloseBusinessDay(DEBT, date("2025-03-08")))
                .expectEvents(new PromiseBroken(DEBT, 1, eur("50.00"), eur("20.00"), date("2025-03-08")));
    }

    @Test
    void aReversedPaymentNoLongerCountsTowardsThePromise() {
        fixture().given(registered("100.00"), FIFTY_FOR_THE_FIFTH,
                        paid("RF18-1", "20.00", "2025-03-04", allocation("0.00", "0.00", "20.00", "0.00")),
                        new PaymentReversed(DEBT, new PaymentId("RF18-1"), eur("20.00"),
                                allocation("0.00", "0.00", "20.00", "0.00"), List.of(), "returned by the bank",
                                date("2025-03-06")))
                .when(new CloseBusinessDay(DEBT, date("2025-03-08")))
                .expectEvents(new PromiseBroken(DEBT, 1, eur("50.00"), eur("0.00"), date("2025-03-08")));
    }

    @Test
    void closingTheSameDayTwiceBreaksThePromiseOnce() {
        fixture().given(registered("100.00"), FIFTY_FOR_THE_FIFTH,
                        new PromiseBroken(DEBT, 1, eur("50.00"), eur("0.00"), date("2025-03-08")))
                .when(new CloseBusinessDay(DEBT, date("2025-03-08")))
                .expectNoEvents();
    }

    @Test
    void aKeptPromiseIsNotBroken() {
        fixture().given(registered("100.00"), FIFTY_FOR_THE_FIFTH,
                        paid("RF18-1", "50.00", "2025-03-04", allocation("0.00", "0.00", "50.00", "0.00")),
                        new PromiseKept(DEBT, 1, eur("50.00"), eur("50.00"), date("2025-03-04")))
                .when(new CloseBusinessDay(DEBT, date("2025-03-08")))
                .expectNoEvents();
    }
}
