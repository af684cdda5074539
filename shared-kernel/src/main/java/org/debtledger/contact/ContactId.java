package org.debtledger.contact;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.debtledger.debt.Identifier;

/** One contact with a debtor: named by the caller or the API edge, so that its note can be filed under it. */
public record ContactId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ContactId {
        Identifier.requireValid(value, "contactId");
    }

    @Override
    public String toString() {
        return value;
    }
}
