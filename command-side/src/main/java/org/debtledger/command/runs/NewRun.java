package org.debtledger.command.runs;

import java.time.LocalDate;

/** A run about to begin: close of business for a date, or a bank file of so many bytes, and who started it. */
public record NewRun(RunKind kind, LocalDate businessDate, String fileName, Long fileBytes, String startedBy) {

    public static NewRun closeOfBusiness(LocalDate businessDate, String startedBy) {
        return new NewRun(RunKind.CLOSE_OF_BUSINESS, businessDate, null, null, startedBy);
    }

    /** {@code fileName} is null when the request did not name the file. */
    public static NewRun bankFile(String fileName, long fileBytes, String startedBy) {
        return new NewRun(RunKind.BANK_FILE, null, fileName, fileBytes, startedBy);
    }
}
