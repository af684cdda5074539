package org.debtledger.debt;

import java.util.List;

/** Every command on a debt names the debt it is for. */
public interface DebtCommand {

    DebtId debtId();

    /** Every business date the command carries, so that each can be held to the ledger's window of dates. */
    List<CommandDate> dates();
}
