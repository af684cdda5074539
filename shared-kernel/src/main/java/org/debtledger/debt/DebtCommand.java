package org.debtledger.debt;

/** Every command on a debt names the debt it is for. */
public interface DebtCommand {

    DebtId debtId();
}
