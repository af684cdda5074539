package org.debtledger.command.creditor;

import org.debtledger.command.CommandSideTest;
import org.debtledger.command.LedgerHttp;
import org.debtledger.command.LedgerHttp.Answer;
import org.debtledger.command.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator registers a creditor and records its contracts over HTTP; a refused change writes nothing. */
class CreditorApiTest extends CommandSideTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "creditor_api");
    }

    private LedgerHttp operator;
    private String creditorId;

    @BeforeEach
    void asOperator() {
        operator = http.as("operator");
        creditorId = "creditor-" + UUID.randomUUID();
    }

    private Answer register(String account) {
        return operator.put("/api/v1/creditors/" + creditorId, """
                {"name": "Acme Telecom Oy", "remittanceAccount": "%s", "date": "2025-01-02"}""".formatted(account));
    }

    private Answer contract(String body) {
        return operator.post("/api/v1/creditors/" + creditorId + "/contracts", body);
    }

    private long stored() {
        return eventCount("creditor#" + creditorId);
    }

    @Test
    void anOperatorRegistersACreditorAndAgreesItsContract() {
        Answer registered = register("FI21 1234 5600 0007 85");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(registered.json().get("creditorId").asText()).isEqualTo(creditorId);
        assertThat(registered.json().get("sequenceNumber").asLong()).isZero();

        Answer agreed = contract("""
                {"effectiveFrom": "2025-03-01", "interestShare": "35.00", "principalCommission": "2.50", "date": "2025-02-20"}""");
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);
        assertThat(agreed.json().get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(agreed.json().get("position").asLong()).isPositive();

        assertThat(register("FI2112345600000785").json().get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void refusalsNameTheirRuleAndWriteNothing() {
        Answer notAnIban = register("FI21 1234 5600 0007 86");
        assertThat(notAnIban.status()).isEqualTo(422);
        assertThat(notAnIban.json().get("rule").asText()).isEqualTo("REMITTANCE_ACCOUNT_NOT_AN_IBAN");

        Answer unknown = contract("{\"effectiveFrom\": \"2025-03-01\", \"interestShare\": \"35.00\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("rule").asText()).isEqualTo("CREDITOR_UNKNOWN");
        assertThat(stored()).isZero();

        register("FI21 1234 5600 0007 85");
        Answer tooMuch = contract("{\"effectiveFrom\": \"2025-03-01\", \"interestShare\": \"100.01\"}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("rule").asText()).isEqualTo("CONTRACT_SHARE_OUT_OF_RANGE");

        contract("{\"effectiveFrom\": \"2025-03-01\", \"interestShare\": \"35.00\", \"date\": \"2025-02-20\"}");
        Answer earlier = contract("{\"effectiveFrom\": \"2025-02-01\", \"interestShare\": \"30.00\"}");
        assertThat(earlier.status()).isEqualTo(422);
        assertThat(earlier.json().get("rule").asText()).isEqualTo("CONTRACT_NOT_AFTER_LATEST");
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aShareWithMoreThanTwoDecimalsIsMalformed() {
        register("FI21 1234 5600 0007 85");
        Answer answer = contract("{\"effectiveFrom\": \"2025-03-01\", \"interestShare\": \"35.001\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void anAdvisorMayNotKeepCreditors() {
        Answer answer = http.as("advisor").put("/api/v1/creditors/" + creditorId, """
                {"name": "Acme Telecom Oy", "remittanceAccount": "FI2112345600000785"}""");
        assertThat(answer.status()).isEqualTo(403);
    }
}
