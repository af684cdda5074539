package org.debtledger.command.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.command.api.CommandAccepted;
import org.debtledger.command.api.CommandSender;
import org.debtledger.command.api.InvalidRequest;
import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactDirection;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactOutcome;
import org.debtledger.contact.RecordContact;
import org.debtledger.debt.DebtId;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.debtledger.command.api.InvalidRequest.required;

/**
 * An advisor records a contact with the debtor. The answer names the contact, so that its note can be filed under it
 * with the debtor's personal data on the query side; the note never reaches the command side.
 */
@RestController
class ContactController {

    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");

    private final CommandSender commands;

    ContactController(CommandSender commands) {
        this.commands = commands;
    }

    /** When the debtor asked to be called back: a day and a window of it, as HH:mm. */
    record CallBack(LocalDate on, String from, String to) {
    }

    @Schema(example = """
            {"direction": "OUTBOUND", "channel": "PHONE", "outcome": "CALL_BACK_REQUESTED", "date": "2025-03-05",
             "callBack": {"on": "2025-03-07", "from": "09:00", "to": "11:30"}}""")
    record ContactRequest(String contactId, ContactDirection direction, ContactChannel channel, ContactOutcome outcome,
                          LocalDate date, CallBack callBack) {
    }

    /** The contact recorded: its id, and where its events landed. */
    record ContactAccepted(String debtId, String contactId, long sequenceNumber, long position) {
    }

    @Operation(summary = "Record a contact with the debtor")
    @PostMapping("/api/v1/debts/{debtId}/contacts")
    ContactAccepted record(@PathVariable String debtId, @RequestBody ContactRequest body,
                           HttpServletRequest request) {
        ContactId contactId = new ContactId(body.contactId() != null ? body.contactId() : UUID.randomUUID().toString());
        CallBack callBack = body.callBack();
        CommandAccepted accepted = commands.send(new RecordContact(new DebtId(debtId), contactId,
                required(body.direction(), "direction"), required(body.channel(), "channel"),
                required(body.outcome(), "outcome"), callBack == null ? null : required(callBack.on(), "callBack.on"),
                callBack == null ? null : time(callBack.from(), "callBack.from"),
                callBack == null ? null : time(callBack.to(), "callBack.to"),
                commands.orToday(body.date())), request);
        return new ContactAccepted(accepted.debtId(), contactId.value(), accepted.sequenceNumber(),
                accepted.position());
    }

    private static LocalTime time(String text, String field) {
        if (text == null || !TIME.matcher(text).matches()) {
            throw new InvalidRequest(field + " must be a time of day as HH:mm");
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(field + " must be a time of day as HH:mm");
        }
    }
}
