package org.debtledger.command.creditor;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.debtledger.creditor.AgreeCreditorContract;
import org.debtledger.creditor.CreditorContractAgreed;
import org.debtledger.creditor.CreditorDetailsChanged;
import org.debtledger.creditor.CreditorEvent;
import org.debtledger.creditor.CreditorRegistered;
import org.debtledger.creditor.CreditorStream;
import org.debtledger.creditor.CreditorTerms;
import org.debtledger.creditor.Iban;
import org.debtledger.creditor.RegisterCreditor;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A creditor whose claims the agency collects: its name, the account its share is remitted to, and its contracts,
 * each in force from its date until the next. The command handlers decide by the {@link CreditorRule}s; the
 * event-sourcing handler only folds what the events say ({@link CreditorTerms}).
 */
@Aggregate
public class Creditor {

    private static final int WHOLE = 10_000;

    @AggregateIdentifier
    private String aggregateIdentifier;
    private CreditorTerms terms;

    protected Creditor() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterCreditor command) {
        if (!Iban.isValid(command.remittanceAccount())) {
            throw new CreditorRefused(CreditorRule.REMITTANCE_ACCOUNT_NOT_AN_IBAN,
                    "remittanceAccount is not an IBAN whose check digits match");
        }
        Iban account = Iban.parse(command.remittanceAccount());
        if (terms == null) {
            apply(new CreditorRegistered(command.creditorId(), command.name(), account, command.date()));
        } else if (!terms.name().equals(command.name()) || !terms.remittanceAccount().equals(account)) {
            apply(new CreditorDetailsChanged(command.creditorId(), command.name(), account, command.date()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AgreeCreditorContract command) {
        if (terms == null) {
            // a creditor made here would not be stored: nothing was applied
            throw new CreditorRefused(CreditorRule.CREDITOR_UNKNOWN,
                    "no creditor " + command.creditorId() + " is registered; register it first");
        }
        if (outOfRange(command.interestShareBasisPoints()) || outOfRange(command.principalCommissionBasisPoints())) {
            throw new CreditorRefused(CreditorRule.CONTRACT_SHARE_OUT_OF_RANGE,
                    "interestShare and principalCommission are each from 0 to 100 percent");
        }
        terms.latest().filter(latest -> !command.effectiveFrom().isAfter(latest.effectiveFrom()))
                .ifPresent(latest -> {
                    throw new CreditorRefused(CreditorRule.CONTRACT_NOT_AFTER_LATEST, "a contract in force from "
                            + latest.effectiveFrom() + " is recorded; a new one comes into force after it");
                });
        apply(new CreditorContractAgreed(command.creditorId(), command.effectiveFrom(),
                command.interestShareBasisPoints(), command.principalCommissionBasisPoints(), command.date()));
    }

    private static boolean outOfRange(int basisPoints) {
        return basisPoints < 0 || basisPoints > WHOLE;
    }

    @EventSourcingHandler
    void on(CreditorEvent event) {
        if (event instanceof CreditorRegistered registered) {
            aggregateIdentifier = CreditorStream.aggregateIdentifier(registered.creditorId());
            terms = CreditorTerms.registered(registered);
        } else {
            terms = terms.after(event);
        }
    }
}
