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

/**
 * Every policy the Debt aggregate applies, per jurisdiction, plus the late-interest calculation.
 * The aggregate's command handlers receive it as a parameter; it holds no state that changes.
 */
public final class CollectionPolicy {

    private static final LimitationPolicy LIMITATION = LimitationPolicy.finland();

    private final Map<Jurisdiction, JurisdictionPolicy> jurisdictions;
    private final LateInterest lateInterest;

    public CollectionPolicy(Map<Jurisdiction, JurisdictionPolicy> jurisdictions, LateInterest lateInterest) {
        this.jurisdictions = new EnumMap<>(jurisdictions);
        this.lateInterest = lateInterest;
        if (!this.jurisdictions.keySet().containsAll(EnumSet.allOf(Jurisdiction.class))) {
            throw new IllegalArgumentException("every jurisdiction needs a policy file");
        }
    }

    /** The policies shipped with the ledger: {@code policy/<jurisdiction>.json} and the Finnish reference rates. */
    public static CollectionPolicy shipped() {
        Map<Jurisdiction, JurisdictionPolicy> policies = new EnumMap<>(Jurisdiction.class);
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            String resource = "/policy/" + jurisdiction + ".json";
            try (InputStream json = CollectionPolicy.class.getResourceAsStream(resource)) {
                policies.put(jurisdiction, JurisdictionPolicy.load(Objects.requireNonNull(json, resource + " is missing")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CollectionPolicy(policies, new LateInterest(ReferenceRates.finland()));
    }

    public JurisdictionPolicy of(Jurisdiction jurisdiction) {
        return jurisdictions.get(jurisdiction);
    }

    public LateInterest lateInterest() {
        return lateInterest;
    }

    /** When claims become time-barred (the one jurisdiction's, checked when this class loads). */
    public LimitationPolicy limitation() {
        return LIMITATION;
    }
}
