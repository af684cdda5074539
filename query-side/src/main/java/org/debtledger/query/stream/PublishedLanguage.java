package org.debtledger.query.stream;

import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.Balance;
import org.debtledger.debt.ClaimAdjusted;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtRecalled;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.DueDateExtended;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.fee.FeeCharged;
import org.debtledger.interest.InterestPosted;
import org.debtledger.limitation.DebtTimeBarred;
import org.debtledger.limitation.LimitationApproaching;
import org.debtledger.money.Money;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How each internal event is told downstream. Free-text reasons, the reason for a pause (it can reveal illness or
 * hardship), a debtor's declared income and expenses, refund references (which can name a bank account) and
 * which advisor holds a case stay inside the ledger; a claim's description, free text a user typed, goes out only
 * for the creditors that allow it ({@link DescriptionPublishing}); the debtor appears only as the creditor's own
 * reference.
 *
 * <p>A payload is told from the event's stored JSON, whose form is pinned for each revision (a change to it is a new
 * revision with an upcaster), not from the event bound to its class: binding checks every id and amount and parses
 * every date again, for every event of every page. It is written straight into the answer, field by
 * field in the order its schema lists them, nested objects too, so nothing stored reaches a consumer unnamed here.
 */
public final class PublishedLanguage {

    /** The revision of the stored events the publications below read. */
    static final String STORED_REVISION = "1";

    /** A published event's payload: writes its fields into the payload object being written. */
    @FunctionalInterface
    public interface Payload {
        void write(JsonGenerator json);
    }

    /**
     * How events of one internal class are told: the public type they go out as, their payload's fields, and the
     * stored field of free text a user typed, if the event has one (else null), which goes out last and only where
     * it is allowed.
     */
    record Publication(Class<? extends DebtEvent> event, String type, BiConsumer<JsonNode, JsonGenerator> fields,
                   String freeText) {

        Publication(Class<? extends DebtEvent> event, String type, BiConsumer<JsonNode, JsonGenerator> fields) {
            this(event, type, fields, null);
        }

        /** The payload of an event of this class, from its stored JSON; its free text only if {@code withFreeText}. */
        Payload payloadOf(JsonNode stored, boolean withFreeText) {
            return json -> {
                fields.accept(stored, json);
                if (freeText != null && withFreeText) {
                    text(json, freeText, stored.get(freeText));
                }
            };
        }
    }

