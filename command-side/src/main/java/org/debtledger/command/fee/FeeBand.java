package org.debtledger.command.fee;

import org.debtledger.money.Money;

/**
 * One row of a fee table: the cap that applies when the principal is at most {@code principalUpTo} and the
 * plan has at most {@code maxInstalments} instalments (a missing bound matches anything).
 */
public record FeeBand(Money principalUpTo, Integer maxInstalments, Money cap) {

    boolean matches(Money principal, int instalments) {
        return (principalUpTo == null || !principal.isGreaterThan(principalUpTo))
                && (maxInstalments == null || instalments <= maxInstalments);
    }
}
