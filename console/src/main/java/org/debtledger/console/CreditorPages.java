package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.debtledger.client.Refusal;
import org.debtledger.edge.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's page for the agency's creditors: one found by its id with its name, remittance account and
 * contracts, forms to register it or change its details and to add a contract, and what is owed to it for a period,
 * with its totals by currency, its lines a page at a time, and the whole period as CSV. The API serves creditors to
 * operators and to each creditor itself, so no other staff role sees this page.
 */
@Controller
class CreditorPages {

    private static final int LINES_PER_PAGE = 200;
    /** The most lines the API answers at once; a download asks for pages of this size until no more follow. */
    private static final int CSV_PAGE = 10_000;
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final int MOST_ID_CHARACTERS = 255;

    private final LedgerApi api;
    private final Today today;

    CreditorPages(LedgerApi api, Today today) {
        this.api = api;
        this.today = today;
    }

    /** The creditor named, if any, and its remittance from {@code from} to {@code to} (the previous month). */
    @GetMapping("/console/creditors")
    String creditors(@RequestParam(defaultValue = "") String creditorId,
                     @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Long minPosition,
                     Authentication who, Model model) {
        if (who.getAuthorities().stream().noneMatch(granted -> granted.getAuthority()
                .equals(Role.OPERATOR.authority()))) {
            // with no creditor asked for, no API call would refuse it; the page is for operators alone
            throw new Refusal(403, "the creditors and their remittance are for operators", null);
        }
        YearMonth lastMonth = YearMonth.from(today.date()).minusMonths(1);
        LocalDate start = from != null ? from : lastMonth.atDay(1);
        LocalDate end = to != null ? to : lastMonth.atEndOfMonth();
        String id = creditorId.strip();
        model.addAttribute("creditorId", id);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("today", today.date());
        if (id.isEmpty()) {
            return "console/creditors";
        }
        if (id.length() > MOST_ID_CHARACTERS) {
            throw new IllegalArgumentException("a creditor id is at most " + MOST_ID_CHARACTERS + " characters");
        }
        Map<String, Object> creditor = creditor(id);
        model.addAttribute("creditor", creditor);
        if (creditor == null) {
            return "console/creditors";
        }
        model.addAttribute("nextContractFrom", nextContractFrom(creditor));
        int wanted = Math.max(0, page);
        try {
            model.addAttribute("remittance", api.query(uri -> uri.path("/api/v1/creditors/{creditorId}/remittance")
                    .queryParam("from", start).queryParam("to", end).queryParam("page", wanted)
                    .queryParam("size", LINES_PER_PAGE)
                    .queryParamIfPresent("minPosition", Optional.ofNullable(minPosition))
                    .build(id)));
        } catch (Refusal refusal) {
            if (refusal.status() == 403 || refusal.status() == 401) {
                throw refusal;
            }
            // a period the API will not answer (too long, or backwards) is said beside the period's form
            model.addAttribute("remittanceRefused", refusal);
        }
        return "console/creditors";
    }

    /** Registers the creditor or sets its name and remittance account; the same details again change nothing. */
    @PostMapping("/console/creditors")
    String details(@RequestParam String creditorId, @RequestParam String name, @RequestParam String remittanceAccount,
                   @RequestParam LocalDate date, @RequestParam(defaultValue = "false") boolean registered,
                   RedirectAttributes after) {
        String id = creditorId.strip();
        Map<String, Object> details = Map.of("name", name.strip(), "remittanceAccount", remittanceAccount.strip(),
                "date", date.toString());
        boolean done = Outcome.of(() -> api.send(HttpMethod.PUT, LedgerApi.Side.COMMAND,
                        "/api/v1/creditors/{creditorId}", details, id),
                registered ? "Name and remittance account of " + id + " saved" : "Creditor " + id + " registered",
                after).isPresent();
        if (!done) {
            after.addFlashAttribute("typed", details);
        }
        after.addAttribute("creditorId", id);
        return "redirect:/console/creditors";
    }

    /** Records a contract in force from {@code effectiveFrom} until the next one. */
    @PostMapping("/console/creditors/contracts")
    String contract(@RequestParam String creditorId, @RequestParam LocalDate effectiveFrom,
                    @RequestParam String interestShare, @RequestParam(defaultValue = "") String principalCommission,
                    @RequestParam LocalDate date, RedirectAttributes after) {
        String id = creditorId.strip();
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("effectiveFrom", effectiveFrom.toString());
        contract.put("interestShare", interestShare.strip());
        if (!principalCommission.isBlank()) {
            contract.put("principalCommission", principalCommission.strip());
        }
        contract.put("date", date.toString());
        boolean done = Outcome.of(() -> api.command("/api/v1/creditors/{creditorId}/contracts", contract, id),
                "Contract in force from " + effectiveFrom + " recorded", after).isPresent();
        if (!done) {
            after.addFlashAttribute("typedContract", contract);
        }
        after.addAttribute("creditorId", id);
        return "redirect:/console/creditors";
    }

    /**
     * The remittance of the whole period as the API writes it in CSV, one header row and every line, fetched page by
     * page as the person signed in and handed over as a file.
     */
    @GetMapping("/console/creditors/remittance.csv")
    ResponseEntity<byte[]> remittanceCsv(@RequestParam String creditorId, @RequestParam LocalDate from,
                                         @RequestParam LocalDate to) {
        String id = creditorId.strip();
        StringBuilder csv = new StringBuilder();
        boolean more = true;
        for (int page = 0; more; page++) {
            int wanted = page;
            ResponseEntity<String> answer = api.getText(LedgerApi.Side.QUERY, uri -> uri
                    .path("/api/v1/creditors/{creditorId}/remittance").queryParam("from", from)
                    .queryParam("to", to).queryParam("page", wanted).queryParam("size", CSV_PAGE).build(id), CSV);
            String body = answer.getBody() == null ? "" : answer.getBody();
            if (page == 0) {
                csv.append(body);
            } else {
                int headerEnds = body.indexOf("\r\n");
                csv.append(headerEnds < 0 ? "" : body.substring(headerEnds + 2));
            }
            more = Boolean.parseBoolean(answer.getHeaders().getFirst("X-More-Lines"));
        }
        String file = "remittance-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + from + "-" + to + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The creditor as the API answers it, or null when none of that id is registered. */
    private Map<String, Object> creditor(String id) {
        try {
            return api.query(uri -> uri.path("/api/v1/creditors/{creditorId}").build(id));
        } catch (Refusal refusal) {
            if (refusal.status() == 404) {
                return null;
            }
            throw refusal;
        }
    }

    /** The day after the latest contract comes into force, which a new one must follow; else the registration's. */
    @SuppressWarnings("unchecked")
    private static LocalDate nextContractFrom(Map<String, Object> creditor) {
        List<Map<String, Object>> contracts = (List<Map<String, Object>>) creditor.get("contracts");
        if (contracts == null || contracts.isEmpty()) {
            return LocalDate.parse((String) creditor.get("registeredOn"));
        }
        return LocalDate.parse((String) contracts.get(contracts.size() - 1).get("effectiveFrom")).plusDays(1);
    }
}
