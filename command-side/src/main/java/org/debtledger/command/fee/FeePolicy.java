package org.debtledger.command.fee;

import org.debtledger.command.debt.DebtTerms;
import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.debt.DebtChecks;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DueDateExtended;
import org.debtledger.fee.ChargeFee;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.debtledger.command.debt.RuleViolation.check;

/**
 * What a debt may be charged, and when, under its fee schedule: reminders and demands (caps, how many, the interval
 * between letters), a due-date extension (its free days and cap), and a payment plan's fee. A rule that refuses
 * throws its {@link RuleViolation}; one that passes answers the events to apply.
 */
public record FeePolicy(DebtId debtId, DebtTerms terms, LocalDate dueDate, FeeHistory charged, FeeSchedule schedule,
                        DebtChecks checks) {

    /** A reminder or a demand for payment: the amount asked, or the cap when none is. */
    public FeeCharged letter(ChargeFee command) {
        LocalDate date = command.date();
        checks.requireOpenOn(date);
        checks.requireNotDisputed("no fee may be charged while the debt is disputed");
        checks.requireNotTimeBarred(date);
        checks.requireFeesNotFrozenOn(date);
        check(command.type() != FeeType.PAYMENT_PLAN, Rule.PLAN_FEE_COMES_WITH_THE_PLAN,
                "a payment plan's fee is charged when the plan is agreed");
        Money cap = command.type() == FeeType.REMINDER ? reminderCap(date) : demandCap(date);
        return new FeeCharged(debtId, command.type(), chargeable(command, cap), cap, command.extensionDays(), date);
    }

    /**
     * Moves the due date by the days asked, and charges for it what the schedule allows: nothing for an extension
     * shorter than its free days, while fees are frozen, or where the schedule names no extension fee. Late interest
     * stops from the day after the due date or the last posting until the new due date, unless the jurisdiction
     * lets it run.
     */
    public List<DebtEvent> extension(ChargeFee command, boolean interestRunsWhileExtended,
                                  LocalDate interestAccruedThrough) {
        LocalDate date = command.date();
        checks.requireOpenOn(date);
        checks.requireNotDisputed("no due date may be extended while the debt is disputed");
        checks.requireNotTimeBarred(date);
        Integer days = command.extensionDays();
        check(days != null && days > 0, Rule.EXTENSION_DAYS_MISSING,
                "a due-date extension needs the number of days the due date moves (extensionDays)");
        Optional<FeeSchedule.Extension> extension = schedule.extensions();
        boolean free = extension.isEmpty() || days < extension.get().freeBelowDays() || checks.feesFrozenOn(date);
        boolean asked = command.amount() != null && !command.amount().isZero();
        if (free && asked) {
            throw noExtensionFee(extension, days, date);
        }
        Optional<Money> fee = free ? Optional.empty() : Optional.of(chargeable(command, extension.get().cap()));
        LocalDate extended = dueDate.plusDays(days);
        LocalDate frozenFrom = (dueDate.isAfter(interestAccruedThrough) ? dueDate : interestAccruedThrough)
                .plusDays(1);
        List<DebtEvent> events = new ArrayList<>();
        events.add(new DueDateExtended(debtId, dueDate, extended, days,
                interestRunsWhileExtended || frozenFrom.isAfter(extended) ? null : frozenFrom, date));
        fee.ifPresent(amount -> events.add(new FeeCharged(debtId, FeeType.DUE_DATE_EXTENSION, amount,
                extension.get().cap(), days, date)));
        return events;
    }

    /**
     * The fee for the {@code number}th plan on the debt, if one may be charged: none for a first plan where it is
     * free, while fees are frozen, or once the schedule's number of charged plans is reached.
     */
    public Optional<FeeCharged> planFee(int number, int instalments, LocalDate date, boolean firstPlanFree) {
        if ((number == 1 && firstPlanFree) || checks.feesFrozenOn(date)) {
            return Optional.empty();
        }
        return schedule.plans()
                .filter(plans -> charged.plansCharged() < plans.maxCharged(terms.principal(), terms.directlyEnforceable()))
                .map(plans -> plans.cap(terms.principal(), instalments))
                .map(amount -> new FeeCharged(debtId, FeeType.PAYMENT_PLAN, amount, amount, null, date));
    }

    /** The fee of the plan after the {@code number}th, once that one is agreed and charged {@code thisPlansFee}. */
    public Optional<FeeCharged> laterPlanFee(int number, Optional<FeeCharged> thisPlansFee, int instalments,
                                             LocalDate date, boolean firstPlanFree) {
        FeeHistory after = thisPlansFee.map(charged::charged).orElse(charged);
        return new FeePolicy(debtId, terms, dueDate, after, schedule, checks)
                .planFee(number + 1, instalments, date, firstPlanFree);
    }

    /** The amount asked (the cap when none is), checked against the cap. */
    private Money chargeable(ChargeFee command, Money cap) {
        Money amount = command.amount() == null ? cap : command.amount();
        checks.requireOwnCurrency(amount);
        check(amount.isPositive(), Rule.AMOUNT_NOT_POSITIVE, "a fee must be more than zero");
        check(!amount.isGreaterThan(cap), Rule.FEE_ABOVE_STATUTORY_CAP,
                command.type() + " fee " + amount + " is above the cap of " + cap);
        return amount;
    }

    private Money reminderCap(LocalDate date) {
        Money cap = schedule.reminder().orElseThrow(() -> notInSchedule(FeeType.REMINDER));
        requireLetterInterval(date);
        return cap;
    }

    private Money demandCap(LocalDate date) {
        FeeSchedule.Demand demand = schedule.demands().orElseThrow(() -> notInSchedule(FeeType.DEMAND));
        check(charged.demandsCharged() < demand.maxCharged(), Rule.DEMAND_LIMIT_REACHED,
                "costs may be charged for at most " + demand.maxCharged() + " demands for payment");
        requireLetterInterval(date);
        return demand.cap(terms.principal(), terms.directlyEnforceable(), charged.demandsCharged() + 1);
    }

    /** No chargeable reminder or demand sooner than the interval after the due date and after the previous one. */
    private void requireLetterInterval(LocalDate date) {
        int interval = schedule.letterIntervalDays();
        LocalDate earliest = dueDate.plusDays(interval);
        if (charged.lastLetter() != null && charged.lastLetter().plusDays(interval).isAfter(earliest)) {
            earliest = charged.lastLetter().plusDays(interval);
        }
        check(!date.isBefore(earliest), Rule.FEE_TOO_SOON, "no reminder or demand may be charged before " + earliest
                + ": " + interval + " days after the due date and after the previous letter");
    }

    /** Why an amount asked for an extension that is free cannot be charged. */
    private RuleViolation noExtensionFee(Optional<FeeSchedule.Extension> extension, int days, LocalDate date) {
        if (extension.isEmpty()) {
            return notInSchedule(FeeType.DUE_DATE_EXTENSION);
        }
        if (checks.feesFrozenOn(date)) {
            return new RuleViolation(Rule.FEES_FROZEN_BY_PAUSE, "fees are frozen while collection is paused for "
                    + checks.pause().reason());
        }
        return new RuleViolation(Rule.SHORT_EXTENSION_IS_FREE, "moving a due date by " + days + " days, less than "
                + extension.get().freeBelowDays() + ", costs nothing");
    }

    private RuleViolation notInSchedule(FeeType type) {
        return new RuleViolation(Rule.FEE_NOT_IN_SCHEDULE, "no " + type + " fee may be charged on a "
                + terms.debtType() + " debt under " + terms.jurisdiction() + " law");
    }
}
