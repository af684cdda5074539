package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.debtledger.client.Refusal;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operator's page: close of business for a date and a bank file of incoming payments, each started as a run
 * the ledger carries out in the background, whose page shows its progress until it ends and then its report; it
 * can be left and returned to, and past runs are listed.
 */
@Controller
class OperationsPages {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final LedgerApi api;
    private final Today today;

    OperationsPages(LedgerApi api, Today today) {
        this.api = api;
        this.today = today;
    }

    @GetMapping("/console/operations")
    String operations(Model model) {
        model.addAttribute("today", today.date());
        model.addAttribute("runs", api.get(LedgerApi.Side.COMMAND, uri -> uri.path("/api/v1/operations/runs")
                .queryParam("size", 20).build(), null));
        return "console/operations";
    }

    @PostMapping("/console/operations/close-of-business")
    String closeOfBusiness(@RequestParam LocalDate businessDate, Model model) {
        return start(() -> api.startRun("/api/v1/operations/close-of-business", MediaType.APPLICATION_JSON,
                Map.of("businessDate", businessDate.toString()), null), model);
    }

    @PostMapping("/console/operations/bank-files")
    String bankFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        byte[] lines = file.getBytes();
        return start(() -> api.startRun("/api/v1/operations/bank-files", CSV, lines, file.getOriginalFilename()),
                model);
    }

    @GetMapping("/console/operations/runs/{runId}")
    String run(@PathVariable long runId, Model model) {
        model.addAttribute("run", run(runId));
        return "console/run";
    }

    /** The run's progress alone, for its page to refresh while it goes on. */
    @GetMapping("/console/operations/runs/{runId}/progress")
    String progress(@PathVariable long runId, Model model) {
        model.addAttribute("run", run(runId));
        return "console/run :: progress";
    }

    private Map<String, Object> run(long runId) {
        return api.get(LedgerApi.Side.COMMAND, uri -> uri.path("/api/v1/operations/runs/{runId}").build(runId),
                null);
    }

    /** Starts the run and opens its page, or shows why the ledger would not start it. */
    private String start(Supplier<Map<String, Object>> run, Model model) {
        try {
            return "redirect:/console/operations/runs/" + run.get().get("runId");
        } catch (Refusal refusal) {
            Outcome.refused(refusal, model);
            return operations(model);
        }
    }
}
