package org.debtledger.creditor;

import org.debtledger.debt.CreditorId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the agency knows of a creditor, folded from its events: the aggregate decides with it, the query side applies
 * its contracts. Immutable: an event gives a new one.
 *
 * @param contracts in order of the day each comes into force
 */
public record CreditorTerms(CreditorId creditorId, String name, Iban remittanceAccount, LocalDate registeredOn,
                            List<Contract> contracts) {

    /** What the agency keeps from {@code effectiveFrom} on, in basis points (hundredths of a percent). */
    public record Contract(LocalDate effectiveFrom, int interestShareBasisPoints, int principalCommissionBasisPoints) {
    }

    public CreditorTerms {
        contracts = List.copyOf(contracts);
    }

    public static CreditorTerms of(List<? extends CreditorEvent> events) {
        CreditorTerms terms = null;
        for (CreditorEvent event : events) {
            terms = terms == null ? registered((CreditorRegistered) event) : terms.after(event);
        }
        return terms;
    }

    public static CreditorTerms registered(CreditorRegistered registered) {
        return new CreditorTerms(registered.creditorId(), registered.name(), registered.remittanceAccount(),
                registered.date(), List.of());
    }

    public CreditorTerms after(CreditorEvent event) {
        if (event instanceof CreditorDetailsChanged changed) {
            return new CreditorTerms(creditorId, changed.name(), changed.remittanceAccount(), registeredOn, contracts);
        }
        if (event instanceof CreditorContractAgreed agreed) {
            List<Contract> more = new ArrayList<>(contracts);
            more.add(new Contract(agreed.effectiveFrom(), agreed.interestShareBasisPoints(),
                    agreed.principalCommissionBasisPoints()));
            return new CreditorTerms(creditorId, name, remittanceAccount, registeredOn, more);
        }
        return this;
    }

    /** The contract in force on {@code date}: the latest that came into force on or before it, if any. */
    public Optional<Contract> contractOn(LocalDate date) {
        Contract inForce = null;
        for (Contract contract : contracts) {
            if (!contract.effectiveFrom().isAfter(date)) {
                inForce = contract;
            }
        }
        return Optional.ofNullable(inForce);
    }

    /** The contract that comes into force last, if any. */
    public Optional<Contract> latest() {
        return contracts.isEmpty() ? Optional.empty() : Optional.of(contracts.get(contracts.size() - 1));
    }
}
