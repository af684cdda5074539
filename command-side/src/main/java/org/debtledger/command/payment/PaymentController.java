package org.debtledger.command.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

    @Schema(example = """
            {"paymentId": "RF-2025-0001", "amount": {"amount": "10.00", "currency": "EUR"},
             "valueDate": "2025-03-02", "channel": "BANK_FILE"}""")
    record PaymentRequest(String paymentId, Money amount, LocalDate valueDate, Channel channel) {
    }

    @Operation(summary = "Record a payment")
    @PostMapping("/api/v1/debts/{debtId}/payments")
    CommandAccepted record(@PathVariable String debtId, @RequestBody PaymentRequest body, HttpServletRequest request) {
        Channel channel = required(body.channel(), "channel");
        return commands.send(new RecordPayment(new DebtId(debtId), new PaymentId(required(body.paymentId(), "paymentId")),
                required(body.amount(), "amount"), required(body.valueDate(), "valueDate"), channel), request,
                channel, null);
    }

    @Schema(example = """
            {"reason": "returned by the bank", "date": "2025-03-03"}""")
    record ReversalRequest(String reason, LocalDate date) {
    }

    @Operation(summary = "Reverse a payment")
    @PostMapping("/api/v1/debts/{debtId}/payments/{paymentId}/reversal")
    CommandAccepted reverse(@PathVariable String debtId, @PathVariable String paymentId,
                            @RequestBody ReversalRequest body, HttpServletRequest request) {
        String reason = requiredText(body.reason(), "reason", 500);
        return commands.send(new ReversePayment(new DebtId(debtId), new PaymentId(paymentId), reason,
                commands.orToday(body.date())), request, null, reason);
    }

    @Schema(example = """
            {"amount": {"amount": "1.00", "currency": "EUR"}, "reference": "FI-REF-1", "date": "2025-03-03"}""")
    record RefundRequest(Money amount, String reference, LocalDate date) {
    }

    @Operation(summary = "Refund credit owed to the debtor")
    @PostMapping("/api/v1/debts/{debtId}/refunds")
    CommandAccepted refund(@PathVariable String debtId, @RequestBody RefundRequest body, HttpServletRequest request) {
        return commands.send(new RefundCredit(new DebtId(debtId), required(body.amount(), "amount"),
                requiredText(body.reference(), "reference", 100), commands.orToday(body.date())), request);
    }
}
