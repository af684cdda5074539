package org.debtledger.command.debt;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.debtledger.audit.Channel;
import org.debtledger.debt.Balance;
import org.debtledger.debt.CloseBusinessDay;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtCommand;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.debt.RegisterDebt;
import org.debtledger.fee.FeeCharged;
import org.debtledger.interest.InterestPosted;
import org.debtledger.money.Money;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.RecordPayment;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.allocation;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;
import static org.debtledger.command.debt.DebtFixtures.fixture;
import static org.debtledger.command.debt.DebtFixtures.interest;
import static org.debtledger.command.debt.DebtFixtures.paid;
import static org.debtledger.command.debt.DebtFixtures.registered;

/**
 * A payment that arrives after interest was posted past its value date leaves the balance the same payments give
 * in value-date order, to the cent: the interest since is re-rated on what it left, later payments are allocated
 * again, and nothing is created or lost, whatever order payments and close-of-business runs arrive in.
 */
class BackValuedPaymentTest {

    private static RecordPayment pay(String id, String amount, String valueDate) {
        return new RecordPayment(DEBT, new PaymentId(id), eur(amount), date(valueDate), Channel.BANK_FILE);
    }

    private static BalanceRestated restated(String paymentId, String interest, String principal, String date) {
        return new BalanceRestated(DEBT, new PaymentId(paymentId), eur("0.00"), eur(interest), eur(principal),
                eur("0.00"), date(date));
    }

