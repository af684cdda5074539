package org.debtledger.command.debt;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.debtledger.audit.Channel;
import org.debtledger.command.payment.RecordedPayment;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtType;
import org.debtledger.fee.FeeType;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.payment.RecordPayment;
import org.debtledger.payment.RefundCredit;
import org.debtledger.payment.ReversePayment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.POLICY;
import static org.debtledger.command.debt.DebtFixtures.allocation;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;
import static org.debtledger.command.debt.DebtFixtures.fee;
import static org.debtledger.command.debt.DebtFixtures.fixture;
import static org.debtledger.command.debt.DebtFixtures.interest;
import static org.debtledger.command.debt.DebtFixtures.paid;
import static org.debtledger.command.debt.DebtFixtures.registered;
import static org.debtledger.command.debt.DebtFixtures.violates;

class PaymentRulesTest {

    private static RecordPayment pay(String paymentId, String amount, String valueDate) {
        return new RecordPayment(DEBT, new PaymentId(paymentId), eur(amount), date(valueDate), Channel.BANK_FILE);
    }

    @Test
    void aPaymentPaysFeesThenInterestThenPrincipal() {
        // Interest on 100.00 for 16 Feb..10 Mar 2025 (23 days) at 10.5 %: 0.66, posted before the payment.
        fixture().given(registered("100.00"), fee(FeeType.DEMAND, "14.00", "14.00", "2025-03-05"))
                .when(pay("RF18-1", "20.00", "2025-03-10"))
                .expectEvents(interest("0.66", "2025-02-16", "2025-03-10", "100.00", 1050),
                        paid("RF18-1", "20.00", "2025-03-10", allocation("14.00", "0.66", "5.34", "0.00")));
    }

    @Test
    void aPaymentBeyondTheBalanceSettlesTheDebtAndTheRestIsCreditOwedBack() {
        fixture().given(registered("100.00"))
                .when(pay("RF18-1", "150.00", "2025-03-01"))
                .expectEvents(interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        paid("RF18-1", "150.00", "2025-03-01", allocation("0.00", "0.40", "100.00", "49.60")),
                        new DebtSettled(DEBT, date("2025-03-01")));
    }

