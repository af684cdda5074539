package org.debtledger.command.payment;

import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.debt.Balance;
import org.debtledger.debt.DebtId;
import org.debtledger.interest.ReferenceRates;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.RecordPayment;
import org.debtledger.payment.ValueDateOrder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fact dated before interest already posted (a payment with an earlier value date, a month-end close of business
 * run late): the balance is restated to what the debt's facts in value-date order give, so that the order in which
 * they arrived changes nothing to the cent.
 *
 * @param factsSoFar the debt's facts about its money so far, from its events
 */
public record ValueDateRestatement(DebtId debtId, ValueDateOrder order, ValueDateOrder.Claim claim,
                                   List<ValueDateOrder.Fact> factsSoFar) {

    /** The restatement a back-valued payment brings, and the payment allocated as it would have been on its date. */
    public record Restated(BalanceRestated event, Allocation allocation) {
    }

    /**
     * Interest posted since the payment's value date is re-rated on what it left, and later payments are allocated
     * again.
     */
    public Restated payment(RecordPayment command) {
        ValueDateOrder.Outcome before = outcome(factsSoFar);
        ValueDateOrder.Outcome after = outcome(with(new ValueDateOrder.Paid(command.valueDate(), command.paymentId(),
                command.amount())));
        Allocation allocation = after.allocations().get(command.paymentId());
        // the payment's own share goes back in first, so that no part of the balance shows below zero in between
        Balance change = after.balanceChangeFrom(before);
        return new Restated(new BalanceRestated(debtId, command.paymentId(), change.fees().plus(allocation.fees()),
                change.interest().plus(allocation.interest()), change.principal().plus(allocation.principal()),
                after.credit().minus(before.credit()).minus(allocation.credit()), command.valueDate()), allocation);
    }

    /** Month-end interest for a date later interest has already passed: restated as of its date, once. */
    public Optional<BalanceRestated> lateClose(LocalDate date) {
        if (factsSoFar.contains(new ValueDateOrder.Posted(date))) {
            return Optional.empty();
        }
        ValueDateOrder.Outcome before = outcome(factsSoFar);
        ValueDateOrder.Outcome after = outcome(with(new ValueDateOrder.Posted(date)));
        Balance change = after.balanceChangeFrom(before);
        return Optional.of(new BalanceRestated(debtId, null, change.fees(), change.interest(), change.principal(),
                after.credit().minus(before.credit()), date));
    }

    private List<ValueDateOrder.Fact> with(ValueDateOrder.Fact fact) {
        List<ValueDateOrder.Fact> facts = new ArrayList<>(factsSoFar);
        facts.add(fact);
        return facts;
    }

    private ValueDateOrder.Outcome outcome(List<ValueDateOrder.Fact> facts) {
        try {
            return order.of(claim, facts);
        } catch (ReferenceRates.NoReferenceRate e) {
            throw new RuleViolation(Rule.REFERENCE_RATE_UNKNOWN, e.getMessage());
        }
    }
}
