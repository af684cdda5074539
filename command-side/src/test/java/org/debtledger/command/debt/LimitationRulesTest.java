package org.debtledger.command.debt;

import org.debtledger.audit.Channel;
import org.debtledger.debt.CloseBusinessDay;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.fee.ChargeFee;
import org.debtledger.fee.FeeType;
import org.debtledger.interest.InterestPosted;
import org.debtledger.limitation.DebtTimeBarred;
import org.debtledger.limitation.LimitationApproaching;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.RecordPayment;
import org.debtledger.plan.AgreePaymentPlan;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.PaymentPlanBroken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.allocation;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;
import static org.debtledger.command.debt.DebtFixtures.fee;
import static org.debtledger.command.debt.DebtFixtures.fixture;
import static org.debtledger.command.debt.DebtFixtures.instalment;
import static org.debtledger.command.debt.DebtFixtures.interest;
import static org.debtledger.command.debt.DebtFixtures.paid;
import static org.debtledger.command.debt.DebtFixtures.planAgreed;
import static org.debtledger.command.debt.DebtFixtures.registered;
import static org.debtledger.command.debt.DebtFixtures.violates;

/**
 * A consumer claim is time-barred three years after it fell due unless a payment, a plan or a demand restarted
 * it, and never later than fifteen years after it fell due. Close of business announces the date 90 days ahead
 * and records the bar the day after it; a time-barred claim takes no fee, no plan and no interest, but a payment.
 * The debt of the fixtures fell due on 15 February 2025.
 */
class LimitationRulesTest {

    private static CloseBusinessDay close(String date) {
        return new CloseBusinessDay(DEBT, date(date));
    }

    private static DebtRegistered registeredDue(String dueDate, String registeredOn) {
        return new DebtRegistered(DEBT, new CreditorId("acme-telecom"), new DebtorId("d-1001"), "INV-1",
                new InvoicePeriod(date("2019-12-01"), date("2019-12-31")), "Broadband", eur("100.00"), date(dueDate),
                DebtType.CONSUMER, Jurisdiction.FI, false, date(registeredOn));
    }

    @Test
    void aClaimIsTimeBarredTheDayAfterThreeYearsFromItsDueDate() {
        fixture().given(registered("100.00"))
                .when(close("2028-02-15"))
                .expectEvents(new LimitationApproaching(DEBT, date("2028-02-15"), date("2028-02-15")));
        fixture().given(registered("100.00"), new LimitationApproaching(DEBT, date("2028-02-15"), date("2027-11-17")))
                .when(close("2028-02-16"))
                .expectEvents(new DebtTimeBarred(DEBT, date("2028-02-15"), date("2028-02-16")));
    }

    @Test
    void theLimitationDateIsAnnouncedOnceNinetyDaysAhead() {
        fixture().given(registered("100.00"))
                .when(close("2027-11-16"))
                .expectNoEvents();
        fixture().given(registered("100.00"))
                .when(close("2027-11-17"))
                .expectEvents(new LimitationApproaching(DEBT, date("2028-02-15"), date("2027-11-17")));
        fixture().given(registered("100.00"), new LimitationApproaching(DEBT, date("2028-02-15"), date("2027-11-17")))
                .when(close("2027-11-18"))
                .expectNoEvents();
    }

