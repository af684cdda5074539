package org.debtledger.query.projection;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Where a read model puts the rows its fold gives: a batch's statements, or a rebuild's COPY. */
@FunctionalInterface
public interface Rows {

    /** A row of {@code table}, its parameters named as the table's columns. */
    void add(Table table, MapSqlParameterSource row);
}
