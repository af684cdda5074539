package org.debtledger.command.bankfile;

import java.util.List;

/** The file breaks a {@link FileRule} on one line or more, so none of it was applied. Answered with 400. */
public class MalformedBankFile extends RuntimeException {

    /** One line's first problem. Line 1 is the header. */
    public record Problem(int line, FileRule rule, String detail) {
    }

    private final List<Problem> problems;

    MalformedBankFile(List<Problem> problems) {
        super("line " + problems.get(0).line() + ": " + problems.get(0).detail());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
