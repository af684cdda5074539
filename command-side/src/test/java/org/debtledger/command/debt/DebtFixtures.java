package org.debtledger.command.debt;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.debtledger.audit.AuditMetadata;
import org.debtledger.audit.Channel;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactDirection;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactOutcome;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.interest.InterestPosted;
import org.debtledger.interest.InterestSegment;
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Fixed dates, amounts and events the Debt aggregate's tests are written in. */
final class DebtFixtures {

    static final DebtId DEBT = new DebtId("debt-1");
    /** Due 15 February 2025, handed over for collection on 1 March 2025. */
    static final LocalDate DUE = LocalDate.parse("2025-02-15");
    static final LocalDate REGISTERED = LocalDate.parse("2025-03-01");
    static final CollectionPolicy POLICY = CollectionPolicy.shipped();
    static final MetaData ADVISOR = MetaData.from(Map.of(AuditMetadata.ACTOR_ROLE, AuditMetadata.ADVISOR_ROLE));
    static final MetaData SELF_SERVICE = MetaData.from(Map.of(AuditMetadata.ACTOR_ROLE, "DEBTOR"));

    private DebtFixtures() {
    }

    static AggregateTestFixture<Debt> fixture() {
        AggregateTestFixture<Debt> fixture = new AggregateTestFixture<>(Debt.class);
        fixture.registerInjectableResource(POLICY);
        fixture.registerInjectableResource(new ScannedDebtHistory(fixture.getEventStore()));
        fixture.registerInjectableResource(new ScannedDebtorContacts(fixture.getEventStore()));
        return fixture;
    }

    // ---- the contact log
    static final DebtorId DEBTOR = new DebtorId("d-1001");

    /** The letter charged for by the fee event at {@code feeSequence}: a contact sent on its day. */
    static ContactRecorded letterSent(long feeSequence, String date) {
        return new ContactRecorded(DEBT, DEBTOR, new ContactId("letter-" + feeSequence), ContactDirection.OUTBOUND,
                ContactChannel.LETTER, ContactOutcome.SENT, date(date));
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static DebtRegistered registered(String principal) {
        return registered(principal, DebtType.CONSUMER, false);
    }

    static DebtRegistered registered(String principal, DebtType type, boolean directlyEnforceable) {
        return registered(principal, type, directlyEnforceable, REGISTERED);
    }

    static DebtRegistered registered(String principal, DebtType type, boolean directlyEnforceable,
                                     LocalDate registeredOn) {
        return new DebtRegistered(DEBT, new CreditorId("acme-telecom"), new DebtorId("d-1001"), "INV-2025-0042",
                new InvoicePeriod(date("2025-01-01"), date("2025-01-31")), "Broadband, January 2025", eur(principal),
                DUE, type, Jurisdiction.FI, directlyEnforceable, registeredOn);
    }

    static FeeCharged fee(FeeType type, String amount, String cap, String date) {
        return new FeeCharged(DEBT, type, eur(amount), eur(cap), null, date(date));
    }

    /** Interest on one principal at one rate (basis points) for the days from {@code from} through {@code through}. */
    static InterestPosted interest(String amount, String from, String through, String principal, int rate) {
        int days = (int) (date(through).toEpochDay() - date(from).toEpochDay() + 1);
        return new InterestPosted(DEBT, eur(amount), date(from),
                List.of(new InterestSegment(date(from), date(through), days, eur(principal), rate)), date(through));
    }

    static InterestSegment segment(String from, String through, String principal, int rate) {
        int days = (int) (date(through).toEpochDay() - date(from).toEpochDay() + 1);
        return new InterestSegment(date(from), date(through), days, eur(principal), rate);
    }

    static InterestPosted interestPosted(String amount, String from, String date, InterestSegment... segments) {
        return new InterestPosted(DEBT, eur(amount), date(from), List.of(segments), date(date));
    }

    static PaymentReceived paid(String paymentId, String amount, String date, Allocation allocation,
                                InstalmentPayment... instalments) {
        return new PaymentReceived(DEBT, new PaymentId(paymentId), eur(amount), Channel.BANK_FILE, allocation,
                List.of(instalments), date(date));
    }

    static Allocation allocation(String fees, String interest, String principal, String credit) {
        return new Allocation(eur(fees), eur(interest), eur(principal), eur(credit));
    }

    static Instalment instalment(String dueDate, String amount) {
        return new Instalment(date(dueDate), eur(amount));
    }

    static PaymentPlanAgreed planAgreed(int number, String date, Instalment... instalments) {
        return new PaymentPlanAgreed(DEBT, number, List.of(instalments), Channel.SELF_SERVICE, null, null, true,
                date(date));
    }

    /** The command was refused by exactly this rule. */
    static Matcher<Throwable> violates(Rule rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable throwable) {
                return throwable instanceof RuleViolation violation && violation.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of rule " + rule);
            }
        };
    }
}
