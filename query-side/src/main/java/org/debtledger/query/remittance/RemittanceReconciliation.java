package org.debtledger.query.remittance;

import org.debtledger.query.debt.HistoryReplay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.debtledger.query.projection.ProjectionVersions.active;

/**
 * Checks a debt's part of the remittance, as the active version holds it, against the fold of the debt's events:
 * its row and every line, to the minor unit, must be equal.
 */
@Component
public class RemittanceReconciliation {

    private final JdbcClient jdbc;

    RemittanceReconciliation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A debt's part as stored: its state and its lines in position order. */
    public record Stored(DebtRemittance state, List<RemittanceEntry> entries) {
    }

    /** The debt's part as stored; read it before the debt's events, so that they hold every event it applied. */
    public Stored stored(String debtId) {
        DebtRemittance state = jdbc.sql("SELECT creditor_id, sequence_number FROM " + active("remittance_debt")
                        + " WHERE debt_id = :id").param("id", debtId)
                .query((row, n) -> new DebtRemittance(debtId, row.getString(1), row.getLong(2), java.util.Map.of()))
                .optional().orElse(DebtRemittance.initial(debtId));
        List<RemittanceEntry> entries = RemittanceEntries.read(jdbc.sql("SELECT " + RemittanceEntries.COLUMNS
                + " FROM " + active("remittance_entry") + " WHERE debt_id = :id ORDER BY position").param("id", debtId));
        return new Stored(state, entries);
    }

    /**
     * What differs between the stored part and the fold of the events it should have applied: those at or before
     * {@code head}, and any later ones it applied already. Empty when nothing does.
     */
    public static Optional<String> difference(Stored stored, List<HistoryReplay.Recorded> events, long head) {
        long applied = stored.state().sequenceNumber();
        DebtRemittance folded = DebtRemittance.initial(stored.state().debtId());
        List<RemittanceEntry> entries = new ArrayList<>();
        try {
            for (HistoryReplay.Recorded event : events) {
                if (event.position() <= head || event.sequenceNumber() <= applied) {
                    DebtRemittance after = folded.after(event.event(), event.sequenceNumber());
                    if (after != folded) {
                        after.entry(event.event(), event.position()).ifPresent(entries::add);
                    }
                    folded = after;
                }
            }
        } catch (RuntimeException e) {
            return Optional.of("the events cannot be folded: " + e.getMessage());
        }
        if (!Objects.equals(stored.state().creditorId(), folded.creditorId())
                || stored.state().sequenceNumber() != folded.sequenceNumber()) {
            return Optional.of("stored the debt at sequence " + stored.state().sequenceNumber()
                    + "; the events give " + folded.sequenceNumber());
        }
        return stored.entries().equals(entries) ? Optional.empty()
                : Optional.of("stored " + stored.entries() + "; the events give " + entries);
    }
}
