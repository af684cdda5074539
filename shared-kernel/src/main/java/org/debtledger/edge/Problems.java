package org.debtledger.edge;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.net.URI;

/** The problem+json answers both sides give: a type under {@code urn:debt-ledger:problem:}, a title, a detail. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:debt-ledger:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail tooLarge(RequestTooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large", e.getMessage());
    }

    /**
     * A body that could not be read: 413 when it was over its limit (counted as it was read, no length being
     * declared), else 400 saying what is wrong in the caller's terms, without the parser's internals.
     */
    public static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof RequestTooLarge tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", StrictInput.describe(e));
    }
}
