package org.debtledger.query.remittance;

import org.debtledger.creditor.CreditorTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds a creditor's remittance from its lines of a period, in order: each line split by the contract in force on
 * its contract date, the totals of every line by currency, and the lines of the page asked for.
 */
final class RemittanceStatement {

    private final CreditorTerms terms;
    private final LocalDate from;
    private final LocalDate to;
    private final int page;
    private final int size;
    private final List<CreditorRemittance.Line> lines = new ArrayList<>();
    private final Map<String, Sums> sums = new TreeMap<>();
    private long seen;

    RemittanceStatement(CreditorTerms terms, LocalDate from, LocalDate to, int page, int size) {
        this.terms = terms;
        this.from = from;
        this.to = to;
        this.page = page;
        this.size = size;
    }

    /** Minor units summed in one currency. */
    static final class Sums {
        long lines;
        long amount;
        long fees;
        long interest;
        long principal;
        long credit;
        long collected;
        long feesKept;
        long interestKept;
        long commission;
        long kept;
        long remitted;
    }

    void add(RemittanceEntry entry) {
        Optional<CreditorTerms.Contract> contract = terms.contractOn(entry.contractDate());
        RemittanceSplit split = RemittanceSplit.of(entry, contract);
        Sums sum = sums.computeIfAbsent(entry.currency(), currency -> new Sums());
        sum.lines++;
        sum.amount = Math.addExact(sum.amount, entry.amountMinor());
        sum.fees = Math.addExact(sum.fees, entry.feesMinor());
        sum.interest = Math.addExact(sum.interest, entry.interestMinor());
        sum.principal = Math.addExact(sum.principal, entry.principalMinor());
        sum.credit = Math.addExact(sum.credit, entry.creditMinor());
        sum.collected = Math.addExact(sum.collected, split.collectedMinor());
        sum.feesKept = Math.addExact(sum.feesKept, split.feesKeptMinor());
        sum.interestKept = Math.addExact(sum.interestKept, split.interestKeptMinor());
        sum.commission = Math.addExact(sum.commission, split.commissionMinor());
        sum.kept = Math.addExact(sum.kept, split.keptMinor());
        sum.remitted = Math.addExact(sum.remitted, split.remittedMinor());
        long index = seen++;
        if (index >= (long) page * size && index < (long) (page + 1) * size) {
            String c = entry.currency();
            lines.add(new CreditorRemittance.Line(entry.businessDate(), entry.kind().name(), entry.debtId(),
                    entry.paymentId(), c, decimal(entry.amountMinor(), c), decimal(entry.feesMinor(), c),
                    decimal(entry.interestMinor(), c), decimal(entry.principalMinor(), c),
                    decimal(entry.creditMinor(), c), decimal(split.collectedMinor(), c),
                    decimal(split.feesKeptMinor(), c), decimal(split.interestKeptMinor(), c),
                    decimal(split.commissionMinor(), c), decimal(split.keptMinor(), c),
                    decimal(split.remittedMinor(), c),
                    contract.map(CreditorTerms.Contract::effectiveFrom).orElse(null), entry.position()));
        }
    }

    /** The sums by currency, in minor units. */
    Map<String, Sums> sums() {
        return sums;
    }

    CreditorRemittance answer() {
        List<CreditorRemittance.Total> totals = new ArrayList<>();
        sums.forEach((c, sum) -> totals.add(new CreditorRemittance.Total(c, sum.lines, decimal(sum.amount, c),
                decimal(sum.fees, c), decimal(sum.interest, c), decimal(sum.principal, c), decimal(sum.credit, c),
                decimal(sum.collected, c), decimal(sum.feesKept, c), decimal(sum.interestKept, c),
                decimal(sum.commission, c), decimal(sum.kept, c), decimal(sum.remitted, c))));
        return new CreditorRemittance(terms.creditorId().value(), terms.name(), terms.remittanceAccount().value(),
                from, to, List.copyOf(lines), totals, page, size, seen > (long) (page + 1) * size);
    }

    static String decimal(long minor, String currency) {
        return BigDecimal.valueOf(minor, Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString();
    }
}
