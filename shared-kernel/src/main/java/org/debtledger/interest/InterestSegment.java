package org.debtledger.interest;

import org.debtledger.money.Money;

import java.time.LocalDate;

/** Days from {@code from} through {@code through}, at one principal and one annual rate (basis points). */
public record InterestSegment(LocalDate from, LocalDate through, int days, Money principal, int annualRateBasisPoints) {
}
