package org.debtledger.command.debt;

import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.plan.InstalmentPayment;

import java.time.LocalDate;
import java.util.List;

/**
 * A payment as the debt remembers it, so a repeat is recognised and a reversal restores exactly what it paid,
 * to the plan it paid ({@code planNumber} 0 when it paid none).
 */
record RecordedPayment(Money amount, LocalDate valueDate, Allocation allocation, List<InstalmentPayment> instalments,
                       int planNumber, boolean reversed) {

    RecordedPayment asReversed() {
        return new RecordedPayment(amount, valueDate, allocation, instalments, planNumber, true);
    }
}
