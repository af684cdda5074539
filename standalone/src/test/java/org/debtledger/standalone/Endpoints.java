package org.debtledger.standalone;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Every endpoint of the ledger's API, who may call it, and a request it accepts: the catalogue the role matrix
 * and the fuzz test walk. {@code {debtId}}, {@code {debtorId}} and {@code {paymentId}} stand for the ids a test
 * fills in ({@code {jurisdiction}}, {@code {periodStart}}, {@code {contactId}}, a contact no test records, and
 * {@code {creditorId}}, the CREDITOR's own, are filled here); the bodies are valid for a debt of the README's claim,
 * so a test can spoil them one way at a time.
 */
final class Endpoints {

    static final String ADVISOR = "advisor";
    static final String COMPLIANCE = "compliance";
    static final String INTEGRATION = "integration";
    static final String OPERATOR = "operator";
    /** A CREDITOR of acme-telecom. */
    static final String CREDITOR = "acme";
    /** The debtor who owes the test's debts, signed in to self-service: a test fills in {@code {debtorId}}. */
    static final String DEBTOR = "debtor:{debtorId}";
    /** Anyone, with no credentials: the self-service sign-in, which a reference and a code pass or not. */
    static final String ANYONE = "";
    static final List<String> USERS = List.of(ADVISOR, COMPLIANCE, INTEGRATION, OPERATOR, CREDITOR, DEBTOR);

    record Endpoint(String method, String path, String query, String validBody, String contentType,
                    Set<String> allowed) {

        boolean stream() {
            return path.endsWith("/stream");
        }

        boolean csv() {
            return "text/csv".equals(contentType);
        }

        /**
         * A PUT that registers what its path names: sent with a valid body to a hostile id, it would register it, so
         * the fuzz test sends it only spoiled bodies.
         */
        boolean registersWhatItsPathNames() {
            return "PUT".equals(method) && path.equals("/api/v1/creditors/{creditorId}");
        }

        /** The Content-Type header of a request with a body, as {@code send}'s header arguments. */
        String[] contentTypeHeader() {
            return validBody == null ? new String[0] : new String[]{"Content-Type", contentType};
        }

        String pathFor(String debtId, String debtorId, String paymentId) {
            return path.replace("{debtId}", debtId).replace("{debtorId}", debtorId).replace("{paymentId}", paymentId)
                    .replace("{jurisdiction}", "FI").replace("{periodStart}", RATE_BEFORE_THE_TABLE)
                    .replace("{contactId}", "call-catalogue").replace("{creditorId}", "acme-telecom");
        }
    }

    private static Endpoint post(String path, String body, String... allowed) {
        return new Endpoint("POST", path, "", body, "application/json", Set.of(allowed));
    }

    private static Endpoint postCsv(String path, String body, String... allowed) {
        return new Endpoint("POST", path, "", body, "text/csv", Set.of(allowed));
    }

    private static Endpoint get(String path, String query, String... allowed) {
        return new Endpoint("GET", path, query, null, null, Set.of(allowed));
    }

    /** A few days after today in the agency's time zone: self-service commands are dated today and look ahead. */
    private static final LocalDate SOON = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(4);

    static final String REGISTRATION = """
            {"debtId": "{newDebtId}", "creditorId": "acme-telecom", "debtorId": "{debtorId}", "invoiceReference": "INV-1",
             "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband",
             "principal": {"amount": "100.00", "currency": "EUR"}, "dueDate": "2025-02-15", "debtType": "CONSUMER",
             "jurisdiction": "FI", "date": "2025-03-01"}""";

    /**
     * The half year before the first the ledger holds rates for: a well-formed change that no request can make (a new
     * period only follows the last one), refused by rule however a test spoils it, so walking the catalogue changes
     * no rate.
     */
    static final String RATE_BEFORE_THE_TABLE = "2022-01-01";

    static final List<Endpoint> ALL = List.of(
            post("/api/v1/debts", REGISTRATION, ADVISOR),
            post("/api/v1/debts/{debtId}/fees", "{\"type\": \"REMINDER\", \"date\": \"2025-03-05\"}", ADVISOR),
            get("/api/v1/debts/{debtId}/payment-plans/quote", "?instalments=3&date=2025-03-01", ADVISOR),
            post("/api/v1/debts/{debtId}/payment-plans", """
                    {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "50.00", "currency": "EUR"}},
                     {"dueDate": "2025-05-01", "amount": {"amount": "50.00", "currency": "EUR"}}],
                     "channel": "ADVISOR_PHONE", "date": "2025-03-01"}""", ADVISOR),
            post("/api/v1/debts/{debtId}/payments", """
                    {"paymentId": "{paymentId}", "amount": {"amount": "10.00", "currency": "EUR"},
                     "valueDate": "2025-03-02", "channel": "BANK_FILE"}""", ADVISOR),
            post("/api/v1/debts/{debtId}/payments/{paymentId}/reversal",
                    "{\"reason\": \"returned by the bank\", \"date\": \"2025-03-03\"}", ADVISOR),
            post("/api/v1/debts/{debtId}/refunds", """
                    {"amount": {"amount": "1.00", "currency": "EUR"}, "reference": "FI-REF-1", "date": "2025-03-03"}""",
                    ADVISOR),
            post("/api/v1/debts/{debtId}/pause",
                    "{\"reason\": \"COUNSELLING\", \"from\": \"2025-03-02\", \"until\": \"2025-04-02\"}", ADVISOR),
            post("/api/v1/debts/{debtId}/resume", "{\"date\": \"2025-03-03\"}", ADVISOR),
            post("/api/v1/debts/{debtId}/disputes", "{\"reason\": \"never ordered\", \"date\": \"2025-03-02\"}", ADVISOR),
            post("/api/v1/debts/{debtId}/disputes/resolution", "{\"outcome\": \"REJECTED\", \"date\": \"2025-03-03\"}",
                    ADVISOR),
            // ---- promises to pay
            post("/api/v1/debts/{debtId}/promises", "{\"amount\": {\"amount\": \"50.00\", \"currency\": \"EUR\"},"
                    + " \"promisedFor\": \"2025-03-20\", \"channel\": \"ADVISOR_PHONE\", \"date\": \"2025-03-10\"}",
                    ADVISOR),
            post("/api/v1/debts/{debtId}/write-off", "{\"reason\": \"uncollectable\", \"date\": \"2025-03-02\"}", ADVISOR),
            post("/api/v1/debts/{debtId}/recall", "{\"reason\": \"creditor recalled\", \"date\": \"2025-03-02\"}", ADVISOR),
            post("/api/v1/debts/{debtId}/assignment", "{\"advisorId\": \"advisor-7\"}", ADVISOR),
            // ---- the contact log
            post("/api/v1/debts/{debtId}/contacts",
                    "{\"direction\": \"INBOUND\", \"channel\": \"PHONE\", \"outcome\": \"REACHED\", \"date\": \"2025-03-02\"}",
                    ADVISOR),
            post("/api/v1/operations/close-of-business", "{\"businessDate\": \"2025-03-02\"}", OPERATOR),
            // a well-formed file paying a debt no test registers: it is answered with a report and applies nothing
            postCsv("/api/v1/operations/bank-files", """
                    archive_id,reference,amount,currency,value_date
                    {paymentId},RF47 NOSU CHDE BT,10.00,EUR,2025-03-02
                    """, OPERATOR),

            get("/api/v1/operations/runs", "?kind=BANK_FILE&size=5", OPERATOR),
            get("/api/v1/operations/runs/{id}", "", OPERATOR),
            get("/api/v1/debts/{debtId}", "", ADVISOR, COMPLIANCE, CREDITOR),
            get("/api/v1/debts/{debtId}/history", "?asOf=2030-01-01T00:00:00Z", ADVISOR, COMPLIANCE),
            get("/api/v1/debtors/{debtorId}/balance", "?payoffDate=2025-03-31", ADVISOR, COMPLIANCE, CREDITOR),
            get("/api/v1/search", "?q=INV-1", ADVISOR, COMPLIANCE, CREDITOR),
            get("/api/v1/advisor-queue", "?today=2025-03-31", ADVISOR, COMPLIANCE),
            get("/api/v1/advisor-queue/stream", "?after=0", ADVISOR, COMPLIANCE),
            get("/api/v1/portfolio/ageing", "?asOf=2025-03-31", ADVISOR, COMPLIANCE),
            get("/api/v1/portfolio/recovery", "?from=2025-01&to=2025-03", ADVISOR, COMPLIANCE),
            get("/api/v1/portfolio/plans", "?from=2025-01&to=2025-03", ADVISOR, COMPLIANCE),
            get("/api/v1/portfolio/promises", "?from=2025-01&to=2025-03", ADVISOR, COMPLIANCE),
            get("/api/v1/portfolio/queue", "?from=2025-03-01&to=2025-03-31", ADVISOR, COMPLIANCE),
            get("/api/v1/portfolio/feedback", "?from=2025-01&to=2025-03", ADVISOR, COMPLIANCE),
            get("/api/v1/events", "?after=0&limit=5", INTEGRATION, COMPLIANCE, CREDITOR),
            get("/api/v1/events/stream", "?after=0", INTEGRATION, COMPLIANCE, CREDITOR),
            new Endpoint("PUT", "/api/v1/debtors/{debtorId}/personal-data", "",
                    "{\"name\": \"Maija Meikäläinen\", \"address\": \"Esimerkkikatu 1, Helsinki\"}",
                    "application/json", Set.of(ADVISOR)),
            get("/api/v1/debtors/{debtorId}/personal-data", "", ADVISOR, COMPLIANCE),
            // ---- the contact log: a contact's note is the debtor's personal data
            new Endpoint("PUT", "/api/v1/debts/{debtId}/contacts/{contactId}/note", "",
                    "{\"note\": \"Asked for a plan from June.\"}", "application/json", Set.of(ADVISOR)),
            get("/api/v1/debts/{debtId}/contact-notes", "", ADVISOR, COMPLIANCE),
            post("/api/v1/debtors/{debtorId}/erasure", "{\"reason\": \"the debtor asked\"}", COMPLIANCE),
            get("/api/v1/access-log", "?limit=5", COMPLIANCE),
            get("/api/v1/reference-rates/{jurisdiction}", "", ADVISOR, COMPLIANCE, OPERATOR),
            new Endpoint("PUT", "/api/v1/reference-rates/{jurisdiction}/{periodStart}", "",
                    "{\"until\": \"2022-06-30\", \"referenceRate\": \"0.00\", \"source\": \"ECB main refinancing rate\"}",
                    "application/json", Set.of(OPERATOR)),
            new Endpoint("PUT", "/api/v1/creditors/{creditorId}", "", """
                    {"name": "Acme Telecom Oy", "remittanceAccount": "FI21 1234 5600 0007 85", "date": "2025-01-02"}""",
                    "application/json", Set.of(OPERATOR)),
            post("/api/v1/creditors/{creditorId}/contracts", """
                    {"effectiveFrom": "2025-01-01", "interestShare": "35.00", "principalCommission": "2.50",
                     "date": "2025-01-02"}""", OPERATOR),
            get("/api/v1/creditors/{creditorId}", "", OPERATOR, CREDITOR),
            get("/api/v1/creditors/{creditorId}/remittance", "?from=2025-03-01&to=2025-03-31", OPERATOR, CREDITOR),
            post("/api/v1/admin/projections/{name}/rebuild", "", OPERATOR),
            post("/api/v1/admin/projections/rebuild", "", OPERATOR),
            get("/api/v1/admin/projections", "", OPERATOR),
            get("/api/v1/admin/projections/{name}/status", "", OPERATOR),
            get("/api/v1/admin/dead-letters", "", OPERATOR),
            post("/api/v1/admin/dead-letters/{id}/retry", "", OPERATOR),
            post("/api/v1/admin/reconciliation", "", OPERATOR),
            post("/api/v1/debtors/{debtorId}/access-codes", "", ADVISOR, OPERATOR),
            post("/api/v1/self-service/sign-in", "{\"reference\": \"{debtorId}\", \"code\": \"AAAA-BBBB-CCCC\"}", ANYONE),
            get("/api/v1/self-service/debts", "", DEBTOR),
            get("/api/v1/self-service/debts/{debtId}/payment-plans/quote", "?instalments=3", DEBTOR),
            post("/api/v1/self-service/debts/{debtId}/payment-plans", """
                    {"instalments": [{"dueDate": "2025-04-01", "amount": {"amount": "50.00", "currency": "EUR"}},
                     {"dueDate": "2025-05-01", "amount": {"amount": "50.00", "currency": "EUR"}}],
                     "affordability": {"monthlyIncome": {"amount": "2000.00", "currency": "EUR"},
                     "monthlyExpenses": {"amount": "1500.00", "currency": "EUR"}}}""", DEBTOR),
            get("/api/v1/self-service/debts/{debtId}/extensions/quote", "?days=14", DEBTOR),
            post("/api/v1/self-service/debts/{debtId}/extensions", "{\"days\": 14}", DEBTOR),
            post("/api/v1/self-service/debts/{debtId}/pause", "{\"until\": \"" + SOON.plusDays(10) + "\"}", DEBTOR),
            post("/api/v1/self-service/debts/{debtId}/disputes", "{\"reason\": \"I never ordered it\"}", DEBTOR),
            post("/api/v1/self-service/debts/{debtId}/call-backs",
                    "{\"on\": \"" + SOON + "\", \"from\": \"09:00\", \"to\": \"12:00\"}", DEBTOR),
            post("/api/v1/self-service/debts/{debtId}/promises",
                    "{\"amount\": {\"amount\": \"50.00\", \"currency\": \"EUR\"}, \"promisedFor\": \"" + SOON.plusDays(10)
                            + "\"}",
                    DEBTOR),
            get("/api/v1/self-service/debts/{debtId}", "", DEBTOR),
            get("/api/v1/self-service/debts/{debtId}/statement", "", DEBTOR),
            post("/api/v1/self-service/feedback", "{\"about\": \"PLAN\", \"rating\": 5, \"comment\": \"Clear.\"}",
                    DEBTOR),
            // ---- the metrics scrape: the ledger's figures, for operators
            get("/actuator/prometheus", "", OPERATOR));

    private Endpoints() {
    }
}
