package org.debtledger.command.policy;

import org.debtledger.interest.LateInterest;
import org.debtledger.interest.ReferenceRates;
import org.debtledger.limitation.LimitationPolicy;
import org.debtledger.debt.Jurisdiction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Every policy the Debt aggregate applies, per jurisdiction, plus the late-interest calculation.
 * The aggregate's command handlers receive it as a parameter; it holds no state that changes, only where to
 * take the reference rates from, which an operator keeps.
 */
public final class CollectionPolicy {

    private static final LimitationPolicy LIMITATION = LimitationPolicy.finland();

    private final Map<Jurisdiction, JurisdictionPolicy> jurisdictions;
    private final Supplier<ReferenceRates> referenceRates;

    public CollectionPolicy(Map<Jurisdiction, JurisdictionPolicy> jurisdictions, Supplier<ReferenceRates> referenceRates) {
        this.jurisdictions = new EnumMap<>(jurisdictions);
        this.referenceRates = referenceRates;
        if (!this.jurisdictions.keySet().containsAll(EnumSet.allOf(Jurisdiction.class))) {
            throw new IllegalArgumentException("every jurisdiction needs a policy file");
        }
    }

    /** The policies shipped with the ledger, with the reference rates of the table shipped with it. */
    public static CollectionPolicy shipped() {
        ReferenceRates table = ReferenceRates.finland();
        return shipped(() -> table);
    }

    /** The policies shipped with the ledger: {@code policy/<jurisdiction>.json}, with the reference rates in force. */
    public static CollectionPolicy shipped(Supplier<ReferenceRates> referenceRates) {
        Map<Jurisdiction, JurisdictionPolicy> policies = new EnumMap<>(Jurisdiction.class);
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            String resource = "/policy/" + jurisdiction + ".json";
            try (InputStream json = CollectionPolicy.class.getResourceAsStream(resource)) {
                policies.put(jurisdiction, JurisdictionPolicy.load(Objects.requireNonNull(json, resource + " is missing")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CollectionPolicy(policies, referenceRates);
    }

    public JurisdictionPolicy of(Jurisdiction jurisdiction) {
        return jurisdictions.get(jurisdiction);
    }

    /** Late interest at the reference rates in force now (every debt is Finnish: {@link Jurisdiction} has FI alone). */
    public LateInterest lateInterest() {
        return new LateInterest(referenceRates.get());
    }

    /** When claims become time-barred (the one jurisdiction's, checked when this class loads). */
    public LimitationPolicy limitation() {
        return LIMITATION;
    }
}
