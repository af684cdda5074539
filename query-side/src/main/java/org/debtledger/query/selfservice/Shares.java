package org.debtledger.query.selfservice;

import org.debtledger.money.Money;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An amount split in proportion to weights, in whole minor units that add up to it exactly: each part rounded down,
 * then the units left over one each to the parts that lost the most to rounding (the earlier part on a tie).
 */
final class Shares {

    private Shares() {
    }

    /** The parts of {@code amount}, one per weight; null when it cannot be split so (no weights, or none positive). */
    static List<Money> of(Money amount, List<BigInteger> weights) {
        BigInteger whole = weights.stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (weights.isEmpty() || amount.isNegative() || whole.signum() <= 0
                || weights.stream().anyMatch(weight -> weight.signum() < 0)) {
            return null;
        }
        BigInteger units = BigInteger.valueOf(amount.minorUnits());
        List<Long> parts = new ArrayList<>();
        List<BigInteger> remainders = new ArrayList<>();
        long placed = 0;
        for (BigInteger weight : weights) {
            BigInteger[] division = units.multiply(weight).divideAndRemainder(whole);
            parts.add(division[0].longValueExact());
            remainders.add(division[1]);
            placed += division[0].longValueExact();
        }
        long left = amount.minorUnits() - placed; // fewer than the number of parts
        IntStream.range(0, weights.size()).boxed()
                .sorted(Comparator.comparing(remainders::get, Comparator.reverseOrder()))
                .limit(left)
                .forEach(i -> parts.set(i, parts.get(i) + 1));
        return parts.stream().map(part -> new Money(part, amount.currency())).toList();
    }
}
