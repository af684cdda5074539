package org.debtledger.command.plan;

import org.debtledger.command.debt.ReadOnlyDebts;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.debt.DebtId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Asks a debt what a plan would take, without a command: the debt is loaded, asked, and nothing is stored. */
@Component
public class PlanQuotes {

    private final ReadOnlyDebts debts;
    private final CollectionPolicy policy;

    PlanQuotes(ReadOnlyDebts debts, CollectionPolicy policy) {
        this.debts = debts;
        this.policy = policy;
    }

    public PlanQuote quote(DebtId debtId, int instalments, LocalDate date) {
        return debts.ask(debtId, debt -> debt.quotePlan(instalments, date, policy));
    }
}
