package org.debtledger.query.debt;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.FixtureExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.debtledger.audit.Channel;
import org.debtledger.command.debt.Debt;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.debt.ScannedDebtHistory;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.debt.CloseBusinessDay;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtStanding;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.debt.RegisterDebt;
import org.debtledger.dispute.DisputeOutcome;
import org.debtledger.dispute.OpenDispute;
import org.debtledger.dispute.ResolveDispute;
import org.debtledger.fee.ChargeFee;
import org.debtledger.fee.FeeType;
import org.debtledger.money.Money;
import org.debtledger.pause.PauseCollection;
import org.debtledger.pause.PauseReason;
import org.debtledger.pause.ResumeCollection;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.RecordPayment;
import org.debtledger.payment.RefundCredit;
import org.debtledger.payment.ReversePayment;
import org.debtledger.plan.AgreePaymentPlan;
import org.debtledger.plan.Instalment;
import org.debtledger.query.projection.ReadModelJson;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate decides on {@link DebtStanding}, the kernel's fold of a debt's events, and the debt view shows it.
 * Whatever an advisor, the bank and close of business do to a debt, in any order, the aggregate refusing what its
 * rules refuse: after each event it makes, the debt view, stored as JSON and read back, stands where the debt
 * stands.
 */
class DebtViewFollowsTheAggregateTest {

    private static final DebtId DEBT = new DebtId("debt-1");
    private static final LocalDate REGISTERED = LocalDate.parse("2025-03-01");

    /** What happens to the debt on a day. */
    enum Step {
        DEMAND, REMINDER, EXTENSION, PAYMENT, BACK_VALUED_PAYMENT, REVERSAL, REFUND, PLAN, CLOSE_OF_BUSINESS,
        MONTH_END, PAUSE, RESUME, DISPUTE, UPHOLD_IN_PART, UPHOLD, REJECT
    }

    /** A step {@code days} after the one before; {@code cents} sizes what it needs an amount or a choice for. */
    record Action(Step step, int days, int cents) {
    }

    @Provide
    Arbitrary<List<Action>> lifetimes() {
        return Combinators.combine(Arbitraries.of(Step.class), Arbitraries.integers().between(0, 30),
                        Arbitraries.integers().between(1, 120_000))
                .as(Action::new).list().ofMinSize(10).ofMaxSize(40);
    }

