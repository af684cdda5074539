package org.debtledger.query.selfservice;

import org.debtledger.debt.DebtType;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.fee.FeeType;
import org.debtledger.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The statement of a claim the Debt Collection Act (513/1999, section 4) gives the debtor: the claim, how each
 * interest posting was computed, each fee and its cap, each payment and what it paid, each correction, and what is
 * left by component. Folded from the debt's events by {@link ClaimStatementFold}; its totals are the debt view's
 * outstanding, to the cent.
 */
public record ClaimStatement(String debtId, Claim claim, List<InterestPosting> interest, List<Fee> fees,
                             List<Payment> payments, List<Correction> corrections, Totals totals) {

    /** What the claim is: whose, for which invoice and period, what for, due when, and its principal. */
    public record Claim(String creditorId, String invoiceReference, InvoicePeriod invoicePeriod, String description,
                        DebtType debtType, LocalDate originalDueDate, LocalDate dueDate, Money principal) {
    }

    /** Late interest posted on {@code postedOn} for the days {@code from} through {@code through}. */
    public record InterestPosting(LocalDate postedOn, LocalDate from, LocalDate through, Money amount,
                                  List<InterestPeriod> periods) {
    }

    /**
     * Days at one principal and one annual rate: the reference rate of the half years they fall in plus the law's
     * margin. Interest is rounded once, when posted, so {@code amount} is the posting's share for these days (the
     * posting split in proportion to principal × rate × days, the cents left over going to the largest remainders);
     * null where the posting cannot be split so.
     */
    public record InterestPeriod(LocalDate from, LocalDate through, int days, Money principal,
                                 String annualRatePercent, String referenceRatePercent, String marginPercent,
                                 List<String> halfYears, String rateSource, Money amount) {
    }

    /** A collection fee, the most the law allowed for it when charged, and what it was for. */
    public record Fee(LocalDate date, FeeType type, Money amount, Money cap, String description) {
    }

    /** A payment by its value date, what it paid, and whether it was reversed since. */
    public record Payment(String paymentId, LocalDate valueDate, Instant receivedAt, Money amount, Paid paid,
                          boolean reversed) {
    }

    /** What a payment paid, by component, and what it paid beyond the balance (credit owed back). */
    public record Paid(Money principal, Money interest, Money fees, Money credit) {
    }

    public enum CorrectionKind { REVERSAL, RESTATEMENT, ADJUSTMENT, REFUND, WRITE_OFF, RECALL }

    /** A change to the balance that is no fee, interest or payment; each amount is signed, negative where it fell. */
    public record Correction(LocalDate date, CorrectionKind kind, String paymentId, Money principal, Money interest,
                             Money fees, Money credit, String description) {
    }

    /**
     * By component: what was charged (the principal, the interest posted, the fees), paid, and changed by
     * corrections, and what is outstanding: charged less paid plus corrected.
     */
    public record Totals(Component principal, Component interest, Component fees, Component total, Money credit) {
    }

    public record Component(Money charged, Money paid, Money corrected, Money outstanding) {
    }
}
