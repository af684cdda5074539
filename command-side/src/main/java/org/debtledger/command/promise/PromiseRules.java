package org.debtledger.command.promise;

/**
 * How promises to pay work in a jurisdiction: how far ahead a promised day may be ({@code horizonDays} from the day
 * the promise is made), and how many days after it a payment still keeps it ({@code graceDays}: a payment made on
 * the day may reach the agency's account a banking day or two later).
 */
public record PromiseRules(int horizonDays, int graceDays) {

    public PromiseRules {
        if (horizonDays < 0 || graceDays < 0) {
            throw new IllegalArgumentException("a promise's horizonDays and graceDays must not be negative");
        }
    }
}
