package org.debtledger.query.remittance;

import org.debtledger.creditor.CreditorTerms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What the agency keeps of a line and what it owes the creditor, by the contract in force on the line's contract
 * date: every fee, the contract's share of the interest and its commission on the principal, each rounded half to
 * even to the minor unit, line by line; the creditor is owed the rest of what was collected, so kept + remitted is
 * what was collected, exactly. With no contract in force the agency keeps the fees and remits the rest. Rounding is
 * symmetric, so a reversal takes back exactly what its payment kept.
 */
public record RemittanceSplit(long collectedMinor, long feesKeptMinor, long interestKeptMinor,
                              long commissionMinor, long keptMinor, long remittedMinor) {

    private static final BigDecimal BASIS = BigDecimal.valueOf(10_000);

    static RemittanceSplit of(RemittanceEntry entry, Optional<CreditorTerms.Contract> contract) {
        int interestShare = contract.map(CreditorTerms.Contract::interestShareBasisPoints).orElse(0);
        int commission = contract.map(CreditorTerms.Contract::principalCommissionBasisPoints).orElse(0);
        long fees = entry.feesMinor();
        long interest = share(entry.interestMinor(), interestShare);
        long onPrincipal = share(entry.principalMinor(), commission);
        long kept = fees + interest + onPrincipal;
        return new RemittanceSplit(entry.collectedMinor(), fees, interest, onPrincipal, kept,
                entry.collectedMinor() - kept);
    }

    static long share(long minor, int basisPoints) {
        return BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BASIS, 0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
