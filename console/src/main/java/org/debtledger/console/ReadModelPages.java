package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.debtledger.client.Refusal;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;


/**
 * The operator's read models: each one's version and any rebuild with its progress (refreshed while the page is
 * open, so it can be left and returned to), the events a projection failed on with a retry each, and a
 * reconciliation of the read models against the events with what differs.
 */
@Controller
class ReadModelPages {

    private final LedgerApi api;

    ReadModelPages(LedgerApi api) {
        this.api = api;
    }

    @GetMapping("/console/read-models")
    String readModels(Model model) {
        model.addAttribute("projections", api.queryList(uri -> uri.path("/api/v1/admin/projections").build()));
        model.addAttribute("deadLetters", api.queryList(uri -> uri.path("/api/v1/admin/dead-letters").build()));
        return "console/read-models";
    }

    /** The rebuilds' progress alone, for the page to refresh. */
    @GetMapping("/console/read-models/progress")
    String progress(Model model) {
        model.addAttribute("projections", api.queryList(uri -> uri.path("/api/v1/admin/projections").build()));
        return "console/read-models :: progress";
    }

    @PostMapping("/console/read-models/{name}/rebuild")
    String rebuild(@PathVariable String name, RedirectAttributes after) {
        Outcome.of(() -> api.send(HttpMethod.POST, LedgerApi.Side.QUERY, "/api/v1/admin/projections/{name}/rebuild",
                null, name), "Rebuild of " + name + " started", after);
        return "redirect:/console/read-models";
    }

    @PostMapping("/console/read-models/dead-letters/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes after) {
        Outcome.of(() -> api.send(HttpMethod.POST, LedgerApi.Side.QUERY, "/api/v1/admin/dead-letters/{id}/retry",
                null, id), "Dead letter " + id + " retried", after);
        return "redirect:/console/read-models";
    }

    @PostMapping("/console/read-models/reconciliation")
    String reconcile(Model model) {
        try {
            model.addAttribute("reconciliation", api.send(HttpMethod.POST, LedgerApi.Side.QUERY,
                    "/api/v1/admin/reconciliation", null));
        } catch (Refusal refusal) {
            Outcome.refused(refusal, model);
        }
        return readModels(model);
    }
}
