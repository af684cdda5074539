package org.debtledger.query.projection;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows for a rebuild's new tables, gathered in memory and written with PostgreSQL's COPY: one statement a table
 * for thousands of rows, where the processors write a statement a row.
 */
public final class CopyRows {

    private record Table(List<String> columns, StringBuilder rows) {
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();

    /** The rows a fold gives, as rows of {@code version} of their tables. */
    public Rows ofVersion(int version) {
        return (table, row) -> add(ProjectionVersions.table(table.name(), version), table.columns(), row);
    }

    private void add(String table, List<String> columns, MapSqlParameterSource row) {
        StringBuilder text = tables.computeIfAbsent(table, absent -> new Table(columns, new StringBuilder())).rows();
        for (int i = 0; i < columns.size(); i++) {
            text.append(i == 0 ? "" : "\t");
            appendValue(text, row.getValue(columns.get(i)));
        }
        text.append('\n');
    }

    /** Writes every table's rows, a COPY each, on a connection of its own that commits them. */
    public void copyInto(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (var entry : tables.entrySet()) {
                copy.copyIn("COPY " + entry.getKey() + " (" + String.join(", ", entry.getValue().columns())
                        + ") FROM STDIN", new StringReader(entry.getValue().rows().toString()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy rows into " + tables.keySet(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value in COPY's text format: \N for null, and the backslash, tab and line ends escaped. */
    private static void appendValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            int copied = 0;
            for (int i = 0; i < string.length(); i++) {
                String escaped = switch (string.charAt(i)) {
                    case '\\' -> "\\\\";
                    case '\t' -> "\\t";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    default -> null;
                };
                if (escaped != null) {
                    text.append(string, copied, i).append(escaped);
                    copied = i + 1;
                }
            }
            text.append(string, copied, string.length());
        } else if (value instanceof Boolean bool) {
            text.append(bool ? 't' : 'f');
        } else if (value instanceof Long || value instanceof Integer || value instanceof LocalDate
                || value instanceof Instant) {
            text.append(value);
        } else if (value instanceof java.sql.Timestamp timestamp) {
            text.append(timestamp.toInstant());
        } else {
            throw new IllegalArgumentException("no COPY text for a " + value.getClass().getName());
        }
    }
}
