package org.debtledger.query.remittance;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.debtledger.audit.Channel;
import org.debtledger.creditor.CreditorContractAgreed;
import org.debtledger.creditor.CreditorEvent;
import org.debtledger.creditor.CreditorRegistered;
import org.debtledger.creditor.CreditorTerms;
import org.debtledger.creditor.Iban;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over any sequence of payments, reversals and refunds, in EUR and JPY, and any contracts: what the agency keeps and
 * what it remits add up to what was collected, to the minor unit, and the totals follow from the events.
 */
class RemittancePropertyTest {

    private static final DebtId DEBT = new DebtId("debt-1");
    private static final CreditorId ACME = new CreditorId("acme-telecom");
    private static final LocalDate START = LocalDate.parse("2025-01-01");

    /** One step: a payment of four parts, a reversal of the n-th payment not yet reversed, or a refund. */
    record Step(int kind, long fees, long interest, long principal, long credit, int which, int day, boolean yen) {
    }

    /** A contract: in force from a day, its interest share and commission. */
    record Terms(int day, int interestShare, int commission) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Long> part = Arbitraries.longs().between(0, 5_000_000);
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 2),
                        part, part, part, part.map(credit -> credit / 10))
                .as((kind, fees, interest, principal, credit) -> new Step(kind, fees, interest, principal, credit, 0, 0,
                        false))
                .flatMap(partial -> Combinators.combine(Arbitraries.integers().between(0, 20),
                                Arbitraries.integers().between(0, 400), Arbitraries.of(true, false))
                        .as((which, day, yen) -> new Step(partial.kind(), partial.fees(), partial.interest(),
                                partial.principal(), partial.credit(), which, day, yen)));
        return step.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Terms>> contracts() {
        return Combinators.combine(Arbitraries.integers().between(0, 400), Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 10_000)).as(Terms::new)
                .list().ofMaxSize(4).uniqueElements(Terms::day);
    }

    @Property(tries = 300)
    void collectedIsKeptPlusRemittedToTheMinorUnit(@ForAll("steps") List<Step> steps,
                                                   @ForAll("contracts") List<Terms> contracts) {
        List<DebtEvent> events = events(steps);
        RemittanceStatement statement = new RemittanceStatement(terms(contracts), START, START.plusDays(500), 0, 10);
        RemittanceFoldTest.entries(events).forEach(statement::add);

        Map<String, Long> amount = new java.util.HashMap<>();
        Map<String, Long> collected = new java.util.HashMap<>();
        for (DebtEvent event : events) {
            if (event instanceof PaymentReceived payment) {
                add(amount, payment.amount(), 1);
                add(collected, claim(payment.allocation()), 1);
            } else if (event instanceof PaymentReversed reversed) {
                add(amount, reversed.amount(), -1);
                add(collected, claim(reversed.restored()), -1);
            } else if (event instanceof CreditRefunded refund) {
                add(amount, refund.amount(), -1);
            }
        }
        statement.sums().forEach((currency, sum) -> {
            assertThat(sum.kept + sum.remitted).isEqualTo(sum.collected);
            assertThat(sum.collected + sum.credit).isEqualTo(sum.amount);
            assertThat(sum.feesKept + sum.interestKept + sum.commission).isEqualTo(sum.kept);
            assertThat(sum.amount).isEqualTo(amount.getOrDefault(currency, 0L));
            assertThat(sum.collected).isEqualTo(collected.getOrDefault(currency, 0L));
        });
        assertThat(statement.sums().keySet()).containsAll(amount.keySet());
    }

    @Property(tries = 200)
    void aReversedPaymentLeavesNothingKeptOrRemitted(@ForAll @IntRange(min = 0, max = 5_000_000) int interest,
                                                     @ForAll @IntRange(min = 0, max = 5_000_000) int principal,
                                                     @ForAll("contracts") List<Terms> contracts) {
        PaymentReceived payment = payment("p-0", Money.ofMinor(0, "EUR"), Money.ofMinor(interest, "EUR"),
                Money.ofMinor(principal, "EUR"), Money.ofMinor(0, "EUR"), 10);
        List<DebtEvent> events = List.of(registered(), payment, new PaymentReversed(DEBT, payment.paymentId(),
                payment.amount(), payment.allocation(), List.of(), "returned", START.plusDays(200)));
        RemittanceStatement statement = new RemittanceStatement(terms(contracts), START, START.plusDays(500), 0, 10);
        RemittanceFoldTest.entries(events).forEach(statement::add);

        RemittanceStatement.Sums sum = statement.sums().get("EUR");
        assertThat(sum.kept).isZero();
        assertThat(sum.remitted).isZero();
    }

    private static void add(Map<String, Long> sums, Money money, int sign) {
        sums.merge(money.currency().getCurrencyCode(), sign * money.minorUnits(), Long::sum);
    }

    private static Money claim(Allocation allocation) {
        return allocation.fees().plus(allocation.interest()).plus(allocation.principal());
    }

    private static CreditorTerms terms(List<Terms> contracts) {
        List<CreditorEvent> history = new ArrayList<>();
        history.add(new CreditorRegistered(ACME, "Acme Telecom Oy", Iban.parse("FI2112345600000785"), START));
        contracts.stream().sorted(java.util.Comparator.comparingInt(Terms::day))
                .forEach(terms -> history.add(new CreditorContractAgreed(ACME, START.plusDays(terms.day()),
                        terms.interestShare(), terms.commission(), START)));
        return CreditorTerms.of(history);
    }

    private static DebtRegistered registered() {
        return new DebtRegistered(DEBT, ACME, new DebtorId("d-1"), "INV-1",
                new InvoicePeriod(START, START.plusDays(30)), "Broadband", Money.ofMinor(100_000, "EUR"),
                START.plusDays(45), DebtType.CONSUMER, Jurisdiction.FI, false, START);
    }

    private static PaymentReceived payment(String id, Money fees, Money interest, Money principal, Money credit,
                                           int day) {
        Allocation allocation = new Allocation(fees, interest, principal, credit);
        return new PaymentReceived(DEBT, new PaymentId(id), allocation.total(), Channel.BANK_FILE, allocation,
                List.of(), START.plusDays(day));
    }

    /** The steps as a debt's events; a reversal of nothing or a refund of no credit is left out. */
    private static List<DebtEvent> events(List<Step> steps) {
        List<DebtEvent> events = new ArrayList<>();
        events.add(registered());
        List<PaymentReceived> standing = new ArrayList<>();
        Map<String, Long> credit = new java.util.HashMap<>();
        int paid = 0;
        for (Step step : steps) {
            String currency = step.yen() ? "JPY" : "EUR";
            if (step.kind() == 0) {
                PaymentReceived payment = payment("p-" + paid++, Money.ofMinor(step.fees(), currency),
                        Money.ofMinor(step.interest(), currency), Money.ofMinor(step.principal(), currency),
                        Money.ofMinor(step.credit(), currency), step.day());
                events.add(payment);
                standing.add(payment);
                credit.merge(currency, step.credit(), Long::sum);
            } else if (step.kind() == 1 && !standing.isEmpty()) {
                PaymentReceived reversed = standing.remove(step.which() % standing.size());
                events.add(new PaymentReversed(DEBT, reversed.paymentId(), reversed.amount(), reversed.allocation(),
                        List.of(), "returned", START.plusDays(step.day())));
                credit.merge(reversed.amount().currency().getCurrencyCode(),
                        -reversed.allocation().credit().minorUnits(), Long::sum);
            } else if (step.kind() == 2 && credit.getOrDefault(currency, 0L) > 0) {
                long refund = Math.max(1, credit.get(currency) / (1 + step.which()));
                events.add(new CreditRefunded(DEBT, Money.ofMinor(refund, currency), "refund",
                        START.plusDays(step.day())));
                credit.merge(currency, -refund, Long::sum);
            }
        }
        return events;
    }
}