    @Test
    void aPaymentAPlanOrADemandRestartsLimitation() {
        fixture().given(registered("100.00"), paid("RF-1", "10.00", "2026-06-01", allocation("0.00", "5.00", "5.00", "0.00")))
                .when(close("2028-02-16"))
                .expectNoEvents();
        fixture().given(registered("100.00"), planAgreed(1, "2026-06-01", instalment("2026-07-01", "100.00")),
                        new InstalmentMissed(DEBT, 1, 1, date("2026-07-01"), eur("100.00"), date("2026-07-08")),
                        new PaymentPlanBroken(DEBT, 1, 1, date("2026-07-08")))
                .when(close("2029-06-02"))
                .expectEvents(new DebtTimeBarred(DEBT, date("2029-06-01"), date("2029-06-02")));
        fixture().given(registered("100.00"), fee(FeeType.DEMAND, "14.00", "14.00", "2025-03-05"))
                .when(close("2028-03-05"))
                .expectEvents(new LimitationApproaching(DEBT, date("2028-03-05"), date("2028-03-05")));
        fixture().given(registered("100.00"), fee(FeeType.REMINDER, "5.00", "5.00", "2025-03-05"))
                .when(close("2028-02-16"))
                .expectEvents(new DebtTimeBarred(DEBT, date("2028-02-15"), date("2028-02-16")));
    }

    @Test
    void noRestartCarriesLimitationPastFifteenYearsFromTheDueDate() {
        fixture().given(registered("100.00"), paid("RF-1", "10.00", "2039-06-01", allocation("0.00", "5.00", "5.00", "0.00")))
                .when(close("2040-02-16"))
                .expectEvents(new DebtTimeBarred(DEBT, date("2040-02-15"), date("2040-02-16")));
    }

    @Test
    void aClaimDueOnALeapDayIsTimeBarredAfterTheTwentyEighthOfFebruary() {
        // interest posted through the month end, so that close of business has none to post (no rate is known yet)
        fixture().given(registeredDue("2024-02-29", "2025-03-01"), throughFebruary2027())
                .when(close("2027-02-28"))
                .expectEvents(new LimitationApproaching(DEBT, date("2027-02-28"), date("2027-02-28")));
        fixture().given(registeredDue("2024-02-29", "2025-03-01"), throughFebruary2027(),
                        new LimitationApproaching(DEBT, date("2027-02-28"), date("2027-02-28")))
                .when(close("2027-03-01"))
                .expectEvents(new DebtTimeBarred(DEBT, date("2027-02-28"), date("2027-03-01")));
    }

    private static InterestPosted throughFebruary2027() {
        return interest("30.00", "2024-03-01", "2027-02-28", "100.00", 1050);
    }

    @Test
    void aClaimPastItsLimitationDateTakesNoFeeOrPlanEvenBeforeCloseOfBusinessRecordsTheBar() {
        fixture().given(registeredDue("2020-01-10", "2025-03-01"))
                .when(new ChargeFee(DEBT, FeeType.REMINDER, null, null, date("2025-03-05")))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_TIME_BARRED));
        fixture().given(registeredDue("2020-01-10", "2025-03-01"))
                .when(new AgreePaymentPlan(DEBT, List.of(instalment("2025-04-01", "100.00")), Channel.ADVISOR_PHONE,
                        null, null, date("2025-03-05")))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_TIME_BARRED));
    }

    @Test
    void aTimeBarredClaimEarnsNoInterestAfterItsLimitationDateButTakesAPayment() {
        // interest was posted through the limitation date; none runs after it, and the payment does not restart it
        fixture().given(registered("100.00"), interest("31.50", "2025-02-16", "2028-02-15", "100.00", 1050),
                        new DebtTimeBarred(DEBT, date("2028-02-15"), date("2028-02-16")))
                .when(new RecordPayment(DEBT, new PaymentId("RF-9"), eur("20.00"), date("2028-06-30"), Channel.BANK_FILE))
                .expectEvents(paid("RF-9", "20.00", "2028-06-30", allocation("0.00", "20.00", "0.00", "0.00")));
        fixture().given(registered("100.00"), new DebtTimeBarred(DEBT, date("2028-02-15"), date("2028-02-16")),
                        paid("RF-9", "20.00", "2028-06-30", allocation("0.00", "20.00", "0.00", "0.00")))
                .when(new ChargeFee(DEBT, FeeType.DEMAND, null, null, date("2028-07-01")))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_TIME_BARRED));
    }
}
