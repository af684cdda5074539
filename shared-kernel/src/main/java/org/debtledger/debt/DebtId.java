package org.debtledger.debt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one debt: the aggregate's identifier. Given by the caller or generated at the API edge. */
public record DebtId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DebtId {
        Identifier.requireValid(value, "debtId");
    }

    @Override
    public String toString() {
        return value;
    }
}
