package org.debtledger.command.pause;

import org.debtledger.pause.Freeze;

import java.util.Set;

/** What a pause for one reason freezes, and whether it may be open-ended. */
public record PauseRule(Set<Freeze> freezes, boolean openEnded) {

    public PauseRule {
        freezes = Set.copyOf(freezes);
    }
}
