package org.debtledger.benchmarks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much room the store takes for the events it holds, on disk as PostgreSQL counts it: the event table (its rows
 * and their out-of-line values), each of its indexes, the snapshots, and the read models' schema; each in bytes and
 * in bytes an event. The capacity plan scales these to larger stores.
 */
final class StoreSizes {

    private StoreSizes() {
    }

    static Map<String, Object> measure(DataSource database) throws SQLException {
        Map<String, Object> sizes = new LinkedHashMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE domainevententry");
            long events = single(statement, "SELECT count(*) FROM domainevententry");
            sizes.put("events", events);
            put(sizes, "eventTable", single(statement, "SELECT pg_table_size('domainevententry')"), events);
            try (ResultSet indexes = statement.executeQuery("""
                    SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) FROM pg_index
                    WHERE indrelid = 'domainevententry'::regclass ORDER BY 1""")) {
                Map<String, Object> each = new LinkedHashMap<>();
                while (indexes.next()) {
                    each.put(indexes.getString(1), perEvent(indexes.getLong(2), events));
                }
                sizes.put("eventIndexes", each);
            }
            put(sizes, "snapshots", single(statement, "SELECT pg_total_relation_size('snapshotevententry')"), events);
            put(sizes, "readModels", single(statement, """
                    SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'ledger_read' AND c.relkind = 'r'"""), events);
            put(sizes, "database", single(statement, "SELECT pg_database_size(current_database())"), events);
        }
        return sizes;
    }

    private static void put(Map<String, Object> sizes, String name, long bytes, long events) {
        sizes.put(name, perEvent(bytes, events));
    }

    private static Map<String, Object> perEvent(long bytes, long events) {
        return Map.of("bytes", bytes, "bytesPerEvent", events == 0 ? 0 : Math.round((double) bytes / events));
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