    @Property(tries = 100)
    void theViewStandsWhereTheDebtStandsAfterEveryEvent(@ForAll("lifetimes") List<Action> lifetime) {
        AggregateTestFixture<Debt> fixture = new AggregateTestFixture<>(Debt.class);
        fixture.registerInjectableResource(CollectionPolicy.shipped());
        fixture.registerInjectableResource(new ScannedDebtHistory(fixture.getEventStore()));
        TestExecutor<Debt> debt = fixture.givenCommands(new RegisterDebt(DEBT, new CreditorId("acme-telecom"),
                new DebtorId("d-1001"), "INV-1", new InvoicePeriod(LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-01-31")), "Broadband", eur(1_000_00), LocalDate.parse("2025-02-15"),
                DebtType.CONSUMER, Jurisdiction.FI, false, REGISTERED));
        Folded folded = new Folded();
        folded.catchUp(fixture);

        LocalDate day = REGISTERED;
        for (Action action : lifetime) {
            day = day.plusDays(action.days());
            for (Function<DebtView, Object> command : commands(action, day)) {
                try {
                    debt.andGivenCommands(command.apply(folded.view));
                } catch (FixtureExecutionException refused) {
                    assertThat(refused).cause().as("refused by a rule").isInstanceOf(RuleViolation.class);
                    break;
                }
                folded.catchUp(fixture);
            }
        }
    }

    /** The debt's events folded both ways, compared after each. */
    private static final class Folded {
        private DebtView view;
        private DebtStanding standing;
        private int events;

        void catchUp(AggregateTestFixture<Debt> fixture) {
            List<? extends DomainEventMessage<?>> all = fixture.getEventStore().readEvents(DEBT.value()).asStream()
                    .toList();
            for (DomainEventMessage<?> message : all.subList(events, all.size())) {
                DebtEvent event = (DebtEvent) message.getPayload();
                standing = event instanceof DebtRegistered registered
                        ? DebtStanding.registered(registered) : standing.evolve(event);
                view = ReadModelJson.read(ReadModelJson.write(DebtViewFold.apply(view, event,
                        message.getSequenceNumber(), message.getSequenceNumber() + 1)), DebtView.class);
                assertThat(view.standing()).as("after %s", event).isEqualTo(standing);
            }
            events = all.size();
        }
    }

    /** What the action asks of the debt as it stands: a plan covers what is owed, a refund the credit there is. */
    private static List<Function<DebtView, Object>> commands(Action action, LocalDate day) {
        Money amount = eur(action.cents());
        PaymentId paymentId = new PaymentId("RF-" + action.cents() % 7);
        return switch (action.step()) {
            case DEMAND -> List.of(view -> new ChargeFee(DEBT, FeeType.DEMAND, null, null, day));
            case REMINDER -> List.of(view -> new ChargeFee(DEBT, FeeType.REMINDER, null, null, day));
            case EXTENSION -> List.of(view -> new ChargeFee(DEBT, FeeType.DUE_DATE_EXTENSION, null, 14, day));
            case PAYMENT -> List.of(view -> new RecordPayment(DEBT, paymentId, amount, day, Channel.BANK_FILE));
            case BACK_VALUED_PAYMENT -> List.of(view -> new RecordPayment(DEBT, paymentId, amount,
                    day.minusDays(action.cents() % 40), Channel.BANK_FILE));
            case REVERSAL -> List.of(view -> new ReversePayment(DEBT, paymentId, "returned by the bank", day));
            case REFUND -> List.of(view -> new RefundCredit(DEBT, view.credit(), "refund-" + action.cents(), day));
            // a payment that day posts the interest through it, so that the plan can cover exactly what is owed
            case PLAN -> List.of(view -> new RecordPayment(DEBT, new PaymentId("RF-plan-" + action.cents()),
                    eur(1_00), day, Channel.BANK_FILE), view -> planCovering(view.outstanding().total(), day));
            case CLOSE_OF_BUSINESS -> List.of(view -> new CloseBusinessDay(DEBT, day));
            case MONTH_END -> List.of(view -> new CloseBusinessDay(DEBT, YearMonth.from(day).atEndOfMonth()));
            case PAUSE -> List.of(view -> new PauseCollection(DEBT, PauseReason.COUNSELLING, day, day.plusDays(30)));
            case RESUME -> List.of(view -> new ResumeCollection(DEBT, day));
            case DISPUTE -> List.of(view -> new OpenDispute(DEBT, "amount wrong", day));
            case UPHOLD_IN_PART -> List.of(view -> new ResolveDispute(DEBT, DisputeOutcome.UPHELD,
                    eur(action.cents() % 5_000 + 1), day));
            case UPHOLD -> List.of(view -> new ResolveDispute(DEBT, DisputeOutcome.UPHELD, null, day));
            case REJECT -> List.of(view -> new ResolveDispute(DEBT, DisputeOutcome.REJECTED, null, day));
        };
    }

    /** Three monthly instalments that add up to {@code total}. */
    private static AgreePaymentPlan planCovering(Money total, LocalDate day) {
        List<Money> parts = total.split(3);
        List<Instalment> instalments = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            instalments.add(new Instalment(day.plusMonths(i + 1), parts.get(i)));
        }
        return new AgreePaymentPlan(DEBT, instalments, Channel.ADVISOR_PHONE, null, null, day);
    }

    private static Money eur(long cents) {
        return Money.ofMinor(cents, "EUR");
    }
}