    private static final List<Publication> LANGUAGE = List.of(
            new Publication(DebtRegistered.class, "debt.registered", (e, json) -> {
                text(json, "debtorReference", e.get("debtorId"));
                text(json, "invoiceReference", e.get("invoiceReference"));
                json.writeObjectPropertyStart("invoicePeriod");
                text(json, "from", e.path("invoicePeriod").get("from"));
                text(json, "to", e.path("invoicePeriod").get("to"));
                json.writeEndObject();
                money(json, "principal", e.get("principal"));
                text(json, "dueDate", e.get("dueDate"));
                text(json, "debtType", e.get("debtType"));
                text(json, "jurisdiction", e.get("jurisdiction"));
            }, "description"),
            new Publication(FeeCharged.class, "fee.charged", (e, json) -> {
                text(json, "feeType", e.get("type"));
                money(json, "amount", e.get("amount"));
            }),
            new Publication(DueDateExtended.class, "due-date.extended", (e, json) -> {
                text(json, "previousDueDate", e.get("previousDueDate"));
                text(json, "dueDate", e.get("dueDate"));
                json.writeNumberProperty("days", e.get("days").intValue());
                text(json, "interestFrozenFrom", e.get("interestFrozenFrom"));
            }),
            new Publication(InterestPosted.class, "interest.posted", (e, json) -> {
                money(json, "amount", e.get("amount"));
                text(json, "from", e.get("accruedFrom"));
                text(json, "through", e.get("date"));
            }),
            new Publication(PaymentPlanAgreed.class, "plan.agreed", (e, json) -> {
                json.writeNumberProperty("planNumber", e.get("planNumber").intValue());
                json.writeArrayPropertyStart("instalments");
                for (JsonNode instalment : e.path("instalments").values()) {
                    json.writeStartObject();
                    text(json, "dueDate", instalment.get("dueDate"));
                    money(json, "amount", instalment.get("amount"));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }),
            new Publication(PaymentReceived.class, "payment.received", (e, json) -> {
                text(json, "paymentId", e.get("paymentId"));
                money(json, "amount", e.get("amount"));
                json.writeObjectPropertyStart("allocation");
                money(json, "fees", e.path("allocation").get("fees"));
                money(json, "interest", e.path("allocation").get("interest"));
                money(json, "principal", e.path("allocation").get("principal"));
                money(json, "credit", e.path("allocation").get("credit"));
                json.writeEndObject();
            }),
            new Publication(BalanceRestated.class, "balance.restated", (e, json) -> {
                text(json, "paymentId", e.get("paymentId"));
                json.writeObjectPropertyStart("change");
                money(json, "fees", e.get("fees"));
                money(json, "interest", e.get("interest"));
                money(json, "principal", e.get("principal"));
                money(json, "credit", e.get("credit"));
                json.writeEndObject();
            }),
            new Publication(PaymentReversed.class, "payment.reversed", (e, json) -> {
                text(json, "paymentId", e.get("paymentId"));
                money(json, "amount", e.get("amount"));
            }),
            new Publication(CreditRefunded.class, "credit.refunded", (e, json) -> money(json, "amount", e.get("amount"))),
            new Publication(InstalmentMissed.class, "instalment.missed", (e, json) -> {
                json.writeNumberProperty("planNumber", e.get("planNumber").intValue());
                json.writeNumberProperty("instalmentNumber", e.get("instalmentNumber").intValue());
                text(json, "dueDate", e.get("dueDate"));
                money(json, "unpaid", e.get("unpaid"));
            }),
            new Publication(PaymentPlanBroken.class, "plan.broken", (e, json) ->
                    json.writeNumberProperty("planNumber", e.get("planNumber").intValue())),
            new Publication(CollectionPaused.class, "collection.paused", (e, json) -> text(json, "until", e.get("until"))),
            new Publication(CollectionResumed.class, "collection.resumed", (e, json) -> {
            }),
            new Publication(DebtDisputed.class, "debt.disputed", (e, json) -> {
            }),
            new Publication(DisputeResolved.class, "dispute.resolved", (e, json) -> text(json, "outcome", e.get("outcome"))),
            new Publication(ClaimAdjusted.class, "claim.adjusted", (e, json) ->
                    money(json, "principalReduction", e.get("principalReduction"))),
            new Publication(DebtSettled.class, "debt.settled", (e, json) -> {
            }),
            new Publication(LimitationApproaching.class, "limitation.approaching", (e, json) ->
                    text(json, "limitationDate", e.get("limitationDate"))),
            new Publication(DebtTimeBarred.class, "debt.time-barred", (e, json) ->
                    text(json, "limitationDate", e.get("limitationDate"))),
            new Publication(DebtWrittenOff.class, "debt.written-off", (e, json) ->
                    money(json, "amount", balance(e.get("writtenOff")).total())),
            new Publication(DebtRecalled.class, "debt.recalled", (e, json) ->
                    money(json, "amount", balance(e.get("outstanding")).total())),
            // ---- promises to pay
            new Publication(PromiseToPayMade.class, "promise.made", (e, json) -> {
                json.writeNumberProperty("promiseNumber", e.get("number").intValue());
                money(json, "amount", e.get("amount"));
                text(json, "promisedFor", e.get("promisedFor"));
                text(json, "countsThrough", e.get("countsThrough"));
                text(json, "channel", e.get("channel"));
            }),
            new Publication(PromiseKept.class, "promise.kept", (e, json) -> {
                json.writeNumberProperty("promiseNumber", e.get("number").intValue());
                money(json, "amount", e.get("amount"));
                money(json, "arrived", e.get("arrived"));
            }),
            new Publication(PromiseBroken.class, "promise.broken", (e, json) -> {
                json.writeNumberProperty("promiseNumber", e.get("number").intValue());
                money(json, "amount", e.get("amount"));
                money(json, "arrived", e.get("arrived"));
            }),
            // ---- the contact log: the facts of a contact, for letter systems and creditors; never its note
            new Publication(ContactRecorded.class, "contact.recorded", (e, json) -> {
                text(json, "contactId", e.get("contactId"));
                text(json, "direction", e.get("direction"));
                text(json, "channel", e.get("channel"));
                text(json, "outcome", e.get("outcome"));
            }));

    /** Every public event type, each at version 1, with a schema in {@code public-events/<type>.v1.schema.json}. */
    public static final List<String> TYPES = LANGUAGE.stream().map(Publication::type).toList();

    private static final Map<String, Publication> BY_STORED_TYPE = LANGUAGE.stream()
            .collect(Collectors.toUnmodifiableMap(publication -> publication.event().getName(), Function.identity()));

    private PublishedLanguage() {
    }

    /**
     * How an event stored as {@code payloadType} (its class's name) is told, or null if it is not published. An
     * event at a revision these publications do not read is refused rather than told wrongly.
     */
    static Publication publicationOf(String payloadType, String revision) {
        Publication publication = BY_STORED_TYPE.get(payloadType);
        if (publication != null && !STORED_REVISION.equals(revision)) {
            throw new IllegalStateException("the published language reads " + payloadType + " at revision "
                    + STORED_REVISION + ", not " + revision);
        }
        return publication;
    }

    /** A stored string, or null where the stored event has none. */
    private static void text(JsonGenerator json, String name, JsonNode stored) {
        if (stored == null || stored.isNull()) {
            json.writeNullProperty(name);
        } else {
            json.writeStringProperty(name, stored.stringValue());
        }
    }

    /** An amount as the schemas define it ({@code $defs/money}): the decimal string, then the currency. */
    private static void money(JsonGenerator json, String name, JsonNode stored) {
        if (stored == null || stored.isNull()) {
            json.writeNullProperty(name);
            return;
        }
        json.writeObjectPropertyStart(name);
        text(json, "amount", stored.get("amount"));
        text(json, "currency", stored.get("currency"));
        json.writeEndObject();
    }

    private static void money(JsonGenerator json, String name, Money money) {
        json.writeObjectPropertyStart(name);
        json.writeStringProperty("amount", money.amount());
        json.writeStringProperty("currency", money.currency().getCurrencyCode());
        json.writeEndObject();
    }

    private static Balance balance(JsonNode stored) {
        return JsonMapper.shared().treeToValue(stored, Balance.class);
    }
}
