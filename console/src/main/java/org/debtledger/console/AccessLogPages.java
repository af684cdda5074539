package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** The compliance officer's view of who read which debtor's data, when and why, filtered and paged through. */
@Controller
class AccessLogPages {

    private static final int PAGE = 50;

    private final LedgerApi api;

    AccessLogPages(LedgerApi api) {
        this.api = api;
    }

    @GetMapping("/console/access-log")
    String accessLog(@RequestParam(defaultValue = "") String debtorId, @RequestParam(defaultValue = "") String actorId,
                     @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                     @RequestParam(defaultValue = "0") long after, Model model) {
        model.addAttribute("debtorId", debtorId);
        model.addAttribute("actorId", actorId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("log", api.query(uri -> uri.path("/api/v1/access-log")
                .queryParamIfPresent("debtorId", present(debtorId).map(ignored -> "{debtorId}"))
                .queryParamIfPresent("actorId", present(actorId).map(ignored -> "{actorId}"))
                .queryParamIfPresent("from", Optional.ofNullable(from).map(day -> day.atStartOfDay(ZoneOffset.UTC)
                        .toInstant()))
                .queryParamIfPresent("to", Optional.ofNullable(to).map(day -> day.plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC).toInstant()))
                .queryParam("after", Math.max(0, after)).queryParam("limit", PAGE)
                .build(Map.of("debtorId", debtorId.strip(), "actorId", actorId.strip()))));
        return "console/access-log";
    }

    private static Optional<String> present(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
