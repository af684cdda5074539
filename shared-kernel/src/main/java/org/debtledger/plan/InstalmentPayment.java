package org.debtledger.plan;

import org.debtledger.money.Money;

/** How much of a payment (or of its reversal) went to one instalment, numbered from 1. */
public record InstalmentPayment(int instalmentNumber, Money amount) {
}
