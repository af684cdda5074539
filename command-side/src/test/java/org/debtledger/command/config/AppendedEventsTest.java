package org.debtledger.command.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.debtledger.audit.Channel;
import org.debtledger.command.CommandSideTest;
import org.debtledger.command.TestDatabase;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.debt.RegisterDebt;
import org.debtledger.money.Money;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.RecordPayment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AppendedEventsTest extends CommandSideTest {

    @Autowired
    CommandGateway commandGateway;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "appended_events");
    }

    @Test
    void aCommandsResultIsWhereItsLastEventLandedOrWhereTheDebtStandsWhenItAppendedNone() {
        DebtId debt = new DebtId(newDebtId());
        Landed registered = commandGateway.sendAndWait(new RegisterDebt(debt, new CreditorId("acme-telecom"),
                new DebtorId("d-1001"), "INV-1", new InvoicePeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)),
                "Broadband", Money.of("100.00", "EUR"), LocalDate.of(2025, 2, 15), DebtType.CONSUMER, Jurisdiction.FI,
                false, LocalDate.of(2025, 3, 1)));
        RecordPayment payment = new RecordPayment(debt, new PaymentId("P-1"), Money.of("20.00", "EUR"),
                LocalDate.of(2025, 3, 10), Channel.BANK_FILE);

        Landed paid = commandGateway.sendAndWait(payment);
        Landed paidAgain = commandGateway.sendAndWait(payment);

        assertThat(registered.sequenceNumber()).isZero();
        assertThat(registered.appended()).isTrue();
        assertThat(paid.sequenceNumber()).as("late interest posted (1), then the payment (2)").isEqualTo(2L);
        assertThat(paid.appended()).isTrue();
        assertThat(paid.position()).isEqualTo(jdbc.sql("SELECT globalindex FROM domainevententry"
                + " WHERE aggregateidentifier = :id AND sequencenumber = 2").param("id", debt.value())
                .query(Long.class).single());
        assertThat(paidAgain).as("the same payment again appends nothing: the debt stands where it did")
                .isEqualTo(new Landed(2, paid.position(), false));
        assertThat(eventCount(debt.value())).isEqualTo(3);
    }
}
