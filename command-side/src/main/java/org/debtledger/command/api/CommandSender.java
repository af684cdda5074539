package org.debtledger.command.api;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.debtledger.audit.Channel;
import org.debtledger.command.calendar.BusinessDates;
import org.debtledger.command.config.Landed;
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
    private final BusinessDates businessDates;
    private final DebtorsDebts debtorsDebts;

    CommandSender(CommandGateway commandGateway, BusinessDates businessDates, DebtorsDebts debtorsDebts) {
        this.commandGateway = commandGateway;
        this.businessDates = businessDates;
        this.debtorsDebts = debtorsDebts;
    }

    public CommandAccepted send(DebtCommand command, HttpServletRequest request) {
        return send(command, request, null, null);
    }

    public CommandAccepted send(DebtCommand command, HttpServletRequest request, Channel channel, String reason) {
        return dispatch(command, Audit.from(request).metaData(channel, reason));
    }

    /**
     * Sends a command as the debtor signed in, through self-service, on a debt of theirs: a debt owed under another
     * reference is unknown to them (404, as a debt never registered) and nothing is sent. Its date is today: a
     * debtor never chooses the business date.
     */
    public CommandAccepted sendAsDebtor(DebtCommand command, HttpServletRequest request, String reason) {
        String debtorId = debtorsDebts.requireOwn(command.debtId());
        return dispatch(command, Audit.ofDebtor(debtorId, request).metaData(null, reason));
    }

    private CommandAccepted dispatch(DebtCommand command, MetaData metaData) {
        Landed landed = commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).withMetaData(metaData));
        return new CommandAccepted(command.debtId().value(), landed.sequenceNumber(), landed.position());
    }

    public LocalDate orToday(LocalDate date) {
        return date != null ? date : businessDates.today();
    }

    /** Today's business date: the date of every self-service command. */
    public LocalDate today() {
        return businessDates.today();
    }
}
