package org.debtledger.command.debt;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.debtledger.audit.Channel;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.debt.RegisterDebt;
import org.debtledger.fee.ChargeFee;
import org.debtledger.fee.FeeType;
import org.debtledger.interest.InterestPosted;
import org.debtledger.money.Money;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.RecordPayment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;

/**
 * Any sequence of payments, bank files read twice included: each payment is applied once, and every cent of
 * every payment lands in exactly one component of the balance or in credit.
 */
class PaymentReplayTest {

    @Provide
    Arbitrary<List<RecordPayment>> paymentsWithRepeats() {
        Arbitrary<RecordPayment> payment = Combinators.combine(
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.longs().between(1, 5_000),
                        Arbitraries.integers().between(0, 60))
                .as((id, cents, day) -> new RecordPayment(DEBT, new PaymentId("RF-" + id),
                        Money.ofMinor(cents + id, "EUR"), date("2025-03-10").plusDays(day), Channel.BANK_FILE));
        return payment.list().ofMinSize(1).ofMaxSize(30).map(PaymentReplayTest::repeatsKeepTheirAmount);
    }

    private static List<RecordPayment> distinctPayments(List<RecordPayment> payments) {
        Map<PaymentId, RecordPayment> distinct = new LinkedHashMap<>();
        payments.forEach(payment -> distinct.putIfAbsent(payment.paymentId(), payment));
        return List.copyOf(distinct.values());
    }

    /** The credit the commands leave, each payment allocated as it arrives. */
    private static Money creditAfter(List<Object> commands) {
        AggregateTestFixture<Debt> fixture = DebtFixtures.fixture();
        fixture.givenCommands(commands);
        return fixture.getEventStore().readEvents(DEBT.value()).asStream().map(EventMessage::getPayload)
                .filter(PaymentReceived.class::isInstance).map(event -> ((PaymentReceived) event).allocation().credit())
                .reduce(eur("0.00"), Money::plus);
    }

    /** A repeated payment id carries the same amount and value date as its first appearance, as a bank file would. */
    private static List<RecordPayment> repeatsKeepTheirAmount(List<RecordPayment> payments) {
        Map<PaymentId, RecordPayment> first = new LinkedHashMap<>();
        List<RecordPayment> result = new ArrayList<>();
        for (RecordPayment payment : payments) {
            result.add(first.computeIfAbsent(payment.paymentId(), id -> payment));
        }
        return result;
    }

    @Property(tries = 100)
    void eachPaymentIsAppliedOnceAndNoCentIsCreatedOrLost(
            @ForAll("paymentsWithRepeats") List<RecordPayment> payments, @ForAll boolean withFee) {
        AggregateTestFixture<Debt> fixture = DebtFixtures.fixture();
        List<Object> commands = new ArrayList<>();
        commands.add(new RegisterDebt(DEBT, new CreditorId("acme-telecom"), new DebtorId("d-1001"), "INV-1",
                new InvoicePeriod(date("2025-01-01"), date("2025-01-31")), "Broadband", eur("1000.00"),
                date("2025-02-15"), DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-03-01")));
        if (withFee) {
            commands.add(new ChargeFee(DEBT, FeeType.DEMAND, null, null, date("2025-03-05")));
        }
        commands.addAll(payments);
        // One payment beyond whatever is left settles the debt and leaves credit; the whole file read again
        // after that changes nothing.
        RecordPayment overpayment = new RecordPayment(DEBT, new PaymentId("RF-last"), eur("2000.00"),
                date("2025-05-15"), Channel.BANK_FILE);
        commands.add(overpayment);
        commands.addAll(payments);
        commands.add(overpayment);
        fixture.givenCommands(commands);

        List<Object> events = fixture.getEventStore().readEvents(DEBT.value()).asStream()
                .map(EventMessage::getPayload).map(Object.class::cast).toList();
        List<PaymentReceived> received = events.stream().filter(PaymentReceived.class::isInstance)
                .map(PaymentReceived.class::cast).toList();

        Map<PaymentId, Money> distinct = new LinkedHashMap<>();
        payments.forEach(payment -> distinct.putIfAbsent(payment.paymentId(), payment.amount()));
        distinct.put(overpayment.paymentId(), overpayment.amount());
        assertThat(received).extracting(PaymentReceived::paymentId).containsExactlyElementsOf(distinct.keySet());
        for (PaymentReceived payment : received) {
            assertThat(payment.allocation().total()).isEqualTo(payment.amount());
            assertThat(payment.amount()).isEqualTo(distinct.get(payment.paymentId()));
        }

        // a payment that came in before others of a later value date restated the balance: what each part was
        // paid is what the allocations paid less what the restatements put back
        List<BalanceRestated> restated = events.stream().filter(BalanceRestated.class::isInstance)
                .map(BalanceRestated.class::cast).toList();
        Money principalPaid = received.stream().map(p -> p.allocation().principal()).reduce(eur("0.00"), Money::plus)
                .minus(restated.stream().map(BalanceRestated::principal).reduce(eur("0.00"), Money::plus));
        Money feesPaid = received.stream().map(p -> p.allocation().fees()).reduce(eur("0.00"), Money::plus)
                .minus(restated.stream().map(BalanceRestated::fees).reduce(eur("0.00"), Money::plus));
        Money interestOwed = events.stream().filter(InterestPosted.class::isInstance)
                .map(event -> ((InterestPosted) event).amount()).reduce(eur("0.00"), Money::plus)
                .plus(restated.stream().map(BalanceRestated::interest).reduce(eur("0.00"), Money::plus))
                .minus(received.stream().map(p -> p.allocation().interest()).reduce(eur("0.00"), Money::plus));
        Money credit = received.stream().map(p -> p.allocation().credit()).reduce(eur("0.00"), Money::plus)
                .plus(restated.stream().map(BalanceRestated::credit).reduce(eur("0.00"), Money::plus));
        // Everything owed was paid exactly once; the rest is credit, as much as the same payments leave in the
        // order of their value dates.
        assertThat(principalPaid).isEqualTo(eur("1000.00"));
        assertThat(feesPaid).isEqualTo(withFee ? eur("24.00") : eur("0.00"));
        assertThat(interestOwed).isEqualTo(eur("0.00"));
        List<Object> inValueDateOrder = new ArrayList<>(commands.subList(0, withFee ? 2 : 1));
        distinctPayments(payments).stream().sorted(Comparator.comparing(RecordPayment::valueDate))
                .forEach(inValueDateOrder::add);
        inValueDateOrder.add(overpayment);
        assertThat(credit).isEqualTo(creditAfter(inValueDateOrder));
        assertThat(events).last().isInstanceOf(DebtSettled.class);
    }
}
