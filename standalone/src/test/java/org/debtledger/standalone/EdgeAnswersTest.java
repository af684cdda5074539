package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.debtledger.standalone.Endpoints.ADVISOR;
import static org.debtledger.standalone.Endpoints.COMPLIANCE;
import static org.debtledger.standalone.Endpoints.CREDITOR;
import static org.debtledger.standalone.Endpoints.OPERATOR;

/**
 * The edges of the API answer like its middle: whatever refuses a request (Tomcat before any servlet, the
 * firewall, an unknown path or method, a parameter of the wrong form), the answer is problem+json, an unknown path
 * is unknown rather than forbidden, and the health probe ignores credentials.
 */
class EdgeAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDirectory;

    private static StandaloneLedger ledger;

    @BeforeAll
    static void start() {
        ledger = StandaloneLedger.start(dataDirectory);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    /** A request written by hand on a socket, so that nothing on the client's side mends or refuses its path. */
    private record Raw(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private static Raw raw(String method, String target, String user) {
        return rawAuthorized(method, target, user == null ? null : StandaloneLedger.basic(user));
    }

    private static Raw rawAuthorized(String method, String target, String authorization) {
        try (Socket socket = new Socket("127.0.0.1", ledger.port())) {
            socket.setSoTimeout(10_000);
            String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, split).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(split + 4);
            if ("chunked".equals(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static void assertProblem(Raw answer, String what) {
        assertThat(answer.status()).as(what + ": " + answer).isBetween(400, 499);
        assertThat(answer.headers().get("content-type")).as(what + ": " + answer).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).as(what).startsWith("urn:debt-ledger:problem:");
        assertThat(answer.json().path("status").asInt()).as(what).isEqualTo(answer.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/debts/a%2Fb", "/api/v1/debts/a%00b", "/api/v1/debts/a%5Cb",
            "/api/v1/debts/../admin/dead-letters", "/api/v1/debts/x;jsessionid=1", "/api/v1/debts/x%0d%0aSet-Cookie:%20a=b",
            "/api/v1/debts/%zz", "/api/v1/debts/x%3Bx"})
    void whatTheServerRefusesBeforeAnyEndpointIsProblemJson(String target) {
        assertProblem(raw("GET", target, ADVISOR), target);
        assertProblem(raw("GET", target, null), target + " without credentials");
    }

    @Test
    void traceIsRefusedAsProblemJson() {
        Raw answer = raw("TRACE", "/api/v1/debts/x", ADVISOR);
        assertThat(answer.status()).isEqualTo(405);
        assertProblem(answer, "TRACE");
    }

    @Test
    void anUnknownPathIsNotFoundAndAnUnservedMethodNotAllowedForWhoeverHasSignedIn() {
        Raw unknown = raw("GET", "/api/v1/admin/projections/status", OPERATOR);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertProblem(unknown, "unknown path");
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:debt-ledger:problem:not-found");
        assertThat(raw("GET", "/api/v1/nothing-here", ADVISOR).status()).isEqualTo(404);

        Raw unserved = raw("GET", "/api/v1/admin/projections/debts/rebuild", OPERATOR);
        assertThat(unserved.status()).as(unserved.toString()).isEqualTo(405);
        assertProblem(unserved, "unserved method");

        // an endpoint that exists, for another role, stays forbidden; nobody learns anything without signing in
        assertThat(raw("POST", "/api/v1/admin/projections/debts/rebuild", ADVISOR).status()).isEqualTo(403);
        assertThat(raw("GET", "/api/v1/nothing-here", null).status()).isEqualTo(401);
    }

    @Test
    void theHealthProbeAnswersTheSameWithAWrongPasswordAsWithout() {
        Raw without = raw("GET", "/actuator/health", null);
        StandaloneLedger.Answer wrong = ledger.as("intruder").get("/actuator/health");
        assertThat(without.status()).isEqualTo(200);
        assertThat(wrong.status()).isEqualTo(without.status());
        assertThat(wrong.response().body()).isEqualTo(without.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=9223372036854775807", "to=9223372036854775807", "from=%2B1000000000-01-01T00:00:00Z",
            "to=1e9", "from=2025-02-30T00:00:00Z", "limit=99999999999"})
    void anAccessLogParameterOfTheWrongFormIsRefusedSayingTheForm(String parameter) {
        StandaloneLedger.Answer answer = ledger.as(COMPLIANCE).get("/api/v1/access-log?" + parameter);
        assertThat(answer.status()).as(parameter + " -> " + answer).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asText()).as(parameter).contains(parameter.substring(0, parameter.indexOf('=')));
    }

    @Test
    void anInstantInItsIsoFormIsTaken() {
        StandaloneLedger.Answer answer = ledger.as(COMPLIANCE)
                .get("/api/v1/access-log?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00%2B02:00");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(ledger.as(COMPLIANCE).get("/api/v1/debts/x/history?asOf=9223372036854775807").status())
                .isEqualTo(400);
        StandaloneLedger.Answer payoff = ledger.as(ADVISOR).get("/api/v1/debtors/d-1/balance?payoffDate=%2B999999999-12-31");
        assertThat(payoff.status()).as(payoff.toString()).isEqualTo(400);
        assertThat(payoff.json().path("detail").asText()).isEqualTo("payoffDate must be an ISO-8601 date such as 2025-03-05");
    }

    @Test
    void failedSignInsAreSlowedDownAndTheAnswerSaysWhenToTryAgain() {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("acme:not-the-password".getBytes(StandardCharsets.UTF_8));
        String path = "/api/v1/events?after=0&limit=1";
        for (int i = 0; i <= 5; i++) {
            assertThat(rawAuthorized("GET", path, wrong).status()).as("failure " + (i + 1)).isEqualTo(401);
        }
        Raw throttled = raw("GET", path, CREDITOR);
        assertThat(throttled.status()).as("even the right password waits: " + throttled).isEqualTo(429);
        assertProblem(throttled, "throttled");
        assertThat(Integer.parseInt(throttled.headers().get("retry-after"))).isBetween(1, 2);
        assertThat(raw("GET", path, COMPLIANCE).status()).as("another user signs in as before").isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> raw("GET", path, CREDITOR).status() == 200);
        assertThat(rawAuthorized("GET", path, wrong).status()).as("its count was cleared by the success").isEqualTo(401);
    }
}
