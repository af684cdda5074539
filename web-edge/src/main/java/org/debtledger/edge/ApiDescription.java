package org.debtledger.edge;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.debtledger.money.Money;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.debtledger.edge.AccessRules.on;
import static org.debtledger.edge.Role.ADVISOR;
import static org.debtledger.edge.Role.COMPLIANCE;
import static org.debtledger.edge.Role.OPERATOR;

/**
 * The API's description (OpenAPI, at {@code /v3/api-docs}, and Swagger UI at {@code /swagger-ui/index.html}), for
 * the agency's staff only. Who may call each endpoint is read from the {@link AccessRules} the security layer
 * enforces, and its refusals from the {@link ProblemCatalogue}s the sides answer with, so neither is repeated on the
 * controllers.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:api-description.properties")
public class ApiDescription {

    private static final String PROBLEM = "application/problem+json";
    private static final String URN = "urn:debt-ledger:problem:";
    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";

    static {
        // amounts cross the API as a decimal string and a currency, whatever Money holds inside
        SpringDocUtils.getConfig().replaceWithSchema(Money.class, object(Map.of(
                        "amount", text().pattern("^-?[0-9]+(\\.[0-9]+)?$").example("123.45"),
                        "currency", text().pattern("^[A-Z]{3}$").example("EUR")))
                .required(List.of("amount", "currency")));
    }

    /** The description and its pages are for staff; a debtor, a creditor's or a downstream system are refused. */
    @Bean
    AccessRules apiDescriptionAccess() {
        return () -> List.of(on(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                "/swagger-ui/**").allow(ADVISOR, COMPLIANCE, OPERATOR));
    }

    @Bean
    OpenApiCustomizer rolesAndRefusals(List<AccessRules> rules, List<ProblemCatalogue> catalogues) {
        return openApi -> {
            List<AccessRules.Rule> inOrder = rules.stream().flatMap(side -> side.rules().stream()).toList();
            ProblemResponses problems = new ProblemResponses(catalogues);
            openApi.info(new Info().title("Debt Ledger API").version("v1").description("""
                    The command API (writes, answered with the position of the events they appended) and the query \
                    API (read models, history, the public event stream). Every endpoint names the roles that may \
                    call it; refusals are application/problem+json naming their type, and for a rule its name."""));
            openApi.components(Optional.ofNullable(openApi.getComponents()).orElseGet(Components::new)
                    .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description("a local user of the standalone ledger"))
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("JWT").description("a token of the agency's identity provider")));
            problems.addTo(openApi.getComponents());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    describe(operation, HttpMethod.valueOf(method.name()), path, inOrder, problems)));
        };
    }

    private static void describe(Operation operation, HttpMethod method, String path, List<AccessRules.Rule> rules,
                                 ProblemResponses problems) {
        // the first rule naming the request decides it, as in the security layer
        String requested = path.replaceAll("\\{[^/]+}", "x");
        Optional<AccessRules.Rule> deciding = rules.stream().filter(rule -> rule.names(method, requested)).findFirst();
        List<String> roles = deciding.map(rule -> rule.roles().stream().sorted().map(Role::name).toList())
                .orElse(List.of());
        boolean anyone = deciding.map(AccessRules.Rule::anyone).orElse(false);
        String who = anyone ? "Anyone, without signing in."
                : roles.isEmpty() ? "No role: no access rule names this endpoint, so every caller is refused."
                : "Roles: " + String.join(", ", roles) + ".";
        operation.addExtension("x-roles", roles);
        String description = operation.getDescription();
        if (description == null || !description.startsWith(who)) {
            operation.setDescription(description == null ? who : who + "\n\n" + description);
        }
        operation.setSecurity(anyone ? List.of()
                : List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        problems.addTo(operation, operation.getRequestBody() != null, anyone);
    }

    /** Every refusal once, as a response per status, each listing its problem types; operations refer to them. */
    private static final class ProblemResponses {

        private final List<ProblemType> types = new ArrayList<>(Problems.EDGE);
        private final List<String> rules = new ArrayList<>();

        ProblemResponses(List<ProblemCatalogue> catalogues) {
            for (ProblemCatalogue catalogue : catalogues) {
                catalogue.types().stream().filter(type -> !types.contains(type)).forEach(types::add);
                catalogue.rules().stream().filter(rule -> !rules.contains(rule)).forEach(rules::add);
            }
            rules.sort(null);
        }

        private List<Integer> statuses() {
            List<Integer> statuses = new ArrayList<>(types.stream().map(type -> type.status().value()).toList());
            statuses.add(422);
            return statuses.stream().distinct().sorted().toList();
        }

        void addTo(Components components) {
            List<Object> typeNames = new ArrayList<>();
            types.forEach(type -> typeNames.add(URN + type.type()));
            rules.forEach(rule -> typeNames.add(URN + Problems.RULE_TYPE + rule));
            components.addSchemas("Problem", object(Map.of(
                            "type", text()._enum(typeNames),
                            "title", text(), "status", typed("integer"), "detail", text(), "instance", text(),
                            "rule", text()._enum(new ArrayList<>(rules))
                                    .description("the rule that refused the request, for 422")))
                    .required(List.of("type", "title", "status"))
                    .description("RFC 9457 problem details; a refusal by a rule names the rule in `rule`"));
            for (int status : statuses()) {
                components.addResponses(name(status), new ApiResponse().description(description(status))
                        .content(new Content().addMediaType(PROBLEM, new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/Problem")))));
            }
        }

        /** An operation may meet every refusal, but a body's only with a body, and one open to anyone no role's. */
        void addTo(Operation operation, boolean hasBody, boolean anyone) {
            for (int status : statuses()) {
                boolean ofBody = status == 413 || status == 415;
                if (status == 405 || (ofBody && !hasBody) || (status == 403 && anyone)
                        || operation.getResponses().containsKey(Integer.toString(status))) {
                    continue;
                }
                operation.getResponses().addApiResponse(Integer.toString(status),
                        new ApiResponse().$ref("#/components/responses/" + name(status)));
            }
        }

        private String description(int status) {
            if (status == 422) {
                return "Refused by a rule, named in the type (`rule:<NAME>`) and in `rule`: "
                        + String.join(", ", rules);
            }
            return "Refused: " + String.join("; ", types.stream().filter(type -> type.status().value() == status)
                    .map(type -> "`" + type.type() + "` (" + type.title() + ")").toList());
        }

        private static String name(int status) {
            return "Problem" + status;
        }
    }

    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.type(type);
        schema.types(Set.of(type));
        return schema;
    }

    private static Schema<Object> text() {
        return typed("string");
    }

    private static Schema<Object> object(Map<String, Schema<Object>> properties) {
        Schema<Object> schema = typed("object");
        new TreeMap<>(properties).forEach(schema::addProperty);
        return schema;
    }
}
