package org.debtledger.edge;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A kind of refusal: its status, its type (under {@code urn:debt-ledger:problem:}) and its title. Declared once, so
 * the answer and the API's description say the same.
 */
public record ProblemType(HttpStatus status, String type, String title) {

    public ProblemDetail with(String detail) {
        return Problems.problem(status, type, title, detail);
    }
}
