package org.debtledger.command.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.debtledger.command.contact.ContactLimit;
import org.debtledger.command.fee.FeeBand;
import org.debtledger.command.fee.FeeSchedule;
import org.debtledger.command.pause.PauseRule;
import org.debtledger.command.plan.PlanRules;
import org.debtledger.command.promise.PromiseRules;
import org.debtledger.contact.ContactChannel;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.money.Money;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.debtledger.payment.AllocationOrder;
import org.debtledger.payment.BalanceComponent;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collection rules of one jurisdiction, read from a policy file ({@code policy/FI.json}): fee caps per debt
 * type, payment allocation order, what each pause reason freezes, how payment plans work, and whether late interest
 * keeps running while a due date is extended; how far ahead a promise to pay may be and its grace; and how often the
 * agency may contact a debtor by each channel. A file that is incomplete or inconsistent stops the application at
 * start-up.
 */
public record JurisdictionPolicy(Jurisdiction jurisdiction, Currency currency, AllocationOrder allocationOrder,
                                 Map<PauseReason, PauseRule> pauses, PlanRules plans,
                                 Map<DebtType, FeeSchedule> fees, boolean interestRunsWhileExtended,
                                 PromiseRules promises, Map<ContactChannel, ContactLimit> contactLimits) {

    public JurisdictionPolicy {
        pauses = Map.copyOf(pauses);
        contactLimits = Map.copyOf(contactLimits);
        fees = Map.copyOf(fees);
        if (!pauses.keySet().containsAll(EnumSet.allOf(PauseReason.class))) {
            throw new IllegalArgumentException(jurisdiction + ": every pause reason needs a rule");
        }
        if (!fees.keySet().containsAll(EnumSet.allOf(DebtType.class))) {
            throw new IllegalArgumentException(jurisdiction + ": every debt type needs a fee schedule");
        }
    }

    public static JurisdictionPolicy load(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        Currency currency = Currency.getInstance(text(root, "currency"));
        List<BalanceComponent> order = new ArrayList<>();
        required(root, "allocationOrder").forEach(c -> order.add(BalanceComponent.valueOf(c.asText())));

        Map<PauseReason, PauseRule> pauses = new EnumMap<>(PauseReason.class);
        required(root, "pauses").fields().forEachRemaining(entry -> {
            Set<Freeze> freezes = EnumSet.noneOf(Freeze.class);
            required(entry.getValue(), "freezes").forEach(f -> freezes.add(Freeze.valueOf(f.asText())));
            pauses.put(PauseReason.valueOf(entry.getKey()),
                    new PauseRule(freezes, required(entry.getValue(), "openEnded").asBoolean()));
        });

        JsonNode plans = required(root, "plans");
        PlanRules planRules = new PlanRules(money(plans, "minimumInstalment", currency),
                required(plans, "graceDays").asInt(), required(plans, "missesToBreak").asInt(),
                required(plans, "firstPlanFree").asBoolean(), required(plans, "interestFrozenWhileKept").asBoolean());

        Map<DebtType, FeeSchedule> fees = new EnumMap<>(DebtType.class);
        required(root, "fees").fields().forEachRemaining(entry ->
                fees.put(DebtType.valueOf(entry.getKey()), feeSchedule(entry.getValue(), currency)));

        JsonNode promises = required(root, "promises");
        PromiseRules promiseRules = new PromiseRules(required(promises, "horizonDays").asInt(),
                required(promises, "graceDays").asInt());

        return new JurisdictionPolicy(Jurisdiction.valueOf(text(root, "jurisdiction")), currency,
                new AllocationOrder(order), pauses, planRules, fees,
                required(required(root, "dueDateExtensions"), "lateInterestKeepsRunning").asBoolean(), promiseRules,
                contactLimits(required(root, "contactLimits")));
    }

    // ---- the contact log: outbound attempts a debtor may receive by channel; a channel not listed is not limited
    private static Map<ContactChannel, ContactLimit> contactLimits(JsonNode node) {
        Map<ContactChannel, ContactLimit> limits = new EnumMap<>(ContactChannel.class);
        required(node, "perChannel").fields().forEachRemaining(entry -> limits.put(
                ContactChannel.valueOf(entry.getKey()),
                new ContactLimit(required(entry.getValue(), "perDay").asInt(),
                        required(entry.getValue(), "perWeek").asInt())));
        return limits;
    }

    private static FeeSchedule feeSchedule(JsonNode node, Currency currency) {
        JsonNode reminder = node.get("reminder");
        JsonNode demand = node.get("demand");
        JsonNode extension = node.get("dueDateExtension");
        JsonNode plan = node.get("paymentPlan");
        return new FeeSchedule(
                text(node, "source"),
                reminder == null ? null : money(reminder, "cap", currency),
                demand == null ? null : new FeeSchedule.Demand(bands(demand, currency),
                        optionalMoney(demand, "directlyEnforceableCap", currency),
                        required(demand, "repeatDivisor").asInt(), required(demand, "maxCharged").asInt()),
                required(node, "letterIntervalDays").asInt(),
                extension == null ? null : new FeeSchedule.Extension(money(extension, "cap", currency),
                        required(extension, "freeBelowDays").asInt()),
                plan == null ? null : new FeeSchedule.Plan(bands(plan, currency),
                        required(plan, "maxCharged").asInt(), required(plan, "maxChargedWhenSmallOrEnforceable").asInt(),
                        money(plan, "smallPrincipalUpTo", currency)));
    }

    private static List<FeeBand> bands(JsonNode node, Currency currency) {
        List<FeeBand> bands = new ArrayList<>();
        for (JsonNode band : required(node, "bands")) {
            bands.add(new FeeBand(optionalMoney(band, "principalUpTo", currency),
                    band.has("maxInstalments") ? band.get("maxInstalments").asInt() : null,
                    money(band, "cap", currency)));
        }
        return bands;
    }

    private static Money money(JsonNode node, String field, Currency currency) {
        return Money.of(text(node, field), currency.getCurrencyCode());
    }

    private static Money optionalMoney(JsonNode node, String field, Currency currency) {
        return node.has(field) ? money(node, field, currency) : null;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("policy file: '" + field + "' is missing");
        }
        return value;
    }
}
