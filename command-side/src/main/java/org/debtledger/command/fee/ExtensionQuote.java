package org.debtledger.command.fee;

import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DueDateExtended;
import org.debtledger.fee.FeeCharged;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What moving the due date by {@code days} on {@code date} would do: the due date it moves from and to, and whether
 * it is free or what it costs ({@code fee}, null when free).
 */
public record ExtensionQuote(String debtId, LocalDate date, int days, LocalDate dueDate, LocalDate newDueDate,
                             boolean free, Money fee) {

    /** The quote the events of an extension say: the due date they move, and their fee if they charge one. */
    public static ExtensionQuote of(String debtId, LocalDate date, int days, List<DebtEvent> events) {
        Optional<Money> fee = events.stream().filter(FeeCharged.class::isInstance).map(FeeCharged.class::cast)
                .map(FeeCharged::amount).findFirst();
        DueDateExtended extended = events.stream().filter(DueDateExtended.class::isInstance)
                .map(DueDateExtended.class::cast).findFirst().orElseThrow();
        return new ExtensionQuote(debtId, date, days, extended.previousDueDate(), extended.dueDate(), fee.isEmpty(),
                fee.orElse(null));
    }
}
