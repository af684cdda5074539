package org.debtledger.query.projection;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read model as the projection machinery runs it: each debt's state, folded from the debt's events, and the rows
 * it is stored as. {@link BatchedProjection} runs it live, a batch of events at a time; a rebuild runs
 * {@link #fold} over every debt's events and writes the rows with COPY.
 *
 * @param <S> a debt's state; immutable, so an event that fails leaves the state before it as it was
 */
public interface ReadModel<S> {

    /** The processing group whose processor keeps the model. */
    String processingGroup();

    /** A debt's state before its first event. */
    S initial(String debtId);

    /** The states of {@code debtIds} as {@code version} of the tables holds them, one query a table; absent if none. */
    Map<String, S> load(JdbcClient jdbc, int version, List<String> debtIds);

    /** The state after {@code event}: {@code state} itself when the event was applied before. */
    S evolve(S state, StoredEvent event);

    /** Rows the event adds on its own (a timeline entry, say), once it has changed the state to {@code after}. */
    default void eventRows(StoredEvent event, S after, Rows rows) {
    }

    /** The rows of a debt's state {@code after} that differ from those of {@code stored}. */
    void stateRows(S stored, S after, Rows rows);

    /** The event at {@code index} of a debt's events could not be folded. */
    record Failure(int index, RuntimeException cause) {
    }

    /**
     * Adds the rows of a debt folded from its first event: its state after all of {@code events}, or, when one of
     * them cannot be folded, after the events before it; that one is then the failure.
     */
    default Optional<Failure> fold(List<StoredEvent> events, Rows rows) {
        S initial = initial(events.get(0).debtId());
        S state = initial;
        for (int i = 0; i < events.size(); i++) {
            try {
                S after = evolve(state, events.get(i));
                if (after != state) {
                    eventRows(events.get(i), after, rows);
                }
                state = after;
            } catch (RuntimeException e) {
                stateRows(initial, state, rows);
                return Optional.of(new Failure(i, e));
            }
        }
        stateRows(initial, state, rows);
        return Optional.empty();
    }
}
