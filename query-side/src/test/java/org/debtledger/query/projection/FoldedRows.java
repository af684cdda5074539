package org.debtledger.query.projection;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.debtledger.debt.DebtEvent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A read model's fold run in memory: the rows it gives, by table, as their column values. */
public final class FoldedRows implements Rows {

    private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();

    /** The rows of a debt's events folded from its first, each stored at position 100 + its sequence number. */
    public static FoldedRows of(ReadModel<?> model, List<? extends DebtEvent> events) {
        FoldedRows rows = new FoldedRows();
        model.fold(stored(events), rows).ifPresent(failure -> {
            throw failure.cause();
        });
        return rows;
    }

    /** The events as the store holds them: sequence numbers from 0, each at position 100 + its sequence number. */
    public static List<StoredEvent> stored(List<? extends DebtEvent> events) {
        List<StoredEvent> stored = new ArrayList<>();
        for (DebtEvent event : events) {
            stored.add(event(event, stored.size(), MetaData.emptyInstance()));
        }
        return stored;
    }

    public static StoredEvent event(DebtEvent event, long sequenceNumber, MetaData metaData) {
        return new StoredEvent(new GenericDomainEventMessage<>("Debt", event.debtId().value(), sequenceNumber, event,
                metaData), 100 + sequenceNumber);
    }

    @Override
    public void add(Table table, MapSqlParameterSource row) {
        Map<String, Object> values = new LinkedHashMap<>();
        table.columns().forEach(column -> values.put(column, row.getValue(column)));
        tables.computeIfAbsent(table.name(), absent -> new ArrayList<>()).add(values);
    }

    /** The rows of the table named {@code name}, in the order the fold gave them. */
    public List<Map<String, Object>> of(String name) {
        return tables.getOrDefault(name, List.of());
    }
}
