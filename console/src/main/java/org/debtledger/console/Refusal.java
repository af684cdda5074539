package org.debtledger.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/**
 * The API refused a request: its status, and in plain words what it said (the problem's detail, or its title), and
 * the rule it named, if any. The console shows it on the page where the person acted.
 */
public class Refusal extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MOST_BYTES = 64 * 1024;

    private final int status;
    private final String rule;

    Refusal(int status, String message, String rule) {
        super(message);
        this.status = status;
        this.rule = rule;
    }

    static Refusal read(int status, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MOST_BYTES);
        try {
            JsonNode problem = JSON.readTree(bytes);
            String detail = problem.path("detail").asText(problem.path("title").asText(""));
            String rule = problem.path("rule").asText(null);
            return new Refusal(status, detail.isBlank() ? "the ledger answered " + status : detail, rule);
        } catch (IOException notJson) {
            return new Refusal(status, "the ledger answered " + status, null);
        }
    }

    public int status() {
        return status;
    }

    /** The rule that refused it, or null. */
    public String rule() {
        return rule;
    }
}
