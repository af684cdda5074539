package org.debtledger.debt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an advisor of the agency. */
public record AdvisorId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AdvisorId {
        Identifier.requireValid(value, "advisorId");
    }

    @Override
    public String toString() {
        return value;
    }
}
