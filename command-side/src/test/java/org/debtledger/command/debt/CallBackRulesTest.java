package org.debtledger.command.debt;

import org.debtledger.callback.CallBackRequested;
import org.debtledger.callback.RequestCallBack;
import org.debtledger.debt.Balance;
import org.debtledger.debt.DebtRecalled;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtWrittenOff;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;
import static org.debtledger.command.debt.DebtFixtures.fixture;
import static org.debtledger.command.debt.DebtFixtures.registered;
import static org.debtledger.command.debt.DebtFixtures.violates;

class CallBackRulesTest {

    private static final LocalTime NINE = LocalTime.parse("09:00");
    private static final LocalTime NOON = LocalTime.parse("12:00");
    private static final Balance OWED = new Balance(eur("0.00"), eur("0.00"), eur("100.00"));

    private static RequestCallBack callBack(String on, LocalTime from, LocalTime to) {
        return new RequestCallBack(DEBT, date(on), from, to, date("2025-03-05"));
    }

    @Test
    void aDebtorAsksToBeCalledBackOnADayBetweenTwoTimes() {
        fixture().given(registered("100.00"))
                .when(callBack("2025-03-10", NINE, NOON))
                .expectEvents(new CallBackRequested(DEBT, date("2025-03-10"), NINE, NOON, date("2025-03-05")));
    }

    @Test
    void aCallBackMayBeAskedForTodayAndForTheThirtiethDayAhead() {
        fixture().given(registered("100.00"))
                .when(callBack("2025-03-05", NINE, NOON))
                .expectSuccessfulHandlerExecution();
        fixture().given(registered("100.00"))
                .when(callBack("2025-04-04", NINE, NOON))
                .expectEvents(new CallBackRequested(DEBT, date("2025-04-04"), NINE, NOON, date("2025-03-05")));
    }

    @Test
    void aCallBackOnADayGoneByIsRejected() {
        fixture().given(registered("100.00"))
                .when(callBack("2025-03-04", NINE, NOON))
                .expectNoEvents()
                .expectException(violates(Rule.CALL_BACK_DAY_PASSED));
    }

    @Test
    void aCallBackMoreThanThirtyDaysAheadIsRejected() {
        fixture().given(registered("100.00"))
                .when(callBack("2025-04-05", NINE, NOON))
                .expectNoEvents()
                .expectException(violates(Rule.CALL_BACK_TOO_FAR_AHEAD));
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRejected() {
        fixture().given(registered("100.00"))
                .when(callBack("2025-03-10", NOON, NINE))
                .expectNoEvents()
                .expectException(violates(Rule.CALL_BACK_WINDOW_EMPTY));
    }

    @Test
    void aWindowWithoutLengthIsRejected() {
        fixture().given(registered("100.00"))
                .when(callBack("2025-03-10", NINE, NINE))
                .expectNoEvents()
                .expectException(violates(Rule.CALL_BACK_WINDOW_EMPTY));
    }

    @Test
    void noCallBackOnASettledDebt() {
        fixture().given(registered("100.00"), new DebtSettled(DEBT, date("2025-03-03")))
                .when(callBack("2025-03-10", NINE, NOON))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_CLOSED));
    }

    @Test
    void noCallBackOnAWrittenOffDebt() {
        fixture().given(registered("100.00"), new DebtWrittenOff(DEBT, OWED, "uncollectable", date("2025-03-03")))
                .when(callBack("2025-03-10", NINE, NOON))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_CLOSED));
    }

    @Test
    void noCallBackOnARecalledDebt() {
        fixture().given(registered("100.00"), new DebtRecalled(DEBT, OWED, "paid directly", date("2025-03-03")))
                .when(callBack("2025-03-10", NINE, NOON))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_CLOSED));
    }
}
