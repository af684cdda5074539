package org.debtledger.command.plan;

import org.debtledger.money.Money;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentPayment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The payment plan in force on a debt, as a value: every change returns a new plan. */
public record PaymentPlan(int number, List<PlanInstalment> instalments, boolean broken, boolean interestFrozen) {

    public PaymentPlan {
        instalments = List.copyOf(instalments);
    }

    public static PaymentPlan agreed(int number, List<Instalment> instalments, boolean interestFrozen) {
        List<PlanInstalment> plan = new ArrayList<>();
        for (Instalment instalment : instalments) {
            plan.add(new PlanInstalment(instalment.dueDate(), instalment.amount(),
                    Money.zero(instalment.amount().currency()), false));
        }
        return new PaymentPlan(number, plan, false, interestFrozen);
    }

    /** A plan is in force until it is broken or every instalment is paid. */
    public boolean inForce() {
        return !broken && instalments.stream().anyMatch(instalment -> !instalment.fullyPaid());
    }

    /** Nothing is left to fall due and the last instalment was missed: the plan cannot be kept any more. */
    public boolean lastInstalmentMissed() {
        return instalments.get(instalments.size() - 1).missed();
    }

    public int missedCount() {
        return (int) instalments.stream().filter(PlanInstalment::missed).count();
    }

    /** How a payment fills the unpaid instalments, oldest first; what is left over goes to no instalment. */
    public List<InstalmentPayment> allocate(Money payment) {
        List<InstalmentPayment> result = new ArrayList<>();
        Money left = payment;
        for (int i = 0; i < instalments.size() && left.isPositive(); i++) {
            Money share = left.min(instalments.get(i).unpaid());
            if (share.isPositive()) {
                result.add(new InstalmentPayment(i + 1, share));
                left = left.minus(share);
            }
        }
        return result;
    }

    /** The instalments, numbered from 1, that are unpaid at the end of their grace period on {@code date}. */
    public List<Integer> missedBy(LocalDate date, int graceDays) {
        List<Integer> missed = new ArrayList<>();
        for (int i = 0; i < instalments.size(); i++) {
            PlanInstalment instalment = instalments.get(i);
            if (!instalment.fullyPaid() && !instalment.missed()
                    && !date.isBefore(instalment.dueDate().plusDays(graceDays))) {
                missed.add(i + 1);
            }
        }
        return missed;
    }

    public PlanInstalment instalment(int number) {
        return instalments.get(number - 1);
    }

    public PaymentPlan paid(List<InstalmentPayment> payments) {
        List<PlanInstalment> updated = new ArrayList<>(instalments);
        for (InstalmentPayment payment : payments) {
            int index = payment.instalmentNumber() - 1;
            updated.set(index, updated.get(index).plus(payment.amount()));
        }
        return new PaymentPlan(number, updated, broken, interestFrozen);
    }

    public PaymentPlan reversed(List<InstalmentPayment> payments) {
        List<InstalmentPayment> negated = payments.stream()
                .map(payment -> new InstalmentPayment(payment.instalmentNumber(), payment.amount().negate()))
                .toList();
        return paid(negated);
    }

    public PaymentPlan missed(int instalmentNumber) {
        List<PlanInstalment> updated = new ArrayList<>(instalments);
        updated.set(instalmentNumber - 1, updated.get(instalmentNumber - 1).asMissed());
        return new PaymentPlan(number, updated, broken, interestFrozen);
    }

    public PaymentPlan asBroken() {
        return new PaymentPlan(number, instalments, true, interestFrozen);
    }

    /** The most that falls due in any one calendar month: what the debtor must afford monthly. */
    public static Money largestMonthlyAmount(List<Instalment> instalments) {
        Map<YearMonth, Money> byMonth = new TreeMap<>();
        for (Instalment instalment : instalments) {
            byMonth.merge(YearMonth.from(instalment.dueDate()), instalment.amount(), Money::plus);
        }
        return byMonth.values().stream().max(Money::compareTo).orElseThrow();
    }
}
