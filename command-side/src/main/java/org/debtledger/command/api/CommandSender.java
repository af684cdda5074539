package org.debtledger.command.api;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.debtledger.audit.Channel;
import org.debtledger.command.calendar.BusinessDates;
import org.debtledger.debt.DebtCommand;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Sends a command with the request's audit metadata and answers with where its events landed.
 * A date the request leaves out is today's business date.
 */
@Component
public class CommandSender {

    private final CommandGateway commandGateway;
    private final JdbcClient jdbc;
    private final BusinessDates businessDates;

    CommandSender(CommandGateway commandGateway, JdbcClient jdbc, BusinessDates businessDates) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.businessDates = businessDates;
    }

    public CommandAccepted send(DebtCommand command, HttpServletRequest request) {
        return send(command, request, null, null);
    }

    public CommandAccepted send(DebtCommand command, HttpServletRequest request, Channel channel, String reason) {
        Audit audit = Audit.from(request);
        Long lastSequence = commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).withMetaData(audit.metaData(channel, reason)));
        return accepted(command.debtId().value(), lastSequence);
    }

    public LocalDate orToday(LocalDate date) {
        return date != null ? date : businessDates.today();
    }

    /** The event with {@code sequence}, or the debt's last event when the command appended none. */
    private CommandAccepted accepted(String debtId, Long sequence) {
        String where = sequence == null ? "" : " AND sequencenumber = :sequence";
        JdbcClient.StatementSpec query = jdbc.sql("SELECT sequencenumber, globalindex FROM domainevententry"
                        + " WHERE aggregateidentifier = :debt" + where + " ORDER BY sequencenumber DESC LIMIT 1")
                .param("debt", debtId);
        if (sequence != null) {
            query = query.param("sequence", sequence);
        }
        return query.query((row, n) -> new CommandAccepted(debtId, row.getLong(1), row.getLong(2))).single();
    }
}
