package org.debtledger.command.debt;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.debtledger.audit.Channel;
import org.debtledger.command.CommandSideTest;
import org.debtledger.command.TestDatabase;
import org.debtledger.command.config.Landed;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.debt.RegisterDebt;
import org.debtledger.money.Money;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.payment.RecordPayment;
import org.debtledger.payment.ReversePayment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The debt keeps no record of each payment, not even in its snapshot: a repeated payment id and a reversal find the
 * payment in the real event store. Here the payment was recorded long before the snapshot the debt is loaded from
 * (the ledger snapshots these tests' debts every 5 events).
 */
class PaymentsAfterASnapshotTest extends CommandSideTest {

    private static final PaymentId FIRST = new PaymentId("RF18-1");

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    EventStore eventStore;

    private DebtId debt;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "payments_after_a_snapshot");
    }

    @BeforeEach
    void aDebtPaidTwelveTimesAndSnapshotted() {
        debt = new DebtId(newDebtId());
        commandGateway.sendAndWait(new RegisterDebt(debt, new CreditorId("acme-telecom"), new DebtorId("d-1001"),
                "INV-1", new InvoicePeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)), "Broadband",
                Money.of("100.00", "EUR"), LocalDate.of(2025, 2, 15), DebtType.CONSUMER, Jurisdiction.FI, false,
                LocalDate.of(2025, 3, 1)));
        commandGateway.sendAndWait(payment(FIRST, "20.00"));
        for (int i = 2; i <= 12; i++) {
            commandGateway.sendAndWait(payment(new PaymentId("RF18-" + i), "1.00"));
        }
        long snapshotAt = jdbc.sql("SELECT max(sequencenumber) FROM snapshotevententry WHERE aggregateidentifier = :id")
                .param("id", debt.value()).query(Long.class).single();
        assertThat(snapshotAt).as("the debt is loaded from a snapshot taken after its first payment")
                .isGreaterThan(received(FIRST).getSequenceNumber());
    }

    @Test
    void aPaymentIdReusedWithAnotherAmountIsRefused() {
        assertThatThrownBy(() -> commandGateway.sendAndWait(payment(FIRST, "20.01")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.PAYMENT_ID_REUSED_WITH_DIFFERENT_AMOUNT));
        assertThat(eventCount(debt.value())).isEqualTo(14);
    }

    @Test
    void theSamePaymentRecordedAgainChangesNothing() {
        Landed landed = commandGateway.sendAndWait(payment(FIRST, "20.00"));

        assertThat(landed.appended()).as("no event appended").isFalse();
        assertThat(landed.sequenceNumber()).as("the debt stands where it did").isEqualTo(13);
        assertThat(eventCount(debt.value())).isEqualTo(14);
    }

    @Test
    void aPaymentRecordedBeforeTheSnapshotIsReversedExactlyAndOnlyOnce() {
        PaymentReceived paid = (PaymentReceived) received(FIRST).getPayload();

        commandGateway.sendAndWait(new ReversePayment(debt, FIRST, "returned by the bank", LocalDate.of(2025, 3, 20)));

        PaymentReversed reversed = events().stream().map(DomainEventMessage::getPayload)
                .filter(PaymentReversed.class::isInstance).map(PaymentReversed.class::cast).findFirst().orElseThrow();
        assertThat(reversed.amount()).isEqualTo(paid.amount());
        assertThat(reversed.restored()).isEqualTo(paid.allocation());
        assertThat(reversed.instalments()).isEqualTo(paid.instalments());
        assertThatThrownBy(() -> commandGateway.sendAndWait(
                new ReversePayment(debt, FIRST, "returned again", LocalDate.of(2025, 3, 21))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.PAYMENT_ALREADY_REVERSED));
    }

    @Test
    void aPaymentTheDebtNeverReceivedCannotBeReversed() {
        assertThatThrownBy(() -> commandGateway.sendAndWait(
                new ReversePayment(debt, new PaymentId("RF18-99"), "returned", LocalDate.of(2025, 3, 20))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.PAYMENT_UNKNOWN));
    }

    private RecordPayment payment(PaymentId id, String amount) {
        return new RecordPayment(debt, id, Money.of(amount, "EUR"), LocalDate.of(2025, 3, 10), Channel.BANK_FILE);
    }

    private List<? extends DomainEventMessage<?>> events() {
        return eventStore.readEvents(debt.value(), 0).asStream().toList();
    }

    private DomainEventMessage<?> received(PaymentId id) {
        return events().stream()
                .filter(event -> event.getPayload() instanceof PaymentReceived payment && payment.paymentId().equals(id))
                .findFirst().orElseThrow();
    }
}
