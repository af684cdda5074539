package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The reference rates late interest is computed from, by half year, with who recorded each and its earlier values;
 * the operator adds the next half year's rate when it is published (without it, no interest can run into that
 * half year and quotes reaching it are refused), or corrects one, giving the source.
 */
@Controller
class ReferenceRatePages {

    private static final String JURISDICTION = "FI";

    private final LedgerApi api;
    private final Today today;

    ReferenceRatePages(LedgerApi api, Today today) {
        this.api = api;
        this.today = today;
    }

    @GetMapping("/console/reference-rates")
    @SuppressWarnings("unchecked")
    String rates(Model model) {
        Map<String, Object> rates = api.get(LedgerApi.Side.COMMAND, uri -> uri
                .path("/api/v1/reference-rates/{jurisdiction}").build(JURISDICTION), null);
        List<Map<String, Object>> periods = (List<Map<String, Object>>) rates.get("periods");
        LocalDate next = periods.isEmpty() ? today.date().withDayOfMonth(1)
                : LocalDate.parse((String) periods.get(periods.size() - 1).get("until")).plusDays(1);
        model.addAttribute("rates", rates);
        model.addAttribute("nextStart", next);
        model.addAttribute("nextUntil", next.plusMonths(6).minusDays(1));
        return "console/reference-rates";
    }

    @PostMapping("/console/reference-rates")
    String record(@RequestParam LocalDate periodStart, @RequestParam LocalDate until,
                  @RequestParam String referenceRate, @RequestParam String source, RedirectAttributes after) {
        Outcome.of(() -> api.send(HttpMethod.PUT, LedgerApi.Side.COMMAND, "/api/v1/reference-rates/{jurisdiction}/"
                        + "{periodStart}", Map.of("until", until.toString(), "referenceRate", referenceRate.strip(),
                        "source", source.strip()), JURISDICTION, periodStart),
                "Reference rate " + referenceRate.strip() + " % recorded from " + periodStart, after);
        return "redirect:/console/reference-rates";
    }
}
