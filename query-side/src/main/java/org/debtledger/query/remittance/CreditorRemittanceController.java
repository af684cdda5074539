package org.debtledger.query.remittance;

import io.swagger.v3.oas.annotations.Operation;
import org.debtledger.creditor.CreditorTerms;
import org.debtledger.debt.CreditorId;
import org.debtledger.edge.Caller;
import org.debtledger.query.api.QueryProblems;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadPositions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import static org.debtledger.query.projection.ProjectionVersions.active;

/**
 * A creditor as the agency configured it, and its remittance for a period (JSON, or CSV with a header row). An
 * operator reads any creditor; a creditor only its own, and any other is unknown to it (404), as its debts are.
 */
@RestController
class CreditorRemittanceController {

    static final long MAX_DAYS = 366;
    static final int MAX_SIZE = 10_000;
    static final String CSV_HEADER = "date,kind,debt_id,payment_id,currency,amount,fees,interest,principal,credit,"
            + "collected,fees_kept,interest_kept,commission,kept,remitted,contract_from,position";

    private final CreditorDirectory creditors;
    private final JdbcClient jdbc;
    private final ReadPositions positions;

    CreditorRemittanceController(CreditorDirectory creditors, JdbcClient jdbc, ReadPositions positions) {
        this.creditors = creditors;
        this.jdbc = jdbc;
        this.positions = positions;
    }

    record ContractView(LocalDate effectiveFrom, String interestShare, String principalCommission) {
    }

    record CreditorView(String creditorId, String name, String remittanceAccount, LocalDate registeredOn,
                        List<ContractView> contracts) {
    }

    @Operation(summary = "A creditor's details and contracts")
    @GetMapping("/api/v1/creditors/{creditorId}")
    CreditorView creditor(@PathVariable String creditorId) {
        CreditorTerms terms = visible(creditorId);
        return new CreditorView(terms.creditorId().value(), terms.name(), terms.remittanceAccount().value(),
                terms.registeredOn(), terms.contracts().stream()
                .map(contract -> new ContractView(contract.effectiveFrom(),
                        percent(contract.interestShareBasisPoints()), percent(contract.principalCommissionBasisPoints())))
                .toList());
    }

    /** Every payment, reversal and refund on the creditor's debts dated {@code from} through {@code to}. */
    @Operation(summary = "A creditor's remittance for a period")
    @GetMapping("/api/v1/creditors/{creditorId}/remittance")
    ResponseEntity<?> remittance(@PathVariable String creditorId, @RequestParam LocalDate from,
                                 @RequestParam LocalDate to, @RequestParam(required = false) String format,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "1000") int size,
                                 @RequestParam(required = false) Long minPosition,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        CreditorTerms terms = visible(creditorId);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new QueryProblems.RuleRefused(QueryProblems.Rule.REMITTANCE_PERIOD_TOO_LONG,
                    "a remittance covers at most " + MAX_DAYS + " days; ask for it a month or a year at a time");
        }
        if (page < 0 || page > 100_000 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page is 0 to 100000 and size 1 to " + MAX_SIZE);
        }
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw new IllegalArgumentException("format is csv or json");
        }
        long reached = positions.awaitAtLeast(ProcessingGroups.REMITTANCE, minPosition);
        RemittanceStatement statement = new RemittanceStatement(terms, from, to, page, size);
        try (Stream<RemittanceEntry> entries = RemittanceEntries.stream(jdbc.sql("SELECT " + RemittanceEntries.COLUMNS
                        + " FROM " + active("remittance_entry") + " WHERE creditor_id = :creditor"
                        + " AND business_date BETWEEN :from AND :to ORDER BY business_date, position")
                .param("creditor", terms.creditorId().value()).param("from", from).param("to", to))) {
            entries.forEach(statement::add);
        }
        CreditorRemittance answer = statement.answer();
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header("X-Read-Position", Long.toString(reached));
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
        if (csv) {
            return ok.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("X-More-Lines", Boolean.toString(answer.more()))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"remittance-"
                            + terms.creditorId().value().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + from + "-" + to
                            + ".csv\"")
                    .body(csv(answer));
        }
        return ok.contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /** The creditor, if the caller may see it: an unknown one and another creditor's are alike unknown. */
    private CreditorTerms visible(String creditorId) {
        if (!Caller.current().maySee(creditorId)) {
            throw new QueryProblems.NotFound("no creditor " + creditorId + " is known");
        }
        return creditors.terms(new CreditorId(creditorId))
                .orElseThrow(() -> new QueryProblems.NotFound("no creditor " + creditorId + " is known"));
    }

    static String csv(CreditorRemittance remittance) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (CreditorRemittance.Line line : remittance.lines()) {
            csv.append(String.join(",", line.date().toString(), line.kind(), field(line.debtId()),
                    field(line.paymentId()), line.currency(), line.amount(), line.fees(), line.interest(),
                    line.principal(), line.credit(), line.collected(), line.feesKept(), line.interestKept(),
                    line.commission(), line.kept(), line.remitted(),
                    line.contractFrom() == null ? "" : line.contractFrom().toString(),
                    Long.toString(line.position()))).append("\r\n");
        }
        return csv.toString();
    }

    /** A text field as CSV (RFC 4180) quotes it; a leading formula character is defused for spreadsheets. */
    private static String field(String text) {
        if (text == null) {
            return "";
        }
        String safe = text.matches("^[=+@-].*") ? "'" + text : text;
        return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).toPlainString();
    }
}
