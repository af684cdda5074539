package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's description is true and complete: every endpoint of the API is in it with the roles that may call it and
 * its refusals, the README's requests fit its schemas, and only staff read it.
 */
class ApiDescriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCS = "/v3/api-docs";
    private static final String UI = "/swagger-ui/index.html";

    @TempDir
    static Path dataDirectory;

    private static StandaloneLedger ledger;
    private static JsonNode description;

    @BeforeAll
    static void start() {
        ledger = StandaloneLedger.start(dataDirectory);
        StandaloneLedger.Answer docs = ledger.as(Endpoints.ADVISOR).get(DOCS);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        description = docs.json();
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void everyEndpointOfTheApiIsDescribedWithItsSummaryRolesAndRefusals() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : ledger.context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (String path : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method + " " + path));
                }
            }
        }
        mapped.removeIf(endpoint -> !endpoint.contains(" /api/"));
        Set<String> described = new TreeSet<>();
        description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                described.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(described).isEqualTo(mapped);

        // the API's endpoints; the actuator's (the metrics scrape) are not part of it
        List<Endpoints.Endpoint> api = Endpoints.ALL.stream().filter(one -> one.path().startsWith("/api/")).toList();
        for (Endpoints.Endpoint endpoint : api) {
            String where = endpoint.method() + " " + endpoint.path();
            JsonNode operation = operation(endpoint.method(), endpoint.path());
            assertThat(operation.path("summary").asText()).as(where).isNotBlank();
            assertThat(roles(operation)).as(where + ": the roles the access rules give it")
                    .isEqualTo(rolesOf(endpoint.allowed()));
            if (endpoint.allowed().contains(Endpoints.ANYONE)) {
                assertThat(operation.path("security").isArray() && operation.path("security").isEmpty()).as(where)
                        .isTrue();
            } else {
                assertThat(operation.path("responses").path("403").path("$ref").asText()).as(where)
                        .isEqualTo("#/components/responses/Problem403");
            }
            assertThat(operation.path("responses").path("400").path("$ref").asText()).as(where)
                    .isEqualTo("#/components/responses/Problem400");
            assertThat(operation.path("responses").has("413")).as(where)
                    .isEqualTo(endpoint.validBody() != null && !endpoint.validBody().isEmpty());
        }
    }

    @Test
    void everyProblemTypeAndRuleIsDescribedOnce() {
        JsonNode problem = description.path("components").path("schemas").path("Problem");
        List<String> types = new ArrayList<>();
        problem.path("properties").path("type").path("enum").forEach(type -> types.add(type.asText()));
        assertThat(types).doesNotHaveDuplicates().contains("urn:debt-ledger:problem:malformed-request",
                "urn:debt-ledger:problem:unauthenticated", "urn:debt-ledger:problem:unknown-debt",
                "urn:debt-ledger:problem:malformed-bank-file", "urn:debt-ledger:problem:not-fresh-enough",
                "urn:debt-ledger:problem:erased", "urn:debt-ledger:problem:rule:PLAN_DOES_NOT_COVER_BALANCE",
                "urn:debt-ledger:problem:rule:REFERENCE_RATE_IN_USE",
                "urn:debt-ledger:problem:rule:CONTACT_NOTE_EMPTY");
        JsonNode responses = description.path("components").path("responses");
        assertThat(responses.path("Problem422").path("description").asText()).contains("FEE_ABOVE_STATUTORY_CAP",
                "REMITTANCE_PERIOD_TOO_LONG", "CREDITOR_UNKNOWN");
        assertThat(responses.path("Problem404").path("description").asText()).contains("unknown-debt", "not-found");
        assertThat(responses.path("Problem404").path("content").has("application/problem+json")).isTrue();
    }

    @Test
    void theReadmesRequestsFitTheirOperationsSchemas() throws Exception {
        List<String> misfits = new ArrayList<>();
        int checked = 0;
        for (ReadmeWalkthroughTest.Exchange exchange : ReadmeWalkthroughTest.walkthrough()) {
            if (exchange.body() == null || !"application/json".equals(exchange.contentType())) {
                continue;
            }
            String path = exchange.path().split("\\?")[0];
            Map.Entry<String, JsonNode> operation = describedOperation(exchange.method(), path);
            assertThat(operation).as(exchange.method() + " " + path + " is described").isNotNull();
            JsonNode schema = operation.getValue().path("requestBody").path("content").path("application/json")
                    .path("schema");
            assertThat(schema.isMissingNode()).as(exchange.method() + " " + operation.getKey() + " takes a JSON body")
                    .isFalse();
            Set<ValidationMessage> problems = validate(schema, JSON.readTree(exchange.body()));
            if (!problems.isEmpty()) {
                misfits.add(exchange.method() + " " + path + ": " + problems);
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        assertThat(misfits).isEmpty();
    }

    @Test
    void everyRequestBodysExampleFitsItsSchema() {
        List<String> misfits = new ArrayList<>();
        List<String> without = new ArrayList<>();
        description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json");
            if (body.isMissingNode()) {
                return;
            }
            JsonNode example = example(body);
            String where = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            if (example == null) {
                without.add(where);
            } else if (!validate(body.path("schema"), example).isEmpty()) {
                misfits.add(where + ": " + validate(body.path("schema"), example));
            }
        }));
        assertThat(without).as("request bodies without an example").isEmpty();
        assertThat(misfits).isEmpty();
    }

    @Test
    void onlyStaffReadTheDescriptionAndItsPages() {
        for (String staff : List.of(Endpoints.ADVISOR, Endpoints.COMPLIANCE, Endpoints.OPERATOR)) {
            for (String page : List.of(DOCS, UI, DOCS + "/swagger-config")) {
                assertThat(ledger.as(staff).get(page).status()).as(staff + " " + page).isEqualTo(200);
            }
        }
        assertThat(ledger.as(Endpoints.OPERATOR).get(UI).response().body()).contains("swagger-ui");
        for (String page : List.of(DOCS, UI, DOCS + "/swagger-config", "/swagger-ui.html")) {
            for (String other : List.of(Endpoints.DEBTOR.replace("{debtorId}", "d-1"), Endpoints.CREDITOR,
                    Endpoints.INTEGRATION)) {
                assertRefused(ledger.as(other).get(page), 403, other + " " + page);
            }
            assertRefused(ledger.as(Endpoints.ANYONE).get(page), 401, "anyone " + page);
        }
    }

    private static void assertRefused(StandaloneLedger.Answer answer, int status, String where) {
        assertThat(answer.status()).as(where + ": " + answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(where).startsWith("application/problem+json");
        assertThat(answer.response().body()).as(where).doesNotContain("openapi").doesNotContain("/api/v1/");
    }

    /** The operation described for {@code method} and a requested {@code path}, with its path template. */
    private static Map.Entry<String, JsonNode> describedOperation(String method, String path) {
        for (Map.Entry<String, JsonNode> described : description.path("paths").properties()) {
            if (path.matches(described.getKey().replaceAll("\\{[^/]+}", "[^/]+"))
                    && described.getValue().has(method.toLowerCase(Locale.ROOT))) {
                return Map.entry(described.getKey(), described.getValue().path(method.toLowerCase(Locale.ROOT)));
            }
        }
        return null;
    }

    private static JsonNode operation(String method, String path) {
        JsonNode operation = description.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isMissingNode()).as(method + " " + path + " is described").isFalse();
        return operation;
    }

    private static Set<String> roles(JsonNode operation) {
        Set<String> roles = new TreeSet<>();
        operation.path("x-roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    /** The roles of the catalogue's users: a local user is named after their role, the creditor's is acme. */
    private static Set<String> rolesOf(Set<String> users) {
        return users.stream().filter(user -> !user.equals(Endpoints.ANYONE))
                .map(user -> user.equals(Endpoints.CREDITOR) ? "CREDITOR"
                        : user.equals(Endpoints.DEBTOR) ? "DEBTOR" : user.toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The example of a body: its media type's, or its schema's (through a reference). */
    private static JsonNode example(JsonNode body) {
        if (body.has("example")) {
            return body.get("example");
        }
        JsonNode schema = body.path("schema");
        if (schema.has("$ref")) {
            schema = description.at(schema.get("$ref").asText().substring(1));
        }
        return schema.has("example") ? schema.get("example") : null;
    }

    /** What {@code schema}, with the description's components to resolve its references, finds wrong with a value. */
    private static Set<ValidationMessage> validate(JsonNode schema, JsonNode value) {
        ObjectNode rooted = schema.deepCopy();
        rooted.set("components", description.path("components"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(rooted).validate(value);
    }
}
