package org.debtledger.query.remittance;

import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;

import java.time.LocalDate;

/**
 * A line of a creditor's remittance, in minor units of its currency, signed: money that came in on a debt of the
 * creditor ({@code amountMinor}) and how it was allocated, the part that went to the debtor's credit
 * ({@code creditMinor}) included. A reversal's parts are the negatives of its payment's; a refund pays credit back,
 * so both its amount and its credit are negative and it collects nothing.
 *
 * @param position     the event's position in the store: the line's key
 * @param businessDate the day the line falls in a period
 * @param contractDate the day whose contract splits it: a payment's value date, also for its reversal
 */
public record RemittanceEntry(long position, String debtId, String creditorId, Kind kind, String paymentId,
                              LocalDate businessDate, LocalDate contractDate, String currency, long amountMinor,
                              long feesMinor, long interestMinor, long principalMinor, long creditMinor) {

    public enum Kind { PAYMENT, REVERSAL, REFUND }

    static RemittanceEntry of(long position, String debtId, String creditorId, Kind kind, String paymentId,
                              LocalDate businessDate, LocalDate contractDate, Money amount, Allocation allocation,
                              int sign) {
        return new RemittanceEntry(position, debtId, creditorId, kind, paymentId, businessDate, contractDate,
                amount.currency().getCurrencyCode(), sign * amount.minorUnits(),
                sign * allocation.fees().minorUnits(), sign * allocation.interest().minorUnits(),
                sign * allocation.principal().minorUnits(), sign * allocation.credit().minorUnits());
    }

    static RemittanceEntry refund(long position, String debtId, String creditorId, LocalDate date, Money amount) {
        return new RemittanceEntry(position, debtId, creditorId, Kind.REFUND, null, date, date,
                amount.currency().getCurrencyCode(), -amount.minorUnits(), 0, 0, 0, -amount.minorUnits());
    }

    /** What was collected on the claim: fees, interest and principal; what went to the debtor's credit is not. */
    public long collectedMinor() {
        return feesMinor + interestMinor + principalMinor;
    }
}
