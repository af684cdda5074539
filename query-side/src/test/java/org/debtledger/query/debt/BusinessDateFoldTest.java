package org.debtledger.query.debt;

import org.debtledger.audit.Channel;
import org.debtledger.debt.Balance;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtStatus;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.interest.InterestPosted;
import org.debtledger.interest.LateInterest;
import org.debtledger.interest.ReferenceRates;
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 3,650.00 due 10 January 2025; close of business on 31 March posts 84.00 of interest; on 2 April 1,000.00
 * value-dated 15 March arrives, restating the balance just before it.
 */
class BusinessDateFoldTest {

    private static final DebtId DEBT = new DebtId("debt-1");
    private static final LateInterest LATE_INTEREST = new LateInterest(ReferenceRates.finland());

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static final DebtRegistered REGISTERED = new DebtRegistered(DEBT, new CreditorId("acme-telecom"),
            new DebtorId("d-1001"), "INV-1", new InvoicePeriod(date("2024-12-01"), date("2024-12-31")), "Broadband",
            eur("3650.00"), date("2025-01-10"), DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-01-20"));
    private static final InterestPosted MONTH_END = new InterestPosted(DEBT, eur("84.00"), date("2025-01-11"),
            List.of(), date("2025-03-31"));
    private static final BalanceRestated RESTATED = new BalanceRestated(DEBT, new PaymentId("RF-1"), eur("0.00"),
            eur("-4.29"), eur("0.00"), eur("0.00"), date("2025-03-15"));
    private static final PaymentReceived BACK_VALUED = new PaymentReceived(DEBT, new PaymentId("RF-1"),
            eur("1000.00"), Channel.BANK_FILE, new Allocation(eur("0.00"), eur("67.20"), eur("932.80"), eur("0.00")),
            List.of(), date("2025-03-15"));

    /** The events as recorded, one a day from 1 April 2025 at noon. */
    private static List<HistoryReplay.Recorded> recorded(DebtEvent... events) {
        List<HistoryReplay.Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            recorded.add(new HistoryReplay.Recorded(events[i], i, 100 + i,
                    Instant.parse("2025-04-01T12:00:00Z").plusSeconds(86_400L * i)));
        }
        return recorded;
    }

    private static BusinessDateFold.State at(String businessDate, DebtEvent... events) {
        return BusinessDateFold.at(recorded(events), date(businessDate), LATE_INTEREST);
    }

    @Test
    void theMonthEndKnownNowOwesWhatTheBackValuedPaymentLeftInValueDateOrder() {
        BusinessDateFold.State state = at("2025-03-31", REGISTERED, MONTH_END, RESTATED, BACK_VALUED);

        // the payment pays 67.20 of interest and 932.80 of principal; 16 days on 2,717.20 add 12.51
        assertThat(state.state().outstanding()).isEqualTo(new DebtView.Outstanding(eur("2717.20"), eur("0.00"),
                eur("12.51"), eur("2729.71")));
        assertThat(state.state().paid()).isEqualTo(eur("1000.00"));
        assertThat(state.state().interestAccruedThrough()).isEqualTo(date("2025-03-31"));
        assertThat(state.interestAccruedNotPosted()).isEqualTo(eur("0.00"));
        assertThat(state.facts()).extracting(BusinessDateFold.UsedFact::type).containsExactly("Posted", "Paid");
        assertThat(state.events()).extracting(HistoryReplay.UsedEvent::type)
                .containsExactly("DebtRegistered", "InterestPosted", "BalanceRestated", "PaymentReceived");
    }

    @Test
    void theMonthEndKnownBeforeThePaymentOwesTheInterestPostedOnTheWholePrincipal() {
        BusinessDateFold.State state = at("2025-03-31", REGISTERED, MONTH_END);

        assertThat(state.state().outstanding().total()).isEqualTo(eur("3734.00"));
        assertThat(state.state().outstanding().interest()).isEqualTo(eur("84.00"));
    }

    @Test
    void midMonthThePaymentHasPaidTheInterestToItsValueDateAndTheDaysSinceAreAccruedNotPosted() {
        BusinessDateFold.State state = at("2025-03-20", REGISTERED, MONTH_END, RESTATED, BACK_VALUED);

        assertThat(state.state().outstanding()).isEqualTo(new DebtView.Outstanding(eur("2717.20"), eur("0.00"),
                eur("0.00"), eur("2717.20")));
        assertThat(state.state().interestAccruedThrough()).isEqualTo(date("2025-03-15"));
        // 16 to 20 March, 5 days at 10.5 % on 2,717.20
        assertThat(state.interestAccruedNotPosted()).isEqualTo(eur("3.91"));
        assertThat(state.facts()).extracting(BusinessDateFold.UsedFact::type).containsExactly("Paid");
        assertThat(state.events()).extracting(HistoryReplay.UsedEvent::type)
                .containsExactly("DebtRegistered", "BalanceRestated", "PaymentReceived");
        // why the money is not the fold of these events: the restatement takes back interest posted on 31 March
        DebtView folded = null;
        for (HistoryReplay.Recorded event : recorded(REGISTERED, RESTATED, BACK_VALUED)) {
            folded = DebtViewFold.apply(folded, event.event(), event.sequenceNumber(), event.position());
        }
        assertThat(folded.outstanding().interest()).isEqualTo(eur("-71.49"));
    }

    @Test
    void beforeItsRegistrationTheDebtHasNoState() {
        BusinessDateFold.State state = at("2025-01-19", REGISTERED, MONTH_END);

        assertThat(state.state()).isNull();
        assertThat(state.events()).isEmpty();
    }

    @Test
    void aPaymentValueDatedBeforeThePlanItPaidLeavesThePlanOutOfTheEarlierDate() {
        PaymentPlanAgreed plan = new PaymentPlanAgreed(DEBT, 1, List.of(new Instalment(date("2025-05-01"),
                eur("3734.00"))), Channel.SELF_SERVICE, null, null, false, date("2025-04-01"));
        PaymentReceived paid = new PaymentReceived(DEBT, new PaymentId("RF-1"), eur("1000.00"), Channel.BANK_FILE,
                new Allocation(eur("0.00"), eur("67.20"), eur("932.80"), eur("0.00")),
                List.of(new InstalmentPayment(1, eur("1000.00"))), date("2025-03-15"));

        BusinessDateFold.State state = at("2025-03-20", REGISTERED, MONTH_END, plan, RESTATED, paid);

        assertThat(state.state().plan()).isNull();
        assertThat(state.state().paid()).isEqualTo(eur("1000.00"));
        assertThat(at("2025-04-02", REGISTERED, MONTH_END, plan, RESTATED, paid).state().plan().instalments())
                .extracting(DebtView.Instalment::paid).containsExactly(eur("1000.00"));
    }

    @Test
    void aWrittenOffDebtOwesNothingFromTheDateOfTheWriteOff() {
        DebtWrittenOff writtenOff = new DebtWrittenOff(DEBT, new Balance(eur("0.00"), eur("84.00"), eur("3650.00")),
                "uncollectable", date("2025-04-10"));

        assertThat(at("2025-04-09", REGISTERED, MONTH_END, writtenOff).state().outstanding().total())
                .isEqualTo(eur("3734.00"));
        BusinessDateFold.State state = at("2025-04-10", REGISTERED, MONTH_END, writtenOff);
        assertThat(state.state().status()).isEqualTo(DebtStatus.WRITTEN_OFF);
        assertThat(state.state().outstanding().total()).isEqualTo(eur("0.00"));
        assertThat(state.interestAccruedNotPosted()).isEqualTo(eur("0.00"));
    }
}
