package org.debtledger.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.debtledger.debt.Identifier;

/** The payment's own reference (the bank's reference): recording it twice applies it once. */
public record PaymentId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PaymentId {
        Identifier.requireValid(value, "paymentId");
    }

    @Override
    public String toString() {
        return value;
    }
}
