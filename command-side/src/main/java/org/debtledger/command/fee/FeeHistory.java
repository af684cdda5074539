package org.debtledger.command.fee;

import org.debtledger.fee.FeeCharged;

import java.time.LocalDate;

/** What the fee rules need to remember: how many demands and plans were charged for, and the last letter's date. */
public record FeeHistory(int demandsCharged, int plansCharged, LocalDate lastLetter) {

    public static final FeeHistory NONE = new FeeHistory(0, 0, null);

    public FeeHistory charged(FeeCharged fee) {
        return switch (fee.type()) {
            case REMINDER -> new FeeHistory(demandsCharged, plansCharged, fee.date());
            case DEMAND -> new FeeHistory(demandsCharged + 1, plansCharged, fee.date());
            case PAYMENT_PLAN -> new FeeHistory(demandsCharged, plansCharged + 1, lastLetter);
            case DUE_DATE_EXTENSION -> this;
        };
    }
}
