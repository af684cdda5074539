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
import java.util.stream.Collectors;

/** The problem+json answers both sides give: a type under {@code urn:debt-ledger:problem:}, a title, a detail. */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    public static ProblemDetail tooLarge(RequestTooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large", e.getMessage());
    }

    /** A body of a type the endpoint does not read: 415, naming the types it does. */
    public static ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        MediaType given = e.getContentType();
        String accepted = e.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                (given == null ? "a body without a type" : "a body of type " + given.getType() + "/" + given.getSubtype())
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
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", StrictInput.describe(e));
    }
}
