package org.debtledger.plan;

import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A debt's latest payment plan and how far it has been kept, as a value: every change returns a new one. */
public record PlanProgress(int number, LocalDate agreedOn, boolean interestFrozen, boolean broken,
                           List<InstalmentProgress> instalments) {

    public PlanProgress {
        instalments = List.copyOf(instalments);
    }

    public static PlanProgress agreed(PaymentPlanAgreed agreed) {
        List<InstalmentProgress> instalments = new ArrayList<>();
        for (Instalment instalment : agreed.instalments()) {
            instalments.add(new InstalmentProgress(instalment.dueDate(), instalment.amount(),
                    Money.zero(instalment.amount().currency()), false));
        }
        return new PlanProgress(agreed.planNumber(), agreed.date(), agreed.interestFrozen(), false, instalments);
    }

    /** A plan is in force until it is broken or every instalment is paid. */
    public boolean inForce() {
        return !broken && instalments.stream().anyMatch(instalment -> !instalment.fullyPaid());
    }

    /** Every instalment is paid. */
    public boolean completed() {
        return !broken && !inForce();
    }

    /** Nothing is left to fall due and the last instalment was missed: the plan cannot be kept any more. */
    public boolean lastInstalmentMissed() {
        return instalments.get(instalments.size() - 1).missed();
    }

    public int missedCount() {
        return (int) instalments.stream().filter(InstalmentProgress::missed).count();
    }

    public InstalmentProgress instalment(int number) {
        return instalments.get(number - 1);
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
            InstalmentProgress instalment = instalments.get(i);
            if (!instalment.fullyPaid() && !instalment.missed()
                    && !date.isBefore(instalment.dueDate().plusDays(graceDays))) {
                missed.add(i + 1);
            }
        }
        return missed;
    }

    public PlanProgress paid(List<InstalmentPayment> payments) {
        List<InstalmentProgress> updated = new ArrayList<>(instalments);
        for (InstalmentPayment payment : payments) {
            int index = payment.instalmentNumber() - 1;
            updated.set(index, updated.get(index).plus(payment.amount()));
        }
        return new PlanProgress(number, agreedOn, interestFrozen, broken, updated);
    }

    public PlanProgress reversed(List<InstalmentPayment> payments) {
        return paid(payments.stream()
                .map(payment -> new InstalmentPayment(payment.instalmentNumber(), payment.amount().negate()))
                .toList());
    }

    public PlanProgress missed(int instalmentNumber) {
        List<InstalmentProgress> updated = new ArrayList<>(instalments);
        updated.set(instalmentNumber - 1, updated.get(instalmentNumber - 1).asMissed());
        return new PlanProgress(number, agreedOn, interestFrozen, broken, updated);
    }

    public PlanProgress asBroken() {
        return new PlanProgress(number, agreedOn, interestFrozen, true, instalments);
    }
}
