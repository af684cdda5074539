package org.debtledger.creditor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.CreditorId;

import java.time.LocalDate;

/** Records a contract with a registered creditor, in force from {@code effectiveFrom}; shares in basis points. */
public record AgreeCreditorContract(CreditorId creditorId, LocalDate effectiveFrom, int interestShareBasisPoints,
                                    int principalCommissionBasisPoints, LocalDate date) {

    @TargetAggregateIdentifier
    public String aggregateIdentifier() {
        return CreditorStream.aggregateIdentifier(creditorId);
    }
}
