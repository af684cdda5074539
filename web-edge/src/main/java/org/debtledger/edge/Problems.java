package org.debtledger.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/** The problem+json answers both sides give: a type under {@code urn:debt-ledger:problem:}, a title, a detail. */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final ProblemType MALFORMED_REQUEST =
            new ProblemType(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request");
    public static final ProblemType UNAUTHENTICATED =
            new ProblemType(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required");
    public static final ProblemType FORBIDDEN =
            new ProblemType(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role");
    public static final ProblemType NOT_FOUND = new ProblemType(HttpStatus.NOT_FOUND, "not-found", "Not found");
    public static final ProblemType METHOD_NOT_ALLOWED =
            new ProblemType(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed");
    public static final ProblemType REQUEST_TOO_LARGE =
            new ProblemType(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type");
    public static final ProblemType TOO_MANY_FAILED_SIGN_INS =
            new ProblemType(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-sign-ins", "Too many failed sign-ins");
    public static final ProblemType INTERNAL_ERROR =
            new ProblemType(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error");
    public static final ProblemType DATABASE_UNAVAILABLE =
            new ProblemType(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable");

    /** What the edge answers for both sides. */
    public static final List<ProblemType> EDGE = List.of(MALFORMED_REQUEST, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND,
            METHOD_NOT_ALLOWED, REQUEST_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_FAILED_SIGN_INS, INTERNAL_ERROR,
            DATABASE_UNAVAILABLE);

    /** The type of a refusal by a rule, which names it: {@code rule:<NAME>}. */
    public static final String RULE_TYPE = "rule:";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:debt-ledger:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    /** A problem as the JSON text of {@code application/problem+json}, for answers written outside Spring MVC. */
    static String json(int status, String type, String title, String detail, String instance) {
        ObjectNode body = JSON.createObjectNode()
                .put("type", "urn:debt-ledger:problem:" + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 422: refused by {@code rule}, named in the type and in {@code rule}. */
    public static ProblemDetail refusedByRule(String rule, String detail) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, RULE_TYPE + rule, "Refused by rule " + rule,
                detail);
        problem.setProperty("rule", rule);
        return problem;
    }

    public static ProblemDetail tooLarge(RequestTooLarge e) {
        return REQUEST_TOO_LARGE.with(e.getMessage());
    }

    /** A body of a type the endpoint does not read: 415, naming the types it does. */
    public static ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        MediaType given = e.getContentType();
        String accepted = e.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        return UNSUPPORTED_MEDIA_TYPE.with((given == null ? "a body without a type" : "a body of type " + given.getType() + "/" + given.getSubtype())
                        + " is not read here; send " + accepted);
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
        return MALFORMED_REQUEST.with(StrictInput.describe(e));
    }
}