    @Test
    void theSamePaymentRecordedTwiceIsAppliedOnce() {
        fixture().given(registered("100.00"), interest("0.66", "2025-02-16", "2025-03-10", "100.00", 1050),
                        paid("RF18-1", "20.00", "2025-03-10", allocation("0.00", "0.66", "19.34", "0.00")))
                .when(pay("RF18-1", "20.00", "2025-03-10"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDebtsFirstPaymentIsDecidedWithoutLookingItsIdUp() {
        AggregateTestFixture<Debt> fixture = new AggregateTestFixture<>(Debt.class);
        DebtHistory scanned = new ScannedDebtHistory(fixture.getEventStore());
        fixture.registerInjectableResource(POLICY);
        fixture.registerInjectableResource(new DebtHistory() {
            @Override
            public Optional<RecordedPayment> payment(DebtId debtId, PaymentId paymentId, long throughSequence) {
                throw new AssertionError("a debt that has received no payment has none to look up");
            }

            @Override
            public Optional<ContactRecorded> contact(DebtId debtId, ContactId contactId, long throughSequence) {
                return scanned.contact(debtId, contactId, throughSequence);
            }

            @Override
            public List<DebtEvent> events(DebtId debtId, long throughSequence) {
                return scanned.events(debtId, throughSequence);
            }
        });
        fixture.given(registered("100.00"), fee(FeeType.DEMAND, "14.00", "14.00", "2025-03-05"))
                .when(pay("RF18-1", "20.00", "2025-03-10"))
                .expectEvents(interest("0.66", "2025-02-16", "2025-03-10", "100.00", 1050),
                        paid("RF18-1", "20.00", "2025-03-10", allocation("14.00", "0.66", "5.34", "0.00")));
    }

    @Test
    void theSamePaymentIdWithADifferentAmountIsRejected() {
        fixture().given(registered("100.00"),
                        paid("RF18-1", "20.00", "2025-03-10", allocation("0.00", "0.66", "19.34", "0.00")))
                .when(pay("RF18-1", "21.00", "2025-03-10"))
                .expectNoEvents()
                .expectException(violates(Rule.PAYMENT_ID_REUSED_WITH_DIFFERENT_AMOUNT));
    }

    @Test
    void aZeroPaymentIsRejected() {
        fixture().given(registered("100.00"))
                .when(pay("RF18-1", "0.00", "2025-03-10"))
                .expectNoEvents()
                .expectException(violates(Rule.AMOUNT_NOT_POSITIVE));
    }

    @Test
    void paymentsAreAcceptedWhileABreathingSpaceFreezesInterest() {
        // Interest runs 16..28 Feb only (13 days: 0.37); the breathing space from 1 Mar freezes the rest.
        fixture().given(registered("100.00"), new CollectionPaused(DEBT, PauseReason.BREATHING_SPACE,
                        date("2025-04-30"), Set.of(Freeze.INTEREST, Freeze.FEES, Freeze.CONTACT), date("2025-03-01")))
                .when(pay("RF18-1", "10.00", "2025-03-20"))
                .expectEvents(DebtFixtures.interestPosted("0.37", "2025-02-16", "2025-03-20",
                                DebtFixtures.segment("2025-02-16", "2025-02-28", "100.00", 1050)),
                        paid("RF18-1", "10.00", "2025-03-20", allocation("0.00", "0.37", "9.63", "0.00")));
    }

    @Test
    void aReversalRestoresWhatThePaymentPaidAndReopensTheDebt() {
        fixture().given(registered("100.00"), interest("0.40", "2025-02-16", "2025-03-01", "100.00", 1050),
                        paid("RF18-1", "150.00", "2025-03-01", allocation("0.00", "0.40", "100.00", "49.60")),
                        new DebtSettled(DEBT, date("2025-03-01")))
                .when(new ReversePayment(DEBT, new PaymentId("RF18-1"), "returned by the bank", date("2025-03-03")))
                .expectEvents(new PaymentReversed(DEBT, new PaymentId("RF18-1"), eur("150.00"),
                        allocation("0.00", "0.40", "100.00", "49.60"), List.of(), "returned by the bank",
                        date("2025-03-03")));
    }

    @Test
    void aReversedPaymentsPrincipalEarnsTheInterestItHadStopped() {
        // 1000.00 paid down to 506.62 on 10 Mar; month-end interest for 11..31 Mar was on 506.62 (3.06).
        // Reversed, the 493.38 it paid earns its 21 days too (2.98): together the 6.04 that 1000.00 earns.
        fixture().given(registered("1000.00"), interest("6.62", "2025-02-16", "2025-03-10", "1000.00", 1050),
                        paid("RF18-1", "500.00", "2025-03-10", allocation("0.00", "6.62", "493.38", "0.00")),
                        interest("3.06", "2025-03-11", "2025-03-31", "506.62", 1050))
                .when(new ReversePayment(DEBT, new PaymentId("RF18-1"), "returned by the bank", date("2025-04-02")))
                .expectEvents(new PaymentReversed(DEBT, new PaymentId("RF18-1"), eur("500.00"),
                                allocation("0.00", "6.62", "493.38", "0.00"), List.of(), "returned by the bank",
                                date("2025-04-02")),
                        interest("2.98", "2025-03-11", "2025-03-31", "493.38", 1050));
    }

    @Test
    void aPaymentCannotBeReversedTwice() {
        fixture().given(registered("100.00"),
                        paid("RF18-1", "20.00", "2025-03-01", allocation("0.00", "0.40", "19.60", "0.00")),
                        new PaymentReversed(DEBT, new PaymentId("RF18-1"), eur("20.00"),
                                allocation("0.00", "0.40", "19.60", "0.00"), List.of(), "returned", date("2025-03-03")))
                .when(new ReversePayment(DEBT, new PaymentId("RF18-1"), "returned", date("2025-03-04")))
                .expectNoEvents()
                .expectException(violates(Rule.PAYMENT_ALREADY_REVERSED));
    }

    @Test
    void anUnknownPaymentCannotBeReversed() {
        fixture().given(registered("100.00"))
                .when(new ReversePayment(DEBT, new PaymentId("RF18-9"), "returned", date("2025-03-04")))
                .expectNoEvents()
                .expectException(violates(Rule.PAYMENT_UNKNOWN));
    }

    @Test
    void creditOwedBackIsRefundedAndNoMore() {
        fixture().given(registered("100.00"),
                        paid("RF18-1", "150.00", "2025-03-01", allocation("0.00", "0.40", "100.00", "49.60")),
                        new DebtSettled(DEBT, date("2025-03-01")))
                .when(new RefundCredit(DEBT, eur("49.60"), "refund-1", date("2025-03-05")))
                .expectEvents(new CreditRefunded(DEBT, eur("49.60"), "refund-1", date("2025-03-05")));
        fixture().given(registered("100.00"),
                        paid("RF18-1", "150.00", "2025-03-01", allocation("0.00", "0.40", "100.00", "49.60")),
                        new DebtSettled(DEBT, date("2025-03-01")))
                .when(new RefundCredit(DEBT, eur("49.61"), "refund-1", date("2025-03-05")))
                .expectNoEvents()
                .expectException(violates(Rule.REFUND_EXCEEDS_CREDIT));
    }

    @Test
    void aPaymentWhoseCreditWasRefundedCannotBeReversed() {
        fixture().given(registered("100.00"),
                        paid("RF18-1", "150.00", "2025-03-01", allocation("0.00", "0.40", "100.00", "49.60")),
                        new DebtSettled(DEBT, date("2025-03-01")),
                        new CreditRefunded(DEBT, eur("49.60"), "refund-1", date("2025-03-05")))
                .when(new ReversePayment(DEBT, new PaymentId("RF18-1"), "returned", date("2025-03-06")))
                .expectNoEvents()
                .expectException(violates(Rule.CREDIT_ALREADY_REFUNDED));
    }

    @Test
    void aBusinessDebtEarnsTheReferenceRatePlusEightPoints() {
        fixture().given(registered("500.00", DebtType.BUSINESS, false))
                .when(pay("RF18-1", "10.00", "2025-03-31"))
                .expectEvents(interest("6.93", "2025-02-16", "2025-03-31", "500.00", 1150),
                        paid("RF18-1", "10.00", "2025-03-31", allocation("0.00", "6.93", "3.07", "0.00")));
    }

    @Test
    void refundsAndReversalsAreNotDatedBeforeTheDebtWasRegistered() {
        fixture().given(registered("100.00"),
                        paid("RF18-1", "150.00", "2025-03-01", allocation("0.00", "0.40", "100.00", "49.60")),
                        new DebtSettled(DEBT, date("2025-03-01")))
                .when(new RefundCredit(DEBT, eur("49.60"), "refund-1", date("2025-02-28")))
                .expectNoEvents()
                .expectException(violates(Rule.DATE_BEFORE_REGISTRATION));
        fixture().given(registered("100.00"),
                        paid("RF18-1", "150.00", "2025-03-01", allocation("0.00", "0.40", "100.00", "49.60")),
                        new DebtSettled(DEBT, date("2025-03-01")))
                .when(new ReversePayment(DEBT, new PaymentId("RF18-1"), "returned", date("2025-02-28")))
                .expectNoEvents()
                .expectException(violates(Rule.DATE_BEFORE_REGISTRATION));
    }
}
