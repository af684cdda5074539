package org.debtledger.command.payment;

import jakarta.servlet.http.HttpServletRequest;
import org.debtledger.audit.Channel;
import org.debtledger.command.api.CommandAccepted;
import org.debtledger.command.api.CommandSender;
import org.debtledger.debt.DebtId;
import org.debtledger.money.Money;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.RecordPayment;
import org.debtledger.payment.RefundCredit;
import org.debtledger.payment.ReversePayment;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

import static org.debtledger.command.api.InvalidRequest.required;
import static org.debtledger.command.api.InvalidRequest.requiredText;

@RestController
class PaymentController {

    private final CommandSender commands;

    PaymentController(CommandSender commands) {
        this.commands = commands;
    }

    record PaymentRequest(String paymentId, Money amount, LocalDate valueDate, Channel channel) {
    }

    @PostMapping("/api/v1/debts/{debtId}/payments")
    CommandAccepted record(@PathVariable String debtId, @RequestBody PaymentRequest body, HttpServletRequest request) {
        Channel channel = required(body.channel(), "channel");
        return commands.send(new RecordPayment(new DebtId(debtId), new PaymentId(required(body.paymentId(), "paymentId")),
                required(body.amount(), "amount"), required(body.valueDate(), "valueDate"), channel), request,
                channel, null);
    }

    record ReversalRequest(String reason, LocalDate date) {
    }

    @PostMapping("/api/v1/debts/{debtId}/payments/{paymentId}/reversal")
    CommandAccepted reverse(@PathVariable String debtId, @PathVariable String paymentId,
                            @RequestBody ReversalRequest body, HttpServletRequest request) {
        String reason = requiredText(body.reason(), "reason", 500);
        return commands.send(new ReversePayment(new DebtId(debtId), new PaymentId(paymentId), reason,
                commands.orToday(body.date())), request, null, reason);
    }

    record RefundRequest(Money amount, String reference, LocalDate date) {
    }

    @PostMapping("/api/v1/debts/{debtId}/refunds")
    CommandAccepted refund(@PathVariable String debtId, @RequestBody RefundRequest body, HttpServletRequest request) {
        return commands.send(new RefundCredit(new DebtId(debtId), required(body.amount(), "amount"),
                requiredText(body.reference(), "reference", 100), commands.orToday(body.date())), request);
    }
}
