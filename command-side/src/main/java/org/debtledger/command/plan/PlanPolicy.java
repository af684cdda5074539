package org.debtledger.command.plan;

import org.debtledger.audit.AuditMetadata;
import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.debt.DebtChecks;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;
import org.debtledger.plan.AgreePaymentPlan;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentProgress;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.debtledger.plan.PlanProgress;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.debtledger.command.debt.RuleViolation.check;

/**
 * Whether a payment plan may be agreed on a debt, and when its instalments are missed and it breaks, under the
 * jurisdiction's plan rules. A rule that refuses throws its {@link RuleViolation}; one that passes answers the events
 * to apply.
 */
public record PlanPolicy(DebtId debtId, PlanRules rules, PlanProgress plan, DebtChecks checks) {

    /** What a plan must pass before what it has to cover is known: one at a time, and instalments that make sense. */
    public void requireAgreeable(AgreePaymentPlan command) {
        LocalDate date = command.date();
        checks.requireOpenOn(date);
        checks.requireNotDisputed("no plan may be agreed while the debt is disputed");
        checks.requireNotTimeBarred(date);
        check(plan == null || !plan.inForce(), Rule.PLAN_ALREADY_ACTIVE, "the debt already has a plan in force");
        List<Instalment> instalments = command.instalments();
        check(instalments != null && !instalments.isEmpty(), Rule.PLAN_HAS_NO_INSTALMENTS,
                "a plan needs at least one instalment");
        for (int i = 0; i < instalments.size(); i++) {
            checks.requireOwnCurrency(instalments.get(i).amount());
            check(instalments.get(i).amount().isPositive(), Rule.AMOUNT_NOT_POSITIVE,
                    "instalment " + (i + 1) + " must be more than zero");
            check(i == 0 || instalments.get(i).dueDate().isAfter(instalments.get(i - 1).dueDate()),
                    Rule.INSTALMENT_DATES_NOT_INCREASING, "instalment due dates must strictly increase");
        }
        check(!instalments.get(0).dueDate().isBefore(date), Rule.INSTALMENT_DUE_BEFORE_AGREEMENT,
                "the first instalment must not fall due before the plan is agreed on " + date);
    }

    /**
     * The plan agreed as the debt's {@code number}th: its instalments cover exactly {@code total}, all that will be
     * owed once it is agreed (its fee included), none below the minimum, and within the declared budget unless an
     * advisor overrides it with a reason.
     */
    public PaymentPlanAgreed agreed(AgreePaymentPlan command, int number, Money total, Optional<Money> fee,
                                    String actorRole) {
        List<Instalment> instalments = command.instalments();
        check(total.isPositive(), Rule.NOTHING_OUTSTANDING, "nothing is owed, so no plan is needed");
        Money planned = instalments.stream().map(Instalment::amount).reduce(checks.zero(), Money::plus);
        if (!planned.equals(total)) {
            throw notCovering(planned, total, fee);
        }
        for (Instalment instalment : instalments) {
            boolean wholeBalanceAtOnce = instalments.size() == 1;
            check(wholeBalanceAtOnce || !instalment.amount().isLessThan(rules.minimumInstalment()),
                    Rule.INSTALMENT_BELOW_MINIMUM, "no instalment may be below " + rules.minimumInstalment());
        }
        String override = command.affordabilityOverrideReason() == null
                || command.affordabilityOverrideReason().isBlank() ? null : command.affordabilityOverrideReason();
        if (command.affordability() != null) {
            checks.requireOwnCurrency(command.affordability().monthlyIncome());
            checks.requireOwnCurrency(command.affordability().monthlyExpenses());
            Money monthly = largestMonthlyAmount(instalments);
            Money disposable = command.affordability().disposableIncome();
            if (monthly.isGreaterThan(disposable)) {
                check(override != null, Rule.PLAN_NOT_AFFORDABLE, "the plan asks " + monthly
                        + " in a month but the declared disposable income is " + disposable);
                check(AuditMetadata.ADVISOR_ROLE.equals(actorRole), Rule.AFFORDABILITY_OVERRIDE_NEEDS_ADVISOR,
                        "only an advisor may agree a plan the declared budget does not cover");
            }
        }
        return new PaymentPlanAgreed(debtId, number, List.copyOf(instalments), command.channel(),
                command.affordability(), command.affordability() == null ? null : override,
                rules.interestFrozenWhileKept(), command.date());
    }

    /**
     * Close of business on {@code date}: instalments still unpaid at the end of their grace days are missed, and
     * enough misses, or a missed last instalment, break the plan. Nothing while a dispute is open.
     */
    public List<DebtEvent> missesOn(LocalDate date) {
        List<DebtEvent> events = new ArrayList<>();
        if (plan == null || !plan.inForce() || checks.disputed()) {
            return events;
        }
        PlanProgress after = plan;
        for (int number : plan.missedBy(date, rules.graceDays())) {
            InstalmentProgress instalment = plan.instalment(number);
            events.add(new InstalmentMissed(debtId, plan.number(), number, instalment.dueDate(), instalment.unpaid(),
                    date));
            after = after.missed(number);
        }
        if (after.missedCount() >= rules.missesToBreak() || after.lastInstalmentMissed()) {
            events.add(new PaymentPlanBroken(debtId, plan.number(), after.missedCount(), date));
        }
        return events;
    }

    /**
     * The instalments do not sum to what the plan must cover: the refusal says by how much they fall short
     * ({@code shortfall}) or go over ({@code excess}), beside what they sum to and what they must cover.
     */
    private static RuleViolation notCovering(Money planned, Money total, Optional<Money> fee) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("planned", planned);
        facts.put("mustCover", total);
        boolean isShort = planned.isLessThan(total);
        facts.put(isShort ? "shortfall" : "excess", isShort ? total.minus(planned) : planned.minus(total));
        return new RuleViolation(Rule.PLAN_DOES_NOT_COVER_BALANCE, "the instalments sum to " + planned
                + " but the plan must cover exactly " + total + fee.map(f -> " (including a plan fee of " + f + ")")
                .orElse("") + ": " + (isShort ? total.minus(planned) + " short" : planned.minus(total) + " over"),
                facts);
    }

    /** The most that falls due in any one calendar month: what the debtor must afford monthly. */
    private static Money largestMonthlyAmount(List<Instalment> instalments) {
        Map<YearMonth, Money> byMonth = new TreeMap<>();
        for (Instalment instalment : instalments) {
            byMonth.merge(YearMonth.from(instalment.dueDate()), instalment.amount(), Money::plus);
        }
        return byMonth.values().stream().max(Money::compareTo).orElseThrow();
    }
}
