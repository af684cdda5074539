package org.debtledger.command.fee;

import org.debtledger.money.Money;

import java.util.List;
import java.util.Optional;

/**
 * The fee caps of one jurisdiction and debt type. A part left out is not chargeable at all: where the law's
 * amount is not confirmed, the ledger charges nothing rather than guess.
 */
public record FeeSchedule(String source, Money reminderCap, Demand demand, int letterIntervalDays,
                          Extension dueDateExtension, Plan paymentPlan) {

    public FeeSchedule {
        if (letterIntervalDays < 0) {
            throw new IllegalArgumentException("letterIntervalDays must not be negative");
        }
    }

    public Optional<Money> reminder() {
        return Optional.ofNullable(reminderCap);
    }

    public Optional<Demand> demands() {
        return Optional.ofNullable(demand);
    }

    public Optional<Extension> extensions() {
        return Optional.ofNullable(dueDateExtension);
    }

    public Optional<Plan> plans() {
        return Optional.ofNullable(paymentPlan);
    }

    static Money firstMatch(List<FeeBand> bands, Money principal, int instalments) {
        return bands.stream()
                .filter(band -> band.matches(principal, instalments))
                .findFirst()
                .map(FeeBand::cap)
                .orElseThrow(() -> new IllegalStateException("no fee band matches principal " + principal));
    }

    /** Demand for payment: a cap by principal band, a lower one on a directly enforceable claim, a share of it for a repeat. */
    public record Demand(List<FeeBand> bands, Money directlyEnforceableCap, int repeatDivisor, int maxCharged) {

        public Demand {
            bands = List.copyOf(bands);
            requireOpenLastBand(bands);
            if (repeatDivisor < 1 || maxCharged < 0) {
                throw new IllegalArgumentException("repeatDivisor must be at least 1 and maxCharged not negative");
            }
        }

        /** The cap of the {@code number}th demand (1 for the first) on a claim. */
        public Money cap(Money principal, boolean directlyEnforceable, int number) {
            Money first = directlyEnforceable && directlyEnforceableCap != null
                    ? directlyEnforceableCap
                    : firstMatch(bands, principal, 0);
            return number == 1 ? first : first.fraction(1, repeatDivisor);
        }
    }

    /** Extending the payment time: free when shorter than {@code freeBelowDays}, capped otherwise. */
    public record Extension(Money cap, int freeBelowDays) {
    }

    /** Payment plan fees by principal band and instalment count, and how many plans may be charged for. */
    public record Plan(List<FeeBand> bands, int maxCharged, int maxChargedWhenSmallOrEnforceable,
                       Money smallPrincipalUpTo) {

        public Plan {
            bands = List.copyOf(bands);
            requireOpenLastBand(bands);
        }

        public Money cap(Money principal, int instalments) {
            return firstMatch(bands, principal, instalments);
        }

        public int maxCharged(Money principal, boolean directlyEnforceable) {
            boolean small = !principal.isGreaterThan(smallPrincipalUpTo);
            return small || directlyEnforceable ? maxChargedWhenSmallOrEnforceable : maxCharged;
        }
    }

    private static void requireOpenLastBand(List<FeeBand> bands) {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a fee table needs at least one band");
        }
        FeeBand last = bands.get(bands.size() - 1);
        if (last.principalUpTo() != null || last.maxInstalments() != null) {
            throw new IllegalArgumentException("the last fee band must match every principal and instalment count");
        }
    }
}
