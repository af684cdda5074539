package org.debtledger.query.projection;

import java.util.List;
import java.util.Set;

/**
 * A read model's table: its name without the version, its columns (a row's parameters are named as they are), the
 * columns that hold JSON, and what an insert does when the row is there already.
 */
public record Table(String name, List<String> columns, Set<String> json, String onConflict) {

    public static Table named(String name, String... columns) {
        return new Table(name, List.of(columns), Set.of(), "");
    }

    public Table withJson(String... columns) {
        return new Table(name, this.columns, Set.of(columns), onConflict);
    }

    /** {@code clause} follows {@code ON CONFLICT}, its parameters named as the columns. */
    public Table onConflict(String clause) {
        return new Table(name, columns, json, "ON CONFLICT " + clause);
    }

    /** The statement that writes a row into the table's {@code version}. */
    String insert(int version) {
        List<String> values = columns.stream()
                .map(column -> json.contains(column) ? "CAST(:" + column + " AS jsonb)" : ":" + column)
                .toList();
        return "INSERT INTO " + ProjectionVersions.table(name, version) + " (" + String.join(", ", columns)
                + ") VALUES (" + String.join(", ", values) + ") " + onConflict;
    }
}
