package org.debtledger.pause;

import org.axonframework.serialization.Revision;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Collection was paused from date through until (open-ended only for a dispute), freezing what freezes lists. */
@Revision("1")
public record CollectionPaused(DebtId debtId, PauseReason reason, LocalDate until, Set<Freeze> freezes,
                               LocalDate date) implements DebtEvent {

    public CollectionPaused {
        // in the order of the enum, so the stored JSON does not depend on how the set was built
        freezes = freezes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(freezes));
    }
}
