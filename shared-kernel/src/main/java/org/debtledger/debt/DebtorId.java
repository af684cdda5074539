package org.debtledger.debt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The creditor's reference to the debtor. Never a name or a national identity number. */
public record DebtorId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DebtorId {
        Identifier.requireValid(value, "debtorId");
    }

    @Override
    public String toString() {
        return value;
    }
}
