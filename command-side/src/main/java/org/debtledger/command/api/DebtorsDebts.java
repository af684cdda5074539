package org.debtledger.command.api;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.debtledger.command.debt.Debt;
import org.debtledger.command.debt.ReadOnlyDebts;
import org.debtledger.debt.DebtId;
import org.debtledger.edge.Caller;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * The debts a person signed in as a debtor may act on: those owed under a debtor reference their sign-in names. Any
 * other debt is unknown to them, answered exactly as a debt never registered, so that they learn nothing of it.
 */
@Component
public class DebtorsDebts {

    private final ReadOnlyDebts debts;

    DebtorsDebts(ReadOnlyDebts debts) {
        this.debts = debts;
    }

    /** The debtor reference the debt is owed under, when it is the caller's. */
    public String requireOwn(DebtId debtId) {
        return ask(debtId, debt -> debt.debtorId().value());
    }

    /** The caller's debt asked {@code question}, storing nothing. */
    public <T> T ask(DebtId debtId, Function<Debt, T> question) {
        return debts.ask(debtId, debt -> {
            if (!Caller.current().isDebtor(debt.debtorId().value())) {
                throw unknown(debtId);
            }
            return question.apply(debt);
        });
    }

    /** The refusal of an unknown debt, as the repository gives it for one never registered. */
    private static AggregateNotFoundException unknown(DebtId debtId) {
        return new AggregateNotFoundException(debtId.value(), "The aggregate was not found in the event store");
    }
}
