package org.debtledger.creditor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.debtledger.debt.CreditorId;

import java.time.LocalDate;

/**
 * Registers a creditor, or, when it is registered, sets its name and remittance account (as typed: the account is
 * checked by the creditor's rules). The same details sent again change nothing.
 */
public record RegisterCreditor(CreditorId creditorId, String name, String remittanceAccount, LocalDate date) {

    @TargetAggregateIdentifier
    public String aggregateIdentifier() {
        return CreditorStream.aggregateIdentifier(creditorId);
    }
}
