package org.debtledger.query.personal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.debt.Identifier;
import org.debtledger.edge.Caller;
import org.debtledger.edge.Purpose;
import org.debtledger.query.access.AccessLog;
import org.debtledger.query.api.QueryProblems;
import org.debtledger.query.api.QueryProblems.Gone;
import org.debtledger.query.api.QueryProblems.NotFound;
import org.debtledger.query.api.QueryProblems.RuleRefused;
import org.debtledger.query.debt.DebtReads;
import org.debtledger.query.debt.DebtView;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadPositions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The notes of the contacts about a debt: an advisor files what was said under a contact recorded on the debt,
 * advisors and compliance read them (each read goes to the access log). A creditor or a debtor never does: the debt
 * view they read carries the contacts' facts only.
 */
@RestController
class ContactNoteController {

    private final ContactNotes notes;
    private final DebtReads debts;
    private final ReadPositions positions;
    private final AccessLog accessLog;

    ContactNoteController(ContactNotes notes, DebtReads debts, ReadPositions positions, AccessLog accessLog) {
        this.notes = notes;
        this.debts = debts;
        this.positions = positions;
        this.accessLog = accessLog;
    }

    @Schema(example = """
            {"note": "Lost her job in May; asks for a plan from June."}""")
    record NoteRequest(String note) {
    }

    record Notes(String debtId, List<ContactNotes.Note> notes) {
    }

    /**
     * Files the note of a contact recorded on the debt. A contact recorded a moment ago may not be in the debt view
     * yet: before answering that there is no such contact, the view is let catch up with the event store.
     */
    @Operation(summary = "File what was said in a contact")
    @PutMapping("/api/v1/debts/{debtId}/contacts/{contactId}/note")
    ResponseEntity<Void> put(@PathVariable String debtId, @PathVariable String contactId,
                             @RequestBody NoteRequest body) {
        Identifier.requireValid(contactId, "contactId");
        String note = body.note();
        if (note == null || note.isBlank()) {
            throw new RuleRefused(QueryProblems.Rule.CONTACT_NOTE_EMPTY, "a note says what was said: it is not empty");
        }
        if (note.codePointCount(0, note.length()) > ContactNotes.MAX_LENGTH) {
            throw new RuleRefused(QueryProblems.Rule.CONTACT_NOTE_TOO_LONG,
                    "a note is at most " + ContactNotes.MAX_LENGTH + " characters");
        }
        DebtView debt = withContact(debtId, contactId);
        if (notes.erased(debt.debtorId())) {
            // a key made now would leave the erased data beside it unreadable by the wrong key, not by none
            throw new Gone("the personal data of debtor " + debt.debtorId() + " was erased; a note is filed once"
                    + " their personal data is recorded again");
        }
        notes.put(debt.debtorId(), debtId, contactId, note, Caller.current().id());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The notes of a debt's contacts")
    @GetMapping("/api/v1/debts/{debtId}/contact-notes")
    Notes read(@PathVariable String debtId, HttpServletRequest request) {
        Purpose purpose = Purpose.of(request);
        DebtView debt = debts.view(debtId).orElseThrow(() -> new NotFound("no debt " + debtId + " is known"));
        if (notes.erased(debt.debtorId())) {
            throw new Gone("the personal data of debtor " + debt.debtorId() + ", the contacts' notes with it, was"
                    + " erased");
        }
        List<ContactNotes.Note> filed = notes.of(debt.debtorId(), debtId);
        accessLog.record(request, purpose, debt.debtorId(), debtId);
        return new Notes(debtId, filed);
    }

    private DebtView withContact(String debtId, String contactId) {
        DebtView debt = debts.view(debtId).filter(view -> recorded(view, contactId)).orElseGet(() -> {
            positions.awaitAtLeast(ProcessingGroups.DEBTS, debts.storeHead());
            return debts.view(debtId).orElseThrow(() -> new NotFound("no debt " + debtId + " is known"));
        });
        if (!recorded(debt, contactId)) {
            throw new NotFound("no contact " + contactId + " is recorded on debt " + debtId);
        }
        return debt;
    }

    private static boolean recorded(DebtView debt, String contactId) {
        return debt.contacts().stream().anyMatch(contact -> contact.contactId().equals(contactId));
    }
}
