package org.debtledger.command.api;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.debtledger.audit.Channel;
import org.debtledger.command.calendar.BusinessDates;
import org.debtledger.command.store.EventTableQueries;
import org.debtledger.debt.DebtCommand;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Sends a command with the request's audit metadata and answers with where its events landed.
 * A date the request leaves out is today's business date.
 */
@Component
public class CommandSender {

    private final CommandGateway commandGateway;
    private final EventTableQueries events;
    private final BusinessDates businessDates;

    CommandSender(CommandGateway commandGateway, EventTableQueries events, BusinessDates businessDates) {
        this.commandGateway = commandGateway;
        this.events = events;
        this.businessDates = businessDates;
    }

    public CommandAccepted send(DebtCommand command, HttpServletRequest request) {
        return send(command, request, null, null);
    }

    public CommandAccepted send(DebtCommand command, HttpServletRequest request, Channel channel, String reason) {
        Audit audit = Audit.from(request);
        Long lastSequence = commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).withMetaData(audit.metaData(channel, reason)));
        String debtId = command.debtId().value();
        // the debt's last event when the command appended none
        EventTableQueries.Position landed = events.positionOf(debtId, lastSequence);
        return new CommandAccepted(debtId, landed.sequenceNumber(), landed.globalIndex());
    }

    public LocalDate orToday(LocalDate date) {
        return date != null ? date : businessDates.today();
    }
}
