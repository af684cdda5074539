package org.debtledger.command.pause;

import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;

import java.time.LocalDate;
import java.util.Set;

/** A pause in force: why, from when through when (open for a dispute), and what it freezes. */
public record Pause(PauseReason reason, LocalDate from, LocalDate until, Set<Freeze> freezes) {

    public boolean freezesOn(Freeze freeze, LocalDate day) {
        return freezes.contains(freeze) && !day.isBefore(from) && (until == null || !day.isAfter(until));
    }
}
