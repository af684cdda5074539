package org.debtledger.command.debt;

import org.debtledger.audit.Channel;
import org.debtledger.debt.CloseBusinessDay;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.Balance;
import org.debtledger.debt.WriteOffDebt;
import org.debtledger.fee.ChargeFee;
import org.debtledger.fee.FeeType;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.RecordPayment;
import org.debtledger.debt.RegisterDebt;
import org.junit.jupiter.api.Test;

import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.allocation;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;
import static org.debtledger.command.debt.DebtFixtures.fixture;
import static org.debtledger.command.debt.DebtFixtures.interest;
import static org.debtledger.command.debt.DebtFixtures.paid;
import static org.debtledger.command.debt.DebtFixtures.registered;
import static org.debtledger.command.debt.DebtFixtures.violates;

class CloseOfBusinessDayTest {

    @Test
    void aClaimIsRegistered() {
        var event = registered("100.00");
        fixture().givenNoPriorActivity()
                .when(new RegisterDebt(DEBT, event.creditorId(), event.debtorId(), event.invoiceReference(),
                        event.invoicePeriod(), event.description(), event.principal(), event.dueDate(),
                        event.debtType(), event.jurisdiction(), false, event.date()))
                .expectEvents(event);
    }

    @Test
    void monthEndPostsLateInterestFromTheDayAfterTheDueDate() {
        // 1000.00 for 16 Feb..31 Mar 2025 (44 days) at 3.5 % + 7 = 10.5 %: 12.6575 -> 12.66.
        fixture().given(registered("1000.00"))
                .when(new CloseBusinessDay(DEBT, date("2025-03-31")))
                .expectEvents(interest("12.66", "2025-02-16", "2025-03-31", "1000.00", 1050));
    }

    @Test
    void closingTheSameDateTwiceChangesNothing() {
        fixture().given(registered("1000.00"), interest("12.66", "2025-02-16", "2025-03-31", "1000.00", 1050))
                .when(new CloseBusinessDay(DEBT, date("2025-03-31")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void noInterestIsPostedMidMonth() {
        fixture().given(registered("1000.00"))
                .when(new CloseBusinessDay(DEBT, date("2025-03-15")))
                .expectNoEvents();
    }

    @Test
    void aMonthWithNoKnownReferenceRateIsRefusedNotGuessed() {
        fixture().given(registered("1000.00"), interest("150.00", "2025-02-16", "2026-06-30", "1000.00", 1050))
                .when(new CloseBusinessDay(DEBT, date("2026-07-31")))
                .expectNoEvents()
                .expectException(violates(Rule.REFERENCE_RATE_UNKNOWN));
    }

    @Test
    void aSettledDebtHasNoMoreDays() {
        fixture().given(registered("100.00"),
                        paid("RF18-1", "100.40", "2025-03-01", allocation("0.00", "0.40", "100.00", "0.00")),
                        new DebtSettled(DEBT, date("2025-03-01")))
                .when(new CloseBusinessDay(DEBT, date("2025-03-31")))
                .expectNoEvents();
    }

    @Test
    void aWrittenOffDebtAcceptsNoFeeAndNoPayment() {
        DebtWrittenOff writtenOff = new DebtWrittenOff(DEBT, new Balance(eur("0.00"), eur("0.00"), eur("100.00")),
                "uncollectable", date("2025-03-02"));
        fixture().given(registered("100.00"), writtenOff)
                .when(new ChargeFee(DEBT, FeeType.DEMAND, null, null, date("2025-03-05")))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_CLOSED));
        fixture().given(registered("100.00"), writtenOff)
                .when(new RecordPayment(DEBT, new PaymentId("RF18-1"), eur("10.00"), date("2025-03-05"),
                        Channel.BANK_FILE))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_CLOSED));
    }

    @Test
    void aWriteOffRecordsWhatWasGivenUp() {
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050))
                .when(new WriteOffDebt(DEBT, "uncollectable", date("2025-03-02")))
                .expectEvents(new DebtWrittenOff(DEBT, new Balance(eur("0.00"), eur("0.40"), eur("100.00")),
                        "uncollectable", date("2025-03-02")));
    }

    @Test
    void nothingIsDatedBeforeTheDebtWasRegistered() {
        fixture().given(registered("100.00"))
                .when(new WriteOffDebt(DEBT, "uncollectable", date("2025-02-28")))
                .expectNoEvents()
                .expectException(violates(Rule.DATE_BEFORE_REGISTRATION));
    }
}
