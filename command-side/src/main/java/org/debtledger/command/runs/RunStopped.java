package org.debtledger.command.runs;

/** A run was cut off because the ledger is stopping; what it did stays done, and running it again carries on. */
public class RunStopped extends RuntimeException {

    public RunStopped(String what) {
        super(what + " was stopped because the ledger is stopping");
    }
}
