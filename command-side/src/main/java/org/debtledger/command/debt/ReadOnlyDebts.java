package org.debtledger.command.debt;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.debtledger.debt.DebtId;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Asks a debt a question without a command: the debt is loaded, asked, and the unit of work rolled back, so nothing
 * is stored. An unknown debt is an {@link org.axonframework.modelling.command.AggregateNotFoundException}.
 */
@Component
public class ReadOnlyDebts {

    private final Repository<Debt> debts;

    ReadOnlyDebts(Repository<Debt> debts) {
        this.debts = debts;
    }

    public <T> T ask(DebtId debtId, Function<Debt, T> question) {
        UnitOfWork<?> reading = DefaultUnitOfWork.startAndGet(null);
        try {
            return debts.load(debtId.value()).invoke(question);
        } finally {
            reading.rollback();
        }
    }
}
