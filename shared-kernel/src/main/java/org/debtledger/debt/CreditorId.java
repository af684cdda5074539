package org.debtledger.debt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies the creditor whose claim is collected. */
public record CreditorId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CreditorId {
        Identifier.requireValid(value, "creditorId");
    }

    @Override
    public String toString() {
        return value;
    }
}