    @Test
    void aPaymentValueDatedBeforeMonthEndInterestPaysTheInterestToItsDateAndTheRestIsReRated() {
        // 3,650.00 due 10 January; close of business on 31 March posted 84.00 (80 days at 10.5 %). 1,000.00
        // value-dated 15 March pays the 67.20 accrued to then and 932.80 of principal; 16 days on 2,717.20 add
        // 12.51. So 84.00 - 67.20 + 12.51 - 84.00 = -4.29 of interest is given back: 2,729.71 is owed on 31 March.
        DebtRegistered claim = new DebtRegistered(DEBT, new CreditorId("acme-telecom"), new DebtorId("d-1001"),
                "INV-1", new InvoicePeriod(date("2024-12-01"), date("2024-12-31")), "Broadband", eur("3650.00"),
                date("2025-01-10"), DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-01-20"));
        fixture().given(claim, interest("84.00", "2025-01-11", "2025-03-31", "3650.00", 1050))
                .when(pay("RF-1", "1000.00", "2025-03-15"))
                .expectEvents(restated("RF-1", "-4.29", "0.00", "2025-03-15"),
                        paid("RF-1", "1000.00", "2025-03-15", allocation("0.00", "67.20", "932.80", "0.00")));
    }

    @Test
    void aLaterPaymentIsAllocatedAgainAsIfTheEarlierOneHadArrivedFirst() {
        // 1,000.00 due 15 February. 200.00 on 31 March paid 12.66 of interest (44 days). Then 500.00 value-dated
        // 10 March arrives: it pays 6.62 (23 days) and 493.38 of principal; the 200.00 then pays 3.06 (21 days on
        // 506.62) and 196.94 of principal: 309.68 is left.
        fixture().given(registered("1000.00"), interest("12.66", "2025-02-16", "2025-03-31", "1000.00", 1050),
                        paid("RF-2", "200.00", "2025-03-31", allocation("0.00", "12.66", "187.34", "0.00")))
                .when(pay("RF-1", "500.00", "2025-03-10"))
                .expectEvents(restated("RF-1", "6.62", "-9.60", "2025-03-10"),
                        paid("RF-1", "500.00", "2025-03-10", allocation("0.00", "6.62", "493.38", "0.00")));
    }

    @Test
    void closeOfBusinessRunLateForAMonthEndRestatesTheInterestAsItsPostingWouldHaveOnce() {
        // 1,000.00 due 15 February; 100.00 on 10 April posted 54 days of interest at once: 15.53. Close of business
        // for 31 March, run after it, splits that posting at the month end as it would have been: 12.66 for 44 days
        // and 2.88 for 10, one cent more of interest, which the payment paid instead of a cent of principal.
        List<Object> given = List.of(registered("1000.00"), interest("15.53", "2025-02-16", "2025-04-10", "1000.00", 1050),
                paid("RF-1", "100.00", "2025-04-10", allocation("0.00", "15.53", "84.47", "0.00")));
        AggregateTestFixture<Debt> fixture = fixture();
        fixture.given(given).when(new CloseBusinessDay(DEBT, date("2025-03-31")))
                .expectEvents(new BalanceRestated(DEBT, null, eur("0.00"), eur("0.00"), eur("0.01"), eur("0.00"),
                        date("2025-03-31")));
        List<Object> once = new ArrayList<>(given);
        once.add(new BalanceRestated(DEBT, null, eur("0.00"), eur("0.00"), eur("0.01"), eur("0.00"), date("2025-03-31")));
        fixture().given(once).when(new CloseBusinessDay(DEBT, date("2025-03-31"))).expectNoEvents();
    }

    /** Payments and close-of-business runs of one claim, in the order they belong to and in another. */
    record Arrivals(Money principal, List<DebtCommand> inValueDateOrder, List<DebtCommand> asTheyArrive) {
    }

    @Property(tries = 200)
    void anyOrderOfArrivalGivesTheBalanceOfValueDateOrderToTheCent(@ForAll("arrivals") Arrivals arrivals) {
        Outcome expected = run(arrivals.principal(), arrivals.inValueDateOrder());
        Outcome actual = run(arrivals.principal(), arrivals.asTheyArrive());
        assertThat(actual.balance()).as(arrivals.asTheyArrive().toString()).isEqualTo(expected.balance());
        assertThat(actual.credit()).isEqualTo(expected.credit());
        assertThat(List.of(actual.balance().fees(), actual.balance().interest(), actual.balance().principal()))
                .allMatch(part -> !part.isNegative());
    }

    @Provide
    Arbitrary<Arrivals> arrivals() {
        Arbitrary<RecordPayment> payment = Combinators.combine(
                        Arbitraries.integers().between(0, 150), Arbitraries.longs().between(1, 80_000),
                        Arbitraries.strings().numeric().ofLength(6))
                .as((day, cents, id) -> new RecordPayment(DEBT, new PaymentId("RF-" + id),
                        Money.ofMinor(cents, "EUR"), date("2025-02-01").plusDays(day), Channel.BANK_FILE));
        Arbitrary<List<DebtCommand>> closes = Arbitraries.of("2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31",
                "2025-06-30").set().ofMaxSize(5).map(dates -> dates.stream()
                .<DebtCommand>map(day -> new CloseBusinessDay(DEBT, date(day))).toList());
        // the payments never settle the claim, so that every order takes all of them
        return Combinators.combine(Arbitraries.longs().between(500_000, 2_000_000),
                        payment.list().ofMinSize(1).ofMaxSize(5).uniqueElements(RecordPayment::paymentId), closes,
                        Arbitraries.randoms())
                .as((principal, payments, closings, random) -> {
                    List<DebtCommand> all = new ArrayList<>(payments);
                    all.addAll(closings);
                    List<DebtCommand> ordered = new ArrayList<>(all);
                    // a date's payments come in before its close of business
                    ordered.sort(Comparator.comparing(BackValuedPaymentTest::dateOf)
                            .thenComparing(command -> command instanceof CloseBusinessDay ? 1 : 0));
                    List<DebtCommand> shuffled = new ArrayList<>(all);
                    Collections.shuffle(shuffled, random);
                    return new Arrivals(Money.ofMinor(principal, "EUR"), ordered, shuffled);
                });
    }

    private static LocalDate dateOf(DebtCommand command) {
        return command instanceof RecordPayment payment ? payment.valueDate() : ((CloseBusinessDay) command).date();
    }

    record Outcome(Balance balance, Money credit) {
    }

    /** The claim registered on 1 February 2025, due 15 January, then the commands; what its events add up to. */
    private static Outcome run(Money principal, List<DebtCommand> commands) {
        AggregateTestFixture<Debt> fixture = fixture();
        List<Object> all = new ArrayList<>();
        all.add(new RegisterDebt(DEBT, new CreditorId("acme-telecom"), new DebtorId("d-1001"), "INV-1",
                new InvoicePeriod(date("2024-12-01"), date("2024-12-31")), "Broadband", principal, date("2025-01-15"),
                DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-02-01")));
        all.addAll(commands);
        fixture.givenCommands(all.subList(0, all.size() - 1)).when(all.get(all.size() - 1));
        Balance balance = Balance.zero(principal.currency());
        Money credit = Money.zero(principal.currency());
        for (DomainEventMessage<?> message : fixture.getEventStore().readEvents(DEBT.value()).asStream().toList()) {
            Object event = message.getPayload();
            if (event instanceof DebtRegistered registered) {
                balance = balance.withPrincipal(registered.principal());
            } else if (event instanceof InterestPosted interest) {
                balance = balance.withInterest(balance.interest().plus(interest.amount()));
            } else if (event instanceof FeeCharged fee) {
                balance = balance.withFees(balance.fees().plus(fee.amount()));
            } else if (event instanceof BalanceRestated restated) {
                balance = new Balance(balance.fees().plus(restated.fees()), balance.interest().plus(restated.interest()),
                        balance.principal().plus(restated.principal()));
                credit = credit.plus(restated.credit());
            } else if (event instanceof PaymentReceived payment) {
                // no cent created or lost: each payment is allocated whole
                assertThat(payment.allocation().total()).isEqualTo(payment.amount());
                balance = balance.paidBy(payment.allocation());
                credit = credit.plus(payment.allocation().credit());
            }
        }
        return new Outcome(balance, credit);
    }
}
