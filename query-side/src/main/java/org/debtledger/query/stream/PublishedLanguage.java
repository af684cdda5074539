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
import org.debtledger.money.Money;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import tools.jackson.core.JsonGenerator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How each internal event is told downstream. Free-text reasons, the reason for a pause (it can reveal illness or
 * hardship), a debtor's declared income and expenses, refund references (which can name a bank account) and
 * which advisor holds a case stay inside the ledger;
 * the debtor appears only as the creditor's own reference.
 *
 * <p>A payload is written straight into the answer, field by field in the order its schema lists them, nested objects
 * too, with no map in between: the stream writes thousands of them a page.
 */
public final class PublishedLanguage {

    /** A published event's payload: writes its fields into the payload object being written. */
    @FunctionalInterface
    public interface Payload {
        void write(JsonGenerator json);
    }

    /** How events of one internal class are told: the public type they go out as, and their payload's fields. */
    private record Telling<E extends DebtEvent>(Class<E> event, String type, BiConsumer<E, JsonGenerator> fields) {

        Told tell(DebtEvent told) {
            E event = event().cast(told);
            return new Told(type, json -> fields.accept(event, json));
        }
    }

    private static final List<Telling<?>> LANGUAGE = List.of(
            new Telling<>(DebtRegistered.class, "debt.registered", (e, json) -> {
                json.writeStringProperty("debtorReference", e.debtorId().value());
                json.writeStringProperty("invoiceReference", e.invoiceReference());
                json.writeObjectPropertyStart("invoicePeriod");
                date(json, "from", e.invoicePeriod().from());
                date(json, "to", e.invoicePeriod().to());
                json.writeEndObject();
                json.writeStringProperty("description", e.description());
                money(json, "principal", e.principal());
                date(json, "dueDate", e.dueDate());
                json.writeStringProperty("debtType", e.debtType().name());
                json.writeStringProperty("jurisdiction", e.jurisdiction().name());
            }),
            new Telling<>(FeeCharged.class, "fee.charged", (e, json) -> {
                json.writeStringProperty("feeType", e.type().name());
                money(json, "amount", e.amount());
            }),
            new Telling<>(InterestPosted.class, "interest.posted", (e, json) -> {
                money(json, "amount", e.amount());
                date(json, "from", e.accruedFrom());
                date(json, "through", e.date());
            }),
            new Telling<>(PaymentPlanAgreed.class, "plan.agreed", (e, json) -> {
                json.writeNumberProperty("planNumber", e.planNumber());
                json.writeArrayPropertyStart("instalments");
                for (Instalment instalment : e.instalments()) {
                    json.writeStartObject();
                    date(json, "dueDate", instalment.dueDate());
                    money(json, "amount", instalment.amount());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }),
            new Telling<>(PaymentReceived.class, "payment.received", (e, json) -> {
                json.writeStringProperty("paymentId", e.paymentId().value());
                money(json, "amount", e.amount());
                json.writeObjectPropertyStart("allocation");
                money(json, "fees", e.allocation().fees());
                money(json, "interest", e.allocation().interest());
                money(json, "principal", e.allocation().principal());
                money(json, "credit", e.allocation().credit());
                json.writeEndObject();
            }),
            new Telling<>(PaymentReversed.class, "payment.reversed", (e, json) -> {
                json.writeStringProperty("paymentId", e.paymentId().value());
                money(json, "amount", e.amount());
            }),
            new Telling<>(CreditRefunded.class, "credit.refunded", (e, json) -> money(json, "amount", e.amount())),
            new Telling<>(InstalmentMissed.class, "instalment.missed", (e, json) -> {
                json.writeNumberProperty("planNumber", e.planNumber());
                json.writeNumberProperty("instalmentNumber", e.instalmentNumber());
                date(json, "dueDate", e.dueDate());
                money(json, "unpaid", e.unpaid());
            }),
            new Telling<>(PaymentPlanBroken.class, "plan.broken", (e, json) ->
                    json.writeNumberProperty("planNumber", e.planNumber())),
            new Telling<>(CollectionPaused.class, "collection.paused", (e, json) -> date(json, "until", e.until())),
            new Telling<>(CollectionResumed.class, "collection.resumed", (e, json) -> {
            }),
            new Telling<>(DebtDisputed.class, "debt.disputed", (e, json) -> {
            }),
            new Telling<>(DisputeResolved.class, "dispute.resolved", (e, json) ->
                    json.writeStringProperty("outcome", e.outcome().name())),
            new Telling<>(ClaimAdjusted.class, "claim.adjusted", (e, json) ->
                    money(json, "principalReduction", e.principalReduction())),
            new Telling<>(DebtSettled.class, "debt.settled", (e, json) -> {
            }),
            new Telling<>(DebtWrittenOff.class, "debt.written-off", (e, json) ->
                    money(json, "amount", e.writtenOff().total())),
            new Telling<>(DebtRecalled.class, "debt.recalled", (e, json) ->
                    money(json, "amount", e.outstanding().total())));

    /** Every public event type, each at version 1, with a schema in {@code public-events/<type>.v1.schema.json}. */
    public static final List<String> TYPES = LANGUAGE.stream().map(Telling::type).toList();

    private static final Map<Class<?>, Telling<?>> BY_CLASS = LANGUAGE.stream()
            .collect(Collectors.toUnmodifiableMap(Telling::event, Function.identity()));

    private PublishedLanguage() {
    }

    /** The type and payload a downstream system sees, or nothing for an event that is not published. */
    public record Told(String type, Payload payload) {
    }

    public static Optional<Told> tell(DebtEvent event) {
        return Optional.ofNullable(BY_CLASS.get(event.getClass())).map(telling -> telling.tell(event));
    }

    /** An amount as the schemas define it ({@code $defs/money}): the decimal string, then the currency. */
    private static void money(JsonGenerator json, String name, Money money) {
        if (money == null) {
            json.writeNullProperty(name);
            return;
        }
        json.writeObjectPropertyStart(name);
        json.writeStringProperty("amount", money.amount());
        json.writeStringProperty("currency", money.currency().getCurrencyCode());
        json.writeEndObject();
    }

    /** A date as ISO-8601, {@code 2025-03-01}. */
    static void date(JsonGenerator json, String name, LocalDate date) {
        if (date == null) {
            json.writeNullProperty(name);
        } else {
            json.writeStringProperty(name, date.toString());
        }
    }
}
