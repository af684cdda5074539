package org.debtledger.creditor;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.CreditorId;

import java.time.LocalDate;

/**
 * A contract with the creditor says what the agency keeps of what it collects from {@code effectiveFrom} on (until a
 * later contract): collection fees always, {@code interestShareBasisPoints} of the interest and
 * {@code principalCommissionBasisPoints} of the principal (0 for none), in hundredths of a percent.
 */
@Revision("1")
public record CreditorContractAgreed(CreditorId creditorId, LocalDate effectiveFrom, int interestShareBasisPoints,
                                     int principalCommissionBasisPoints, LocalDate date) implements CreditorEvent {
}
