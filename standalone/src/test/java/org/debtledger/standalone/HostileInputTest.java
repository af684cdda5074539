package org.debtledger.standalone;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of malformed and adversarial requests to every endpoint, each as a user allowed to call it: broken
 * and loose JSON, wrong types, hostile ids and parameters, bad headers. None may get a 5xx, write an event, change a
 * reference rate, or show a stack trace, a class name or SQL.
 */
class HostileInputTest {

    private static final Pattern FIELD_VALUE = Pattern.compile("\"(\\w+)\": (\"[^\"]*\"|\\{[^{}]*}|\\[.*?]|\\w+)",
            Pattern.DOTALL);
    private static final Pattern ISO_DATE = Pattern.compile("\"\\d{4}-\\d{2}-\\d{2}\"");
    /** Dates the ledger must refuse: outside its window, or not in the one form it takes. */
    private static final List<String> HOSTILE_DATES = List.of("+999999999-12-31", "-999999999-01-01", "9999-12-31",
            "0000-01-01", "1970-01-01", "1999-12-31", "2999-01-01", "2025-03-05T10:00:00Z", "20250305", "2025-3-5",
            "", " ", "\\u0000", "2025-02-29", "+2025-03-05", "2025-03-05 ");
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |\\bat org\\.|org\\.postgresql|PSQL|SQLState|org\\.springframework|tools\\.jackson"
                    + "|com\\.fasterxml|org\\.axonframework|org\\.debtledger|java\\.lang|ERROR:|Caused by");

    private static Path dataDirectory;
    private static StandaloneLedger ledger;
    private static String debtId;
    private static final String DEBTOR = "d-" + UUID.randomUUID();

    @BeforeContainer
    static void start() throws IOException {
        dataDirectory = Files.createTempDirectory("hostile-input");
        ledger = StandaloneLedger.start(dataDirectory);
        debtId = "debt-" + UUID.randomUUID();
        StandaloneLedger.Answer registered = ledger.post("/api/v1/debts", Endpoints.REGISTRATION
                .replace("{newDebtId}", debtId).replace("{debtorId}", DEBTOR));
        assertThat(registered.status()).isEqualTo(201);
    }

    @AfterContainer
    static void stop() throws IOException {
        ledger.close();
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    record Hostile(String method, String path, String body, String user, List<String> headers) {
    }

    @Property(tries = 10_000, shrinking = ShrinkingMode.BOUNDED)
    void noHostileRequestGetsA5xxWritesAnEventOrLeaksInternals(@ForAll("hostile") Hostile request) {
        long events = events();
        long rates = referenceRates();
        // bounded: a request that hangs fails the property instead of holding the run
        StandaloneLedger.Answer answer = ledger.as(request.user()).within(Duration.ofSeconds(10)).send(
                request.method(), request.path(), request.body(), request.headers().toArray(String[]::new));
        String body = answer.response().body();
        Statistics.label("answer").collect(answer.status());
        assertThat(answer.status()).as(request + " -> " + answer).isBetween(200, 499);
        assertThat(LEAK.matcher(body).find()).as(request + " leaks: " + body).isFalse();
        assertThat(events()).as(request + " wrote an event: " + answer).isEqualTo(events);
        assertThat(referenceRates()).as(request + " changed a reference rate: " + answer).isEqualTo(rates);
    }

    @Example
    void aBodyOfATypeAnEndpointDoesNotReadIsRefusedNamingTheTypesItDoes() {
        for (Endpoints.Endpoint endpoint : Endpoints.ALL) {
            if (endpoint.validBody() == null || endpoint.validBody().isEmpty()) {
                continue;
            }
            long events = events();
            String body = endpoint.validBody().replace("{newDebtId}", "debt-" + UUID.randomUUID())
                    .replace("{debtorId}", DEBTOR).replace("{paymentId}", "RF-typed");
            String otherType = endpoint.csv() ? "application/json" : "text/plain";
            StandaloneLedger.Answer answer = ledger.as(endpoint.allowed().iterator().next().replace("{debtorId}", DEBTOR))
                    .send(endpoint.method(),
                    endpoint.pathFor(debtId, DEBTOR, "RF-typed").replace("{name}", "debts").replace("{id}", "0"), body,
                    "Content-Type", otherType);
            assertThat(answer.status()).as(endpoint + " -> " + answer).isEqualTo(415);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().path("type").asText()).isEqualTo("urn:debt-ledger:problem:unsupported-media-type");
            assertThat(answer.json().path("detail").asText()).as(endpoint.path())
                    .contains(otherType).contains(endpoint.csv() ? "text/csv" : "application/json");
            assertThat(events()).as(endpoint + " wrote an event").isEqualTo(events);
        }
    }

    private static long events() {
        return ledger.database.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    /** Rows are only ever added to the reference rates, so a change of any kind shows in their count. */
    private static long referenceRates() {
        return ledger.database.sql("SELECT count(*) FROM reference_rate").query(Long.class).single();
    }

    @Provide
    Arbitrary<Hostile> hostile() {
        // the metrics scrape takes no input, and names for operators the types of the exceptions the ledger met
        List<Endpoints.Endpoint> endpoints = Endpoints.ALL.stream()
                .filter(endpoint -> !endpoint.stream() && !endpoint.path().startsWith("/actuator/")).toList();
        return Combinators.combine(Arbitraries.of(endpoints), Arbitraries.integers().between(0, 11), hostileText(),
                        Arbitraries.integers().between(0, 1000), hostileHeaders())
                .as(HostileInputTest::request);
    }

    /**
     * One endpoint spoiled one way. A body is spoiled while the ids are real; ids and parameters are made hostile
     * while the body stays valid, so that every request is one the ledger must refuse.
     */
    private static Hostile request(Endpoints.Endpoint endpoint, int kind, String text, int number,
                                   List<String> headers) {
        String user = endpoint.allowed().iterator().next().replace("{debtorId}", DEBTOR);
        boolean hasBody = endpoint.validBody() != null && !endpoint.validBody().isEmpty();
        boolean hasIds = endpoint.path().contains("{") && !endpoint.registersWhatItsPathNames();
        String valid = hasBody ? endpoint.validBody().replace("{newDebtId}", "debt-" + UUID.randomUUID())
                .replace("{debtorId}", DEBTOR).replace("{paymentId}", "RF-fuzz") : null;
        String realPath = endpoint.pathFor(debtId, DEBTOR, "RF-fuzz").replace("{name}", "debts").replace("{id}", "0");
        String id = encode(text.isEmpty() ? "x" : text);
        String hostilePath = endpoint.path().replace("{debtId}", "nope-" + id).replace("{debtorId}", id)
                .replace("{paymentId}", id).replace("{name}", id).replace("{id}", id).replace("{jurisdiction}", id)
                .replace("{periodStart}", id).replace("{contactId}", id).replace("{creditorId}", id);
        if (endpoint.method().equals("GET")) {
            return new Hostile("GET", (kind % 2 == 0 ? realPath : hostilePath) + hostileQuery(text, number), null,
                    user, headers);
        }
        if (endpoint.csv()) {
            List<String> csvHeaders = new ArrayList<>(headers);
            csvHeaders.addAll(List.of(endpoint.contentTypeHeader()));
            return new Hostile(endpoint.method(), realPath, spoilCsv(valid, kind % 6, text, number), user, csvHeaders);
        }
        if (hasBody && (kind < 8 || !hasIds)) {
            return new Hostile(endpoint.method(), realPath, spoil(valid, kind % 8, text, number), user, headers);
        }
        return new Hostile(endpoint.method(), hostilePath, valid, user, headers);
    }

    /** A valid body made invalid, structurally or by a value of a type no field takes. */
    private static String spoil(String valid, int kind, String text, int number) {
        List<int[]> values = new ArrayList<>();
        Matcher fields = FIELD_VALUE.matcher(valid);
        while (fields.find()) {
            values.add(new int[]{fields.start(2), fields.end(2)});
        }
        int[] value = values.get(number % values.size());
        List<int[]> dates = values.stream().filter(at -> ISO_DATE.matcher(valid.substring(at[0], at[1])).matches()).toList();
        int[] date = dates.isEmpty() ? null : dates.get(number % dates.size());
        return switch (date == null && kind == 6 ? 7 : kind) {
            case 6 -> valid.substring(0, date[0]) + "\"" + HOSTILE_DATES.get(number % HOSTILE_DATES.size()) + "\""
                    + valid.substring(date[1]); // a date outside the window or in another form
            case 7 -> valid.substring(0, value[0]) + List.of("0", "-1", "20250305", "1e309", "3.5").get(number % 5)
                    + valid.substring(value[1]); // a number where a string, an enum's name or a date goes
            case 0 -> text.isBlank() ? "" : "{" + text; // not JSON
            case 1 -> "{\"unexpected" + number + "\": " + quote(text) + ", " + valid.substring(1); // unknown field
            case 2 -> valid.substring(0, valid.length() - 1) + ", " + valid.substring(1); // every key twice
            case 3 -> valid + (text.isBlank() ? "{}" : " " + quote(text)); // trailing data
            case 4 -> valid.substring(0, value[0]) + List.of("{}", "true", "[[]]", "{\"amount\": 1}").get(number % 4)
                    + valid.substring(value[1]); // a value of the wrong type
            default -> "[" + valid + "]"; // the right object in the wrong shape
        };
    }

    /** A valid bank file made invalid, or well-formed with a hostile value in one of its fields. */
    private static String spoilCsv(String valid, int kind, String text, int number) {
        String[] lines = valid.split("\n");
        String header = lines[0];
        String payment = lines[1];
        String[] fields = payment.split(",", -1);
        fields[number % fields.length] = text;
        return switch (kind) {
            case 0 -> text; // not a bank file
            case 1 -> header + "\n" + String.join(",", fields) + "\n"; // a hostile value in one field
            case 2 -> valid + payment + "\n"; // the same transaction twice
            case 3 -> valid + text + "\n"; // a line of anything after the payments
            case 4 -> header + "\n" + payment + "," + text + "\n"; // a field too many
            default -> text + "\n" + payment + "\n"; // another header
        };
    }

    private static String hostileQuery(String text, int number) {
        String value = encode(text);
        List<String> parameters = List.of("minPosition", "payoffDate", "asOf", "from", "to", "after", "limit", "types",
                "creditorId", "debtId", "today", "page", "size", "type", "advisorId", "debtorId", "actorId",
                "businessDate", "knownAt", "fromBusinessDate", "toBusinessDate");
        return "?" + parameters.get(number % parameters.size()) + "=" + value
                + "&" + parameters.get((number / 7) % parameters.size()) + "=" + (number % 2 == 0 ? "-1" : "99999999999999999999");
    }

    private static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of("'; DROP TABLE domainevententry; --", "' OR '1'='1", "../../etc/passwd", "%00",
                        "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "\u0000", "\uFEFF", "NaN", "-0",
                        "1e309", "99999999999999999999999999.999", "2025-02-30", "9999-99-99", "COUNSELLING\u0000",
                        "ℵ𝔘🙂", "null", "true", "{}", "[]", "\\", "\"", "x".repeat(5000), "+999999999-12-31",
                        "9999-12-31", "0000-01-01", "9223372036854775807", "+1000000000-01-01T00:00:00Z",
                        "2025-03-05T10:00:00Z", "0", "-999999999-01-01"));
    }

    private static Arbitrary<List<String>> hostileHeaders() {
        return Arbitraries.of(List.of(), List.of("X-Channel", "NOT_A_CHANNEL"), List.of("X-Reason", " "),
                List.of("X-Correlation-Id", "c".repeat(500)), List.of("X-Channel", "ADVISOR_PHONE"));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
