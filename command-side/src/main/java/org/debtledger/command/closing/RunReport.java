package org.debtledger.command.closing;

import java.time.LocalDate;
import java.util.List;

/** What a close-of-business run did: how many debts it closed the day for, and which it could not, and why. */
public record RunReport(LocalDate businessDate, String status, int debtsProcessed, int debtsFailed,
                        List<Failure> failures) {

    public record Failure(String debtId, String rule, String detail) {
    }
}
