package org.debtledger.query.stream;

import org.debtledger.debt.ClaimAdjusted;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtRecalled;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.fee.FeeCharged;
import org.debtledger.interest.InterestPosted;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each internal event is told downstream. Free-text reasons, the reason for a pause (it can reveal illness or
 * hardship), a debtor's declared income and expenses, refund references (which can name a bank account) and
 * which advisor holds a case stay inside the ledger;
 * the debtor appears only as the creditor's own reference.
 */
public final class PublishedLanguage {

    /** Every public event type, each at version 1, with a schema in {@code public-events/<type>.v1.schema.json}. */
    public static final List<String> TYPES = List.of("debt.registered", "fee.charged", "interest.posted",
            "plan.agreed", "payment.received", "payment.reversed", "credit.refunded", "instalment.missed",
            "plan.broken", "collection.paused", "collection.resumed", "debt.disputed", "dispute.resolved",
            "claim.adjusted", "debt.settled", "debt.written-off", "debt.recalled");

    private PublishedLanguage() {
    }

    /** The type and payload a downstream system sees, or nothing for an event that is not published. */
    public record Told(String type, Map<String, Object> payload) {
    }

    public static Optional<Told> tell(DebtEvent event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        String type;
        if (event instanceof DebtRegistered e) {
            type = "debt.registered";
            payload.put("debtorReference", e.debtorId().value());
            payload.put("invoiceReference", e.invoiceReference());
            payload.put("invoicePeriod", Map.of("from", e.invoicePeriod().from(), "to", e.invoicePeriod().to()));
            payload.put("description", e.description());
            payload.put("principal", e.principal());
            payload.put("dueDate", e.dueDate());
            payload.put("debtType", e.debtType().name());
            payload.put("jurisdiction", e.jurisdiction().name());
        } else if (event instanceof FeeCharged e) {
            type = "fee.charged";
            payload.put("feeType", e.type().name());
            payload.put("amount", e.amount());
        } else if (event instanceof InterestPosted e) {
            type = "interest.posted";
            payload.put("amount", e.amount());
            payload.put("from", e.accruedFrom());
            payload.put("through", e.date());
        } else if (event instanceof PaymentPlanAgreed e) {
            type = "plan.agreed";
            payload.put("planNumber", e.planNumber());
            payload.put("instalments", e.instalments().stream()
                    .map(i -> Map.of("dueDate", (Object) i.dueDate(), "amount", i.amount())).toList());
        } else if (event instanceof PaymentReceived e) {
            type = "payment.received";
            payload.put("paymentId", e.paymentId().value());
            payload.put("amount", e.amount());
            payload.put("allocation", Map.of("fees", e.allocation().fees(), "interest", e.allocation().interest(),
                    "principal", e.allocation().principal(), "credit", e.allocation().credit()));
        } else if (event instanceof PaymentReversed e) {
            type = "payment.reversed";
            payload.put("paymentId", e.paymentId().value());
            payload.put("amount", e.amount());
        } else if (event instanceof CreditRefunded e) {
            type = "credit.refunded";
            payload.put("amount", e.amount());
        } else if (event instanceof InstalmentMissed e) {
            type = "instalment.missed";
            payload.put("planNumber", e.planNumber());
            payload.put("instalmentNumber", e.instalmentNumber());
            payload.put("dueDate", e.dueDate());
            payload.put("unpaid", e.unpaid());
        } else if (event instanceof PaymentPlanBroken e) {
            type = "plan.broken";
            payload.put("planNumber", e.planNumber());
        } else if (event instanceof CollectionPaused e) {
            type = "collection.paused";
            payload.put("until", e.until());
        } else if (event instanceof CollectionResumed) {
            type = "collection.resumed";
        } else if (event instanceof DebtDisputed) {
            type = "debt.disputed";
        } else if (event instanceof DisputeResolved e) {
            type = "dispute.resolved";
            payload.put("outcome", e.outcome().name());
        } else if (event instanceof ClaimAdjusted e) {
            type = "claim.adjusted";
            payload.put("principalReduction", e.principalReduction());
        } else if (event instanceof DebtSettled) {
            type = "debt.settled";
        } else if (event instanceof DebtWrittenOff e) {
            type = "debt.written-off";
            payload.put("amount", e.writtenOff().total());
        } else if (event instanceof DebtRecalled e) {
            type = "debt.recalled";
            payload.put("amount", e.outstanding().total());
        } else {
            return Optional.empty();
        }
        return Optional.of(new Told(type, payload));
    }
}
