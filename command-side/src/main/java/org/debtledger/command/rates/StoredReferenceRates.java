package org.debtledger.command.rates;

import org.debtledger.debt.Jurisdiction;
import org.debtledger.interest.ReferenceRates;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The reference rates in the database (table {@code reference_rate}, rows only ever added; the view
 * {@code reference_rate_in_force} holds each period's newest).
 */
@Repository
class StoredReferenceRates {

    private static final RowMapper<RecordedRate> ROW = (row, n) -> new RecordedRate(
            row.getObject("period_start", LocalDate.class), row.getObject("period_end", LocalDate.class),
            row.getInt("reference_rate_basis_points"), row.getString("source"), row.getString("recorded_by"),
            row.getObject("recorded_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    StoredReferenceRates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ReferenceRates rates(Jurisdiction jurisdiction) {
        return ReferenceRates.of(jurisdiction, inForce(jurisdiction).stream().map(RecordedRate::period).toList());
    }

    /** Each period's rate in force, in date order. */
    List<RecordedRate> inForce(Jurisdiction jurisdiction) {
        return jdbc.sql("SELECT * FROM reference_rate_in_force WHERE jurisdiction = :jurisdiction ORDER BY period_start")
                .param("jurisdiction", jurisdiction.name()).query(ROW).list();
    }

    /** Every value each period was ever given, by period and then in the order recorded. */
    List<RecordedRate> everyValue(Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        SELECT * FROM reference_rate WHERE jurisdiction = :jurisdiction
                        ORDER BY period_start, id""")
                .param("jurisdiction", jurisdiction.name()).query(ROW).list();
    }

    void add(Jurisdiction jurisdiction, ReferenceRates.Period period, String source, String recordedBy) {
        jdbc.sql("""
                        INSERT INTO reference_rate (jurisdiction, period_start, period_end, reference_rate_basis_points,
                                                    source, recorded_by)
                        VALUES (:jurisdiction, :from, :through, :basisPoints, :source, :recordedBy)""")
                .param("jurisdiction", jurisdiction.name()).param("from", period.from())
                .param("through", period.through()).param("basisPoints", period.referenceBasisPoints())
                .param("source", source).param("recordedBy", recordedBy)
                .update();
    }

    /** Changes to the rates one at a time, across every process, until the transaction ends. */
    void lockForChange() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('debt-ledger.reference-rates'))").query().singleRow();
    }
}
