package org.debtledger.query.portfolio;

import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * One debt's part of the portfolio: the principal placed with the agency and when, what was collected in each
 * calendar month since (payments less reversals), each of its plans with the days it was agreed, completed
 * (every instalment paid) or broken, and each promise to pay with the days it was made and kept or broken. Keyed on
 * the debt's sequence number, so an event applied before changes nothing. Immutable: an event gives a new one.
 *
 * @param debt        null until the debt's registration is applied
 * @param collections minor units collected by month since registration (0: the month of registration)
 */
public record DebtPortfolio(String debtId, Debt debt, Map<Integer, Long> collections, List<Plan> plans,
                            List<Promise> promises) {

    public record Debt(String creditorId, String currency, LocalDate registeredOn, long principalMinor,
                       long sequenceNumber) {
    }

    /** A plan: the sum of its instalments and what of it was paid, and the days it was completed or broken. */
    public record Plan(int number, LocalDate agreedOn, long instalmentMinor, long paidMinor, LocalDate completedOn,
                LocalDate brokenOn) {

        Plan paid(long amount, LocalDate date) {
            long paid = paidMinor + amount;
            boolean complete = brokenOn == null && paid >= instalmentMinor;
            return new Plan(number, agreedOn, instalmentMinor, paid,
                    complete ? (completedOn != null ? completedOn : date) : null, brokenOn);
        }

        Plan broken(LocalDate date) {
            return new Plan(number, agreedOn, instalmentMinor, paidMinor, completedOn, date);
        }
    }

    /** A promise to pay: its amount, what arrived of it, and the day it was made and the day it was kept or broken. */
    public record Promise(int number, LocalDate madeOn, long amountMinor, long arrivedMinor, LocalDate keptOn,
                          LocalDate brokenOn) {
    }

    public DebtPortfolio {
        collections = Collections.unmodifiableMap(new TreeMap<>(collections)); // in month order
        plans = List.copyOf(plans);
        promises = List.copyOf(promises);
    }

    static DebtPortfolio initial(String debtId) {
        return new DebtPortfolio(debtId, null, Map.of(), List.of(), List.of());
    }

    /** The portfolio after the debt's event at {@code sequenceNumber}: this one when it was applied before. */
    DebtPortfolio after(DebtEvent event, long sequenceNumber) {
        if (event instanceof DebtRegistered registered) {
            return debt != null ? this : new DebtPortfolio(debtId, new Debt(registered.creditorId().value(),
                    registered.principal().currency().getCurrencyCode(), registered.date(),
                    registered.principal().minorUnits(), sequenceNumber), collections, plans, promises);
        }
        if (debt == null || debt.sequenceNumber() >= sequenceNumber) {
            return this;
        }
        Debt moved = new Debt(debt.creditorId(), debt.currency(), debt.registeredOn(), debt.principalMinor(),
                sequenceNumber);
        Map<Integer, Long> collected = collections;
        List<Plan> changed = plans;
        List<Promise> promised = promises;
        if (event instanceof PaymentReceived payment) {
            collected = collected(payment.amount().minorUnits(), payment.date());
            changed = instalmentsPaid(payment.instalments(), 1, payment.date());
        } else if (event instanceof PaymentReversed reversed) {
            collected = collected(-reversed.amount().minorUnits(), reversed.date());
            changed = instalmentsPaid(reversed.instalments(), -1, reversed.date());
        } else if (event instanceof PaymentPlanAgreed agreed) {
            changed = new ArrayList<>(plans);
            changed.add(new Plan(agreed.planNumber(), agreed.date(), agreed.instalments().stream()
                    .mapToLong(instalment -> instalment.amount().minorUnits()).sum(), 0, null, null));
        } else if (event instanceof PaymentPlanBroken broken) {
            changed = replaced(broken.planNumber(), plan -> plan.broken(broken.date()));
        } else if (event instanceof PromiseToPayMade made) {
            promised = new ArrayList<>(promises);
            promised.add(new Promise(made.number(), made.date(), made.amount().minorUnits(), 0, null, null));
        } else if (event instanceof PromiseKept kept) {
            promised = resolved(kept.number(), kept.arrived().minorUnits(), kept.date(), null);
        } else if (event instanceof PromiseBroken broken) {
            promised = resolved(broken.number(), broken.arrived().minorUnits(), null, broken.date());
        }
        return new DebtPortfolio(debtId, moved, collected, changed, promised);
    }

    /** Calendar months from the month of registration to {@code date}'s; a value date before it counts as 0. */
    int monthIndex(LocalDate date) {
        return (int) Math.max(0, ChronoUnit.MONTHS.between(YearMonth.from(debt.registeredOn()), YearMonth.from(date)));
    }

    Plan plan(int number) {
        return plans.stream().filter(plan -> plan.number() == number).findFirst().orElse(null);
    }

    Promise promise(int number) {
        return promises.stream().filter(promise -> promise.number() == number).findFirst().orElse(null);
    }

    private Map<Integer, Long> collected(long amount, LocalDate date) {
        Map<Integer, Long> collected = new TreeMap<>(collections);
        collected.merge(monthIndex(date), amount, Long::sum);
        return collected;
    }

    /** Payments of instalments belong to the latest plan, the one in force. */
    private List<Plan> instalmentsPaid(List<InstalmentPayment> payments, int sign, LocalDate date) {
        if (plans.isEmpty() || payments.isEmpty()) {
            return plans;
        }
        long amount = sign * payments.stream().mapToLong(payment -> payment.amount().minorUnits()).sum();
        return replaced(plans.get(plans.size() - 1).number(), plan -> plan.paid(amount, date));
    }

    private List<Plan> replaced(int number, UnaryOperator<Plan> change) {
        List<Plan> changed = new ArrayList<>();
        plans.forEach(plan -> changed.add(plan.number() == number ? change.apply(plan) : plan));
        return changed;
    }

    private List<Promise> resolved(int number, long arrivedMinor, LocalDate keptOn, LocalDate brokenOn) {
        return promises.stream().map(promise -> promise.number() != number ? promise : new Promise(number,
                promise.madeOn(), promise.amountMinor(), arrivedMinor, keptOn, brokenOn)).toList();
    }
}
