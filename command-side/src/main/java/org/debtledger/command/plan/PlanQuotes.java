package org.debtledger.command.plan;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.debtledger.command.debt.Debt;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.debt.DebtId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Asks a debt what a plan would take, without a command: the debt is loaded, asked, and nothing is stored. */
@Component
public class PlanQuotes {

    private final Repository<Debt> debts;
    private final CollectionPolicy policy;

    PlanQuotes(Repository<Debt> debts, CollectionPolicy policy) {
        this.debts = debts;
        this.policy = policy;
    }

    public PlanQuote quote(DebtId debtId, int instalments, LocalDate date) {
        UnitOfWork<?> reading = DefaultUnitOfWork.startAndGet(null);
        try {
            return debts.load(debtId.value()).invoke(debt -> debt.quotePlan(instalments, date, policy));
        } finally {
            reading.rollback();
        }
    }
}
