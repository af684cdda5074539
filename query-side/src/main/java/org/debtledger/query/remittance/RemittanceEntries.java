package org.debtledger.query.remittance;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** Reads remittance lines as the table (or its active view) holds them. */
final class RemittanceEntries {

    static final String COLUMNS = "position, debt_id, creditor_id, kind, payment_id, business_date, contract_date,"
            + " currency, amount_minor, fees_minor, interest_minor, principal_minor, credit_minor";

    private RemittanceEntries() {
    }

    static List<RemittanceEntry> read(JdbcClient.StatementSpec query) {
        return query.query((row, n) -> entry(row)).list();
    }

    static Stream<RemittanceEntry> stream(JdbcClient.StatementSpec query) {
        return query.query((row, n) -> entry(row)).stream();
    }

    private static RemittanceEntry entry(ResultSet row) throws SQLException {
        return new RemittanceEntry(row.getLong(1), row.getString(2), row.getString(3),
                RemittanceEntry.Kind.valueOf(row.getString(4)), row.getString(5), row.getObject(6, LocalDate.class),
                row.getObject(7, LocalDate.class), row.getString(8), row.getLong(9), row.getLong(10), row.getLong(11),
                row.getLong(12), row.getLong(13));
    }
}
