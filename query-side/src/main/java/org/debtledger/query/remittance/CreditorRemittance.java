package org.debtledger.query.remittance;

import java.time.LocalDate;
import java.util.List;

/**
 * A creditor's remittance for a period: a page of its lines in date and position order, and the totals of the
 * whole period by currency. Amounts are decimal strings in the currency of their line or total.
 */
public record CreditorRemittance(String creditorId, String name, String remittanceAccount, LocalDate from,
                                 LocalDate to, List<Line> lines, List<Total> totals, int page, int size,
                                 boolean more) {

    /**
     * A payment, reversal or refund: the money that moved ({@code amount}), how it was allocated, what it collected on
     * the claim, the agency's part of that (the fees, its interest share, its commission) and the creditor's.
     *
     * @param contractFrom the day the contract that split it came into force; null when none was
     */
    public record Line(LocalDate date, String kind, String debtId, String paymentId, String currency, String amount,
                       String fees, String interest, String principal, String credit, String collected,
                       String feesKept, String interestKept, String commission, String kept, String remitted,
                       LocalDate contractFrom, long position) {
    }

    /** The period's lines in one currency, summed: collected = kept + remitted, amount = collected + credit. */
    public record Total(String currency, long lines, String amount, String fees, String interest, String principal,
                        String credit, String collected, String feesKept, String interestKept, String commission,
                        String kept, String remitted) {
    }
}
