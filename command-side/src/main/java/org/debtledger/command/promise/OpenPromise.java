package org.debtledger.command.promise;

import org.debtledger.money.Money;
import org.debtledger.payment.PaymentId;
import org.debtledger.promise.PromiseToPayMade;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The debt's promise to pay not yet kept or broken, and the payments that count towards it so far: each by its id,
 * so that a payment reversed while the promise is open no longer counts.
 */
public record OpenPromise(int number, Money amount, LocalDate promisedFor, LocalDate countsThrough,
                          List<Counted> counted) {

    /** What of one payment reached the claim (its credit, paid beyond the balance, is owed back and not counted). */
    public record Counted(PaymentId paymentId, Money amount) {
    }

    public OpenPromise {
        counted = List.copyOf(counted);
    }

    public static OpenPromise made(PromiseToPayMade made) {
        return new OpenPromise(made.number(), made.amount(), made.promisedFor(), made.countsThrough(), List.of());
    }

    /** Whether a payment valued on {@code valueDate} counts towards the promise: on or before its last day. */
    public boolean counts(LocalDate valueDate) {
        return !valueDate.isAfter(countsThrough);
    }

    public OpenPromise paid(PaymentId paymentId, Money reachedTheClaim, LocalDate valueDate) {
        if (!counts(valueDate) || !reachedTheClaim.isPositive()) {
            return this;
        }
        List<Counted> more = new ArrayList<>(counted);
        more.add(new Counted(paymentId, reachedTheClaim));
        return new OpenPromise(number, amount, promisedFor, countsThrough, more);
    }

    public OpenPromise reversed(PaymentId paymentId) {
        return new OpenPromise(number, amount, promisedFor, countsThrough,
                counted.stream().filter(c -> !c.paymentId().equals(paymentId)).toList());
    }

    public Money arrived() {
        return counted.stream().map(Counted::amount).reduce(Money.zero(amount.currency()), Money::plus);
    }
}
