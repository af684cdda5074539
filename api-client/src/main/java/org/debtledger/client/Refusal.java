package org.debtledger.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.InputStream;

/**
 * The API refused a request: its status, and in plain words what it said (the problem's detail, or its title), and
 * the rule it named, if any; the kind of problem (the last part of its type) and, when the API asks the caller to
 * wait, how many seconds. A page shows it where the person acted.
 */
public class Refusal extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MOST_BYTES = 64 * 1024;

    private final int status;
    private final String rule;
    private final String kind;
    private final long retryAfterSeconds;
    private final transient JsonNode problem;

    public Refusal(int status, String message, String rule) {
        this(status, message, rule, null, 0, null);
    }

    private Refusal(int status, String message, String rule, String kind, long retryAfterSeconds, JsonNode problem) {
        super(message);
        this.status = status;
        this.rule = rule;
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
        this.problem = problem;
    }

    static Refusal read(int status, HttpHeaders headers, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MOST_BYTES);
        long retryAfter = seconds(headers.getFirst(HttpHeaders.RETRY_AFTER));
        try {
            JsonNode problem = JSON.readTree(bytes);
            if (problem == null || !problem.isObject()) {
                return new Refusal(status, "the ledger answered " + status, null, null, retryAfter, null);
            }
            String detail = problem.path("detail").asText(problem.path("title").asText(""));
            String rule = problem.path("rule").asText(null);
            String type = problem.path("type").asText("");
            String kind = type.isBlank() ? null
                    : type.substring(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1);
            return new Refusal(status, detail.isBlank() ? "the ledger answered " + status : detail, rule, kind,
                    retryAfter, problem);
        } catch (IOException notJson) {
            return new Refusal(status, "the ledger answered " + status, null, null, retryAfter, null);
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return retryAfter == null ? 0 : Math.max(0, Long.parseLong(retryAfter.strip()));
        } catch (NumberFormatException aDate) {
            return 0;
        }
    }

    public int status() {
        return status;
    }

    /** The rule that refused it, or null. */
    public String rule() {
        return rule;
    }

    /** The kind of problem, the last part of its type ({@code access-code-expired} of
     * {@code urn:debt-ledger:problem:access-code-expired}), or null. */
    public String kind() {
        return kind;
    }

    /** Seconds the API asked the caller to wait before trying again ({@code Retry-After}), or 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Another property of the problem, as text ({@code shortBy}), or null when it has none. */
    public String property(String name) {
        if (problem == null || !problem.hasNonNull(name)) {
            return null;
        }
        JsonNode value = problem.get(name);
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The problem's property as a JSON tree (a money amount), or null. */
    public JsonNode tree(String name) {
        return problem == null ? null : problem.get(name);
    }
}
