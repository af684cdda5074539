package org.debtledger.command.selfservice;

import com.fasterxml.jackson.databind.JsonNode;
import org.debtledger.command.CommandSideTest;
import org.debtledger.command.LedgerHttp;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.TestDatabase;
import org.debtledger.edge.LedgerSecurity;
import org.debtledger.edge.LocalTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signed in as debtor d-1001 (a token the ledger signed, as after the self-service sign-in) acting on their
 * own debts on 15 May 2026, and on someone else's, which they are not to learn exists.
 */
class SelfServiceApiTest extends CommandSideTest {

    private static final byte[] TOKEN_KEY = new byte[LocalTokens.KEY_BYTES];
    private static final String TODAY = "2026-05-15";

    static {
        new SecureRandom().nextBytes(TOKEN_KEY);
    }

    @DynamicPropertySource
    static void databaseAndTokenKey(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "self_service_api");
        registry.add("ledger.security.local-tokens.key", () -> Base64.getEncoder().encodeToString(TOKEN_KEY));
    }

    @TestConfiguration
    static class FifteenthOfMay2026 {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2026-05-15T10:00:00Z"), ZoneId.of("Europe/Helsinki"));
        }
    }

    private LedgerHttp debtor;
    private String[] asDebtor;

    @BeforeEach
    void signedInAsDebtor() {
        LocalTokens tokens = new LocalTokens(TOKEN_KEY, new LedgerSecurity.JwtClaims(null, null, null),
                Duration.ofMinutes(5), Clock.systemUTC());
        String token = tokens.issue(new UsernamePasswordAuthenticationToken("d-1001", null,
                AuthorityUtils.createAuthorityList("ROLE_DEBTOR", "debtor:d-1001")));
        debtor = http.as(null);
        asDebtor = new String[]{"Authorization", "Bearer " + token};
    }

    private Answer post(String debtId, String path, String json) {
        return debtor.post("/api/v1/self-service/debts/" + debtId + path, json, asDebtor);
    }

    private Answer get(String debtId, String path) {
        return debtor.get("/api/v1/self-service/debts/" + debtId + path, asDebtor);
    }

    private String registered(String debtorId) {
        String debtId = newDebtId();
        Answer answer = http.post("/api/v1/debts", registration(debtId, "100.00")
                .replace("\"debtorId\": \"d-1001\"", "\"debtorId\": \"" + debtorId + "\""));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return debtId;
    }

    private static Answer ok(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer;
    }

    private void assertRefused(Answer answer, int status, String rule) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        if (rule != null) {
            assertThat(answer.json().path("rule").asText()).isEqualTo(rule);
        }
    }

    private Map<String, Object> metadataOf(String debtId, String eventType) {
        return jdbc.sql("""
                        SELECT metadata->>'actorId' AS actor, metadata->>'actorRole' AS role,
                               metadata->>'channel' AS channel, payload->>'date' AS date
                        FROM event_log WHERE debt_id = :id AND event_type = :type""")
                .param("id", debtId).param("type", eventType).query().singleRow();
    }

    private static String affordability(String income, String expenses) {
        return "\"affordability\": {\"monthlyIncome\": {\"amount\": \"" + income + "\", \"currency\": \"EUR\"},"
                + " \"monthlyExpenses\": {\"amount\": \"" + expenses + "\", \"currency\": \"EUR\"}}";
    }

    private static String plan(JsonNode instalments, String affordability) {
        return "{\"instalments\": " + instalments + ", " + affordability + "}";
    }

    @Test
    void aDebtorAgreesTheSuggestedPlanOnTheirOwnDebtAsThemselvesThroughSelfService() {
        String debtId = registered("d-1001");
        JsonNode quote = ok(get(debtId, "/payment-plans/quote?instalments=3")).json();

        assertThat(quote.path("date").asText()).isEqualTo(TODAY);
        assertThat(quote.path("planNumber").asInt()).isEqualTo(1);
        assertThat(quote.path("fee").isNull()).as("the first plan is free").isTrue();
        assertThat(quote.path("laterPlanFee").path("amount").asText()).isEqualTo("20.00");
        assertThat(quote.path("minimumInstalment").path("amount").asText()).isEqualTo("10.00");
        assertThat(quote.path("planInForce").asBoolean()).isFalse();
        BigDecimal mustCover = new BigDecimal(quote.path("mustCover").path("amount").asText());
        assertThat(mustCover).as("interest to today included").isGreaterThan(new BigDecimal("100.00"));
        JsonNode suggestion = quote.path("suggestion");
        assertThat(suggestion.path("instalmentCount").asInt()).isEqualTo(3);
        assertThat(suggestion.path("remainderOn").asText()).isEqualTo("FIRST");
        List<String> dueDates = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode instalment : suggestion.path("instalments")) {
            dueDates.add(instalment.path("dueDate").asText());
            sum = sum.add(new BigDecimal(instalment.path("amount").path("amount").asText()));
        }
        assertThat(sum).isEqualTo(mustCover);
        assertThat(dueDates).containsExactly("2026-05-29", "2026-06-29", "2026-07-29");

        Answer agreed = ok(post(debtId, "/payment-plans", plan(suggestion.path("instalments"),
                affordability("2000.00", "1500.00"))));

        assertThat(agreed.json().path("debtId").asText()).isEqualTo(debtId);
        assertThat(agreed.json().path("sequenceNumber").asLong()).isEqualTo(eventCount(debtId) - 1);
        assertThat(metadataOf(debtId, "org.debtledger.plan.PaymentPlanAgreed")).containsEntry("actor", "d-1001")
                .containsEntry("role", "DEBTOR").containsEntry("channel", "SELF_SERVICE").containsEntry("date", TODAY);
    }

    @Test
    void aMonthlyAmountIsQuotedAsTheFewestEqualInstalmentsWithinIt() {
        String debtId = registered("d-1001");
        JsonNode quote = ok(get(debtId, "/payment-plans/quote?monthlyAmount=12.50&currency=EUR")).json();

        BigDecimal mustCover = new BigDecimal(quote.path("mustCover").path("amount").asText());
        int count = quote.path("suggestion").path("instalmentCount").asInt();
        assertThat(count).isEqualTo(mustCover.divide(new BigDecimal("12.50"), 0, java.math.RoundingMode.CEILING)
                .intValue());
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode instalment : quote.path("suggestion").path("instalments")) {
            BigDecimal amount = new BigDecimal(instalment.path("amount").path("amount").asText());
            assertThat(amount).isLessThanOrEqualTo(new BigDecimal("12.50"));
            sum = sum.add(amount);
        }
        assertThat(sum).isEqualTo(mustCover);
        assertRefused(get(debtId, "/payment-plans/quote?monthlyAmount=5.00&currency=EUR"), 422,
                "INSTALMENT_BELOW_MINIMUM");
        assertRefused(get(debtId, "/payment-plans/quote?monthlyAmount=12.50&currency=SEK"), 422, "CURRENCY_MISMATCH");
        assertRefused(get(debtId, "/payment-plans/quote?monthlyAmount=12.5&currency=EUR"), 400, null);
        assertRefused(get(debtId, "/payment-plans/quote"), 400, null);
    }

    @Test
    void aPlanTheDeclaredBudgetDoesNotCoverIsRefusedNamingTheRuleAndNothingIsWritten() {
        String debtId = registered("d-1001");
        JsonNode suggestion = ok(get(debtId, "/payment-plans/quote?instalments=2")).json().path("suggestion");
        long before = eventCount(debtId);

        Answer refused = post(debtId, "/payment-plans", plan(suggestion.path("instalments"),
                affordability("1000.00", "990.00")));

        assertRefused(refused, 422, "PLAN_NOT_AFFORDABLE");
        assertThat(eventCount(debtId)).isEqualTo(before);
    }

    @Test
    void aDebtorCannotOverrideTheAffordabilityCheckNorLeaveItOut() {
        String debtId = registered("d-1001");
        JsonNode instalments = ok(get(debtId, "/payment-plans/quote?instalments=2")).json().path("suggestion")
                .path("instalments");
        long before = eventCount(debtId);

        assertRefused(post(debtId, "/payment-plans", "{\"instalments\": " + instalments + ", "
                + affordability("1000.00", "990.00") + ", \"affordabilityOverrideReason\": \"I will manage\"}"), 400, null);
        assertRefused(post(debtId, "/payment-plans", "{\"instalments\": " + instalments + "}"), 400, null);
        assertRefused(post(debtId, "/payment-plans", "{\"instalments\": " + instalments + ", "
                + affordability("2000.00", "1500.00") + ", \"date\": \"2026-05-01\"}"), 400, null);
        assertThat(eventCount(debtId)).isEqualTo(before);
    }

    @Test
    void aPlanThatFallsShortSaysByHowMuch() {
        String debtId = registered("d-1001");
        JsonNode quote = ok(get(debtId, "/payment-plans/quote?instalments=1")).json();
        BigDecimal mustCover = new BigDecimal(quote.path("mustCover").path("amount").asText());
        long before = eventCount(debtId);

        Answer refused = post(debtId, "/payment-plans", "{\"instalments\": [{\"dueDate\": \"2026-06-01\", \"amount\":"
                + " {\"amount\": \"100.00\", \"currency\": \"EUR\"}}], " + affordability("2000.00", "1500.00") + "}");

        assertRefused(refused, 422, "PLAN_DOES_NOT_COVER_BALANCE");
        assertThat(new BigDecimal(refused.json().path("shortfall").path("amount").asText()))
                .isEqualTo(mustCover.subtract(new BigDecimal("100.00")));
        assertThat(refused.json().path("shortfall").path("currency").asText()).isEqualTo("EUR");
        assertThat(refused.json().path("mustCover").path("amount").asText()).isEqualTo(mustCover.toPlainString());
        assertThat(eventCount(debtId)).isEqualTo(before);
    }

    @Test
    void aLongExtensionCostsItsFeeAndAShortOneIsFree() {
        String debtId = registered("d-1001");
        JsonNode free = ok(get(debtId, "/extensions/quote?days=7")).json();
        assertThat(free.path("free").asBoolean()).isTrue();
        assertThat(free.path("fee").isNull()).isTrue();
        JsonNode costs = ok(get(debtId, "/extensions/quote?days=14")).json();
        assertThat(costs.path("free").asBoolean()).isFalse();
        assertThat(costs.path("fee").path("amount").asText()).isEqualTo("5.00");
        assertThat(costs.path("dueDate").asText()).isEqualTo("2025-02-15");
        assertThat(costs.path("newDueDate").asText()).isEqualTo("2025-03-01");
        assertRefused(get(debtId, "/extensions/quote?days=0"), 400, null);

        ok(post(debtId, "/extensions", "{\"days\": 14}"));

        assertThat(metadataOf(debtId, "org.debtledger.fee.FeeCharged")).containsEntry("role", "DEBTOR")
                .containsEntry("channel", "SELF_SERVICE").containsEntry("date", TODAY);
        assertThat(jdbc.sql("SELECT payload->>'dueDate' FROM event_log WHERE debt_id = :id"
                        + " AND event_type = 'org.debtledger.debt.DueDateExtended'")
                .param("id", debtId).query(String.class).single()).isEqualTo("2025-03-01");
    }

    @Test
    void aDebtorPausesCollectionForDebtCounsellingFromToday() {
        String debtId = registered("d-1001");
        assertRefused(post(debtId, "/pause", "{}"), 400, null);
        assertRefused(post(debtId, "/pause", "{\"until\": \"2026-05-14\"}"), 422, "PAUSE_ENDS_BEFORE_IT_STARTS");
        assertRefused(post(debtId, "/pause", "{\"until\": \"2026-08-16\"}"), 422, "SELF_SERVICE_PAUSE_TOO_LONG");

        ok(post(debtId, "/pause", "{\"until\": \"2026-07-01\"}"));

        Map<String, Object> paused = jdbc.sql("""
                        SELECT payload->>'reason' AS reason, payload->>'date' AS from, payload->>'until' AS until,
                               metadata->>'channel' AS channel
                        FROM event_log WHERE debt_id = :id AND event_type = 'org.debtledger.pause.CollectionPaused'""")
                .param("id", debtId).query().singleRow();
        assertThat(paused).containsEntry("reason", "COUNSELLING").containsEntry("from", TODAY)
                .containsEntry("until", "2026-07-01").containsEntry("channel", "SELF_SERVICE");
    }

    @Test
    void aDebtorDisputesTheClaim() {
        String debtId = registered("d-1001");
        assertRefused(post(debtId, "/disputes", "{\"reason\": \"" + "x".repeat(501) + "\"}"), 400, null);

        ok(post(debtId, "/disputes", "{\"reason\": \"I cancelled the contract in December\"}"));

        assertThat(metadataOf(debtId, "org.debtledger.dispute.DebtDisputed")).containsEntry("actor", "d-1001")
                .containsEntry("channel", "SELF_SERVICE");
    }

    @Test
    void aCallBackRequestIsAppendedWithItsDayAndWindowAndNothingPersonal() {
        String debtId = registered("d-1001");
        // the headers cannot make it another channel
        Answer accepted = debtor.post("/api/v1/self-service/debts/" + debtId + "/call-backs",
                "{\"on\": \"2026-05-20\", \"from\": \"09:00\", \"to\": \"12:00\"}", asDebtor[0], asDebtor[1],
                "X-Channel", "ADVISOR_PHONE");
        ok(accepted);

        String payload = jdbc.sql("SELECT payload::text FROM event_log WHERE debt_id = :id"
                        + " AND event_type = 'org.debtledger.callback.CallBackRequested'")
                .param("id", debtId).query(String.class).single();
        assertThat(payload).contains("\"on\": \"2026-05-20\"").contains("\"from\": \"09:00:00\"")
                .contains("\"to\": \"12:00:00\"").contains("\"date\": \"" + TODAY + "\"");
        assertThat(metadataOf(debtId, "org.debtledger.callback.CallBackRequested")).containsEntry("actor", "d-1001")
                .containsEntry("role", "DEBTOR").containsEntry("channel", "SELF_SERVICE");
        long after = eventCount(debtId);
        assertRefused(post(debtId, "/call-backs", "{\"on\": \"2026-06-15\", \"from\": \"09:00\", \"to\": \"12:00\"}"),
                422, "CALL_BACK_TOO_FAR_AHEAD");
        assertRefused(post(debtId, "/call-backs", "{\"on\": \"2026-05-14\", \"from\": \"09:00\", \"to\": \"12:00\"}"),
                422, "CALL_BACK_DAY_PASSED");
        assertRefused(post(debtId, "/call-backs", "{\"on\": \"2026-05-20\", \"from\": \"12:00\", \"to\": \"09:00\"}"),
                422, "CALL_BACK_WINDOW_EMPTY");
        assertRefused(post(debtId, "/call-backs", "{\"on\": \"2026-05-20\", \"from\": \"9\", \"to\": \"12:00\"}"),
                400, null);
        assertThat(eventCount(debtId)).isEqualTo(after);
    }

    @Test
    void aDebtorPromisesToPayTodayThroughSelfServiceWhateverTheHeadersSay() {
        String debtId = registered("d-1001");
        // neither the channel nor the business date is the debtor's to choose
        assertRefused(post(debtId, "/promises", """
                {"amount": {"amount": "50.00", "currency": "EUR"}, "promisedFor": "2026-05-20",
                 "channel": "ADVISOR_PHONE"}"""), 400, null);
        assertRefused(post(debtId, "/promises", """
                {"amount": {"amount": "50.00", "currency": "EUR"}, "promisedFor": "2026-05-20",
                 "date": "2026-05-01"}"""), 400, null);
        ok(debtor.post("/api/v1/self-service/debts/" + debtId + "/promises", """
                        {"amount": {"amount": "50.00", "currency": "EUR"}, "promisedFor": "2026-05-20"}""",
                asDebtor[0], asDebtor[1], "X-Channel", "ADVISOR_PHONE"));

        Map<String, Object> made = jdbc.sql("""
                        SELECT payload->>'promisedFor' AS promised, payload->>'channel' AS channel,
                               payload->>'date' AS date, payload->>'countsThrough' AS through
                        FROM event_log WHERE debt_id = :id AND event_type = 'org.debtledger.promise.PromiseToPayMade'""")
                .param("id", debtId).query().singleRow();
        assertThat(made).containsEntry("promised", "2026-05-20").containsEntry("channel", "SELF_SERVICE")
                .containsEntry("date", TODAY).containsEntry("through", "2026-05-22");
        assertThat(metadataOf(debtId, "org.debtledger.promise.PromiseToPayMade")).containsEntry("actor", "d-1001")
                .containsEntry("role", "DEBTOR").containsEntry("channel", "SELF_SERVICE");
        long after = eventCount(debtId);
        assertRefused(post(debtId, "/promises", "{\"amount\": {\"amount\": \"20.00\", \"currency\": \"EUR\"},"
                + " \"promisedFor\": \"2026-05-25\"}"), 422, "PROMISE_ALREADY_OPEN");
        assertRefused(post(debtId, "/promises", "{\"promisedFor\": \"2026-05-25\"}"), 400, null);
        assertThat(eventCount(debtId)).isEqualTo(after);
    }

    @Test
    void everySelfServiceRequestOnAnotherPersonsDebtIsAnsweredAsAnUnknownDebtAndWritesNothing() {
        String theirs = registered("d-2002");
        long before = eventCount(theirs);
        String[][] posts = {
                {"/payment-plans", "{\"instalments\": [{\"dueDate\": \"2026-06-01\", \"amount\": {\"amount\": \"150.00\","
                        + " \"currency\": \"EUR\"}}], " + affordability("2000.00", "1500.00") + "}"},
                {"/extensions", "{\"days\": 14}"},
                {"/pause", "{\"until\": \"2026-07-01\"}"},
                {"/disputes", "{\"reason\": \"not mine\"}"},
                {"/call-backs", "{\"on\": \"2026-05-20\", \"from\": \"09:00\", \"to\": \"12:00\"}"},
                {"/promises", "{\"amount\": {\"amount\": \"50.00\", \"currency\": \"EUR\"}, \"promisedFor\": \"2026-05-20\"}"}};
        for (String[] request : posts) {
            Answer refused = post(theirs, request[0], request[1]);
            Answer unknown = post("no-such-debt", request[0], request[1]);
            assertRefused(refused, 404, null);
            assertThat(refused.body().replace(theirs, "ID")).as(request[0])
                    .isEqualTo(unknown.body().replace("no-such-debt", "ID"));
        }
        for (String quote : new String[]{"/payment-plans/quote?instalments=3", "/extensions/quote?days=14",
                "/payment-plans/quote?monthlyAmount=20.00&currency=EUR"}) {
            Answer refused = get(theirs, quote);
            assertRefused(refused, 404, null);
            assertThat(refused.body().replace(theirs, "ID")).as(quote)
                    .isEqualTo(get("no-such-debt", quote).body().replace("no-such-debt", "ID"));
        }
        assertThat(eventCount(theirs)).isEqualTo(before);
    }

    @Test
    void anAdvisorDoesNotActThroughSelfServiceNorADebtorThroughTheAdvisorsEndpoints() {
        String debtId = registered("d-1001");
        assertRefused(http.post("/api/v1/self-service/debts/" + debtId + "/disputes", "{\"reason\": \"x\"}"), 403, null);
        assertRefused(debtor.post("/api/v1/debts/" + debtId + "/disputes", "{\"reason\": \"x\"}", asDebtor), 403, null);
        assertThat(eventCount(debtId)).isEqualTo(1);
    }
}
