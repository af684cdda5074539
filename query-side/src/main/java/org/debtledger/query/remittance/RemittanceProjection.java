package org.debtledger.query.remittance;

import org.axonframework.config.ProcessingGroup;
import org.debtledger.query.projection.BatchedProjection;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ProjectedReadModel;
import org.debtledger.query.projection.Rows;
import org.debtledger.query.projection.StoredEvent;
import org.debtledger.query.projection.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.debtledger.query.projection.ProjectionVersions.table;

/**
 * The creditors' remittance: each debt's events folded into its part ({@link DebtRemittance}), stored as its row of
 * remittance_debt, and a row of remittance_entry a payment, reversal or refund, keyed on the event's position so a
 * redelivered event writes nothing twice.
 */
@Component
@ProcessingGroup(ProcessingGroups.REMITTANCE)
public class RemittanceProjection extends ProjectedReadModel<DebtRemittance> {

    static final Table DEBT = Table.named("remittance_debt", "debt_id", "creditor_id", "sequence_number")
            .onConflict("(debt_id) DO UPDATE SET sequence_number = :sequence_number");
    static final Table ENTRY = Table.named("remittance_entry", "position", "debt_id", "creditor_id", "kind",
                    "payment_id", "business_date", "contract_date", "currency", "amount_minor", "fees_minor",
                    "interest_minor", "principal_minor", "credit_minor")
            .onConflict("(position) DO NOTHING");

    RemittanceProjection(BatchedProjection batches) {
        super(batches, ProcessingGroups.REMITTANCE);
    }

    @Override
    public DebtRemittance initial(String debtId) {
        return DebtRemittance.initial(debtId);
    }

    @Override
    public Map<String, DebtRemittance> load(JdbcClient jdbc, int version, List<String> debtIds) {
        String[] ids = debtIds.toArray(String[]::new);
        Map<String, Map<String, LocalDate>> payments = new HashMap<>();
        jdbc.sql("SELECT debt_id, payment_id, contract_date FROM " + table(ENTRY.name(), version)
                        + " WHERE debt_id = ANY(:ids) AND kind = 'PAYMENT' ORDER BY position").param("ids", ids)
                .query(row -> {
                    payments.computeIfAbsent(row.getString(1), absent -> new HashMap<>())
                            .put(row.getString(2), row.getObject(3, LocalDate.class));
                });
        Map<String, DebtRemittance> read = new HashMap<>();
        jdbc.sql("SELECT debt_id, creditor_id, sequence_number FROM " + table(DEBT.name(), version)
                        + " WHERE debt_id = ANY(:ids)").param("ids", ids)
                .query(row -> {
                    read.put(row.getString(1), new DebtRemittance(row.getString(1), row.getString(2),
                            row.getLong(3), payments.getOrDefault(row.getString(1), Map.of())));
                });
        return read;
    }

    @Override
    public DebtRemittance evolve(DebtRemittance state, StoredEvent event) {
        return state.after(event.event(), event.sequenceNumber());
    }

    @Override
    public void eventRows(StoredEvent event, DebtRemittance after, Rows rows) {
        after.entry(event.event(), event.position()).ifPresent(entry -> rows.add(ENTRY, row(entry)));
    }

    @Override
    public void stateRows(DebtRemittance stored, DebtRemittance after, Rows rows) {
        if (after.creditorId() != null && after.sequenceNumber() != stored.sequenceNumber()) {
            rows.add(DEBT, new MapSqlParameterSource().addValue("debt_id", after.debtId())
                    .addValue("creditor_id", after.creditorId()).addValue("sequence_number", after.sequenceNumber()));
        }
    }

    static MapSqlParameterSource row(RemittanceEntry entry) {
        return new MapSqlParameterSource().addValue("position", entry.position()).addValue("debt_id", entry.debtId())
                .addValue("creditor_id", entry.creditorId()).addValue("kind", entry.kind().name())
                .addValue("payment_id", entry.paymentId(), Types.VARCHAR)
                .addValue("business_date", entry.businessDate()).addValue("contract_date", entry.contractDate())
                .addValue("currency", entry.currency()).addValue("amount_minor", entry.amountMinor())
                .addValue("fees_minor", entry.feesMinor()).addValue("interest_minor", entry.interestMinor())
                .addValue("principal_minor", entry.principalMinor()).addValue("credit_minor", entry.creditMinor());
    }
}
