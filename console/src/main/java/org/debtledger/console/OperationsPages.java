package org.debtledger.console;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

/** The operator's page: close of business for a date, and a bank file of incoming payments with its report. */
@Controller
class OperationsPages {

    private final LedgerApi api;
    private final Today today;

    OperationsPages(LedgerApi api, Today today) {
        this.api = api;
        this.today = today;
    }

    @GetMapping("/console/operations")
    String operations(Model model) {
        model.addAttribute("today", today.date());
        return "console/operations";
    }

    @PostMapping("/console/operations/close-of-business")
    String closeOfBusiness(@RequestParam LocalDate businessDate, Model model) {
        model.addAttribute("today", today.date());
        try {
            model.addAttribute("closing", api.command("/api/v1/operations/close-of-business",
                    Map.of("businessDate", businessDate.toString())));
        } catch (Refusal refusal) {
            Outcome.refused(refusal, model);
        }
        return "console/operations";
    }

    @PostMapping("/console/operations/bank-files")
    String bankFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("today", today.date());
        model.addAttribute("fileName", file.getOriginalFilename());
        try {
            model.addAttribute("report", api.command("/api/v1/operations/bank-files",
                    MediaType.parseMediaType("text/csv"), file.getBytes()));
        } catch (Refusal refusal) {
            Outcome.refused(refusal, model);
        }
        return "console/operations";
    }
}
