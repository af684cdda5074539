package org.debtledger.query.projection;

import org.debtledger.debt.DebtEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Which of a fold's methods each kind of event goes to, looked up by the event's class (events are records, so a
 * class is a kind).
 *
 * @param <T> what the methods change: a fold's state being built
 */
public final class EventDispatch<T> {

    private final Map<Class<?>, BiConsumer<T, DebtEvent>> handlers = new HashMap<>();

    public <E extends DebtEvent> EventDispatch<T> on(Class<E> type, BiConsumer<T, E> handler) {
        handlers.put(type, (target, event) -> handler.accept(target, type.cast(event)));
        return this;
    }

    /** Hands the event to its method; false when there is none for its kind. */
    public boolean apply(T target, DebtEvent event) {
        BiConsumer<T, DebtEvent> handler = handlers.get(event.getClass());
        if (handler == null) {
            return false;
        }
        handler.accept(target, event);
        return true;
    }
}
