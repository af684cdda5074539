package org.debtledger.query.portfolio;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.debtledger.query.projection.ProjectionVersions.table;

/**
 * The portfolio: each event of a debt is folded into the debt's part of it ({@link DebtPortfolio}), stored as its row
 * of portfolio_debt, a row of portfolio_collection a month something was collected in, a row of portfolio_plan a
 * plan, and a row of portfolio_promise a promise to pay. Rows are written over, never deleted.
 */
@Component
@ProcessingGroup(ProcessingGroups.PORTFOLIO)
public class PortfolioProjection extends ProjectedReadModel<DebtPortfolio> {

    static final Table DEBT = Table.named("portfolio_debt", "debt_id", "creditor_id", "currency", "registered_on",
                    "principal_minor", "sequence_number")
            .onConflict("(debt_id) DO UPDATE SET sequence_number = :sequence_number");
    static final Table COLLECTION = Table.named("portfolio_collection", "debt_id", "month_index", "collected_minor")
            .onConflict("(debt_id, month_index) DO UPDATE SET collected_minor = :collected_minor");
    static final Table PLAN = Table.named("portfolio_plan", "debt_id", "plan_number", "agreed_on", "instalment_minor",
                    "paid_minor", "completed_on", "broken_on")
            .onConflict("(debt_id, plan_number) DO UPDATE SET paid_minor = :paid_minor,"
                    + " completed_on = :completed_on, broken_on = :broken_on");
    static final Table PROMISE = Table.named("portfolio_promise", "debt_id", "promise_number", "made_on",
                    "amount_minor", "arrived_minor", "kept_on", "broken_on")
            .onConflict("(debt_id, promise_number) DO UPDATE SET arrived_minor = :arrived_minor,"
                    + " kept_on = :kept_on, broken_on = :broken_on");

    PortfolioProjection(BatchedProjection batches) {
        super(batches, ProcessingGroups.PORTFOLIO);
    }

    @Override
    public DebtPortfolio initial(String debtId) {
        return DebtPortfolio.initial(debtId);
    }

    @Override
    public Map<String, DebtPortfolio> load(JdbcClient jdbc, int version, List<String> debtIds) {
        return read(jdbc, table(DEBT.name(), version), table(COLLECTION.name(), version),
                table(PLAN.name(), version), table(PROMISE.name(), version), debtIds);
    }

    @Override
    public DebtPortfolio evolve(DebtPortfolio portfolio, StoredEvent event) {
        return portfolio.after(event.event(), event.sequenceNumber());
    }

    @Override
    public void stateRows(DebtPortfolio stored, DebtPortfolio after, Rows rows) {
        if (after.debt() == null) {
            return;
        }
        if (!after.debt().equals(stored.debt())) {
            DebtPortfolio.Debt debt = after.debt();
            rows.add(DEBT, new MapSqlParameterSource().addValue("debt_id", after.debtId())
                    .addValue("creditor_id", debt.creditorId()).addValue("currency", debt.currency())
                    .addValue("registered_on", debt.registeredOn()).addValue("principal_minor", debt.principalMinor())
                    .addValue("sequence_number", debt.sequenceNumber()));
        }
        after.collections().forEach((month, collected) -> {
            if (!collected.equals(stored.collections().get(month))) {
                rows.add(COLLECTION, new MapSqlParameterSource().addValue("debt_id", after.debtId())
                        .addValue("month_index", month).addValue("collected_minor", collected));
            }
        });
        for (DebtPortfolio.Plan plan : after.plans()) {
            if (!plan.equals(stored.plan(plan.number()))) {
                rows.add(PLAN, new MapSqlParameterSource().addValue("debt_id", after.debtId())
                        .addValue("plan_number", plan.number()).addValue("agreed_on", plan.agreedOn())
                        .addValue("instalment_minor", plan.instalmentMinor()).addValue("paid_minor", plan.paidMinor())
                        .addValue("completed_on", plan.completedOn(), Types.DATE)
                        .addValue("broken_on", plan.brokenOn(), Types.DATE));
            }
        }
        for (DebtPortfolio.Promise promise : after.promises()) {
            if (!promise.equals(stored.promise(promise.number()))) {
                rows.add(PROMISE, new MapSqlParameterSource().addValue("debt_id", after.debtId())
                        .addValue("promise_number", promise.number()).addValue("made_on", promise.madeOn())
                        .addValue("amount_minor", promise.amountMinor())
                        .addValue("arrived_minor", promise.arrivedMinor())
                        .addValue("kept_on", promise.keptOn(), Types.DATE)
                        .addValue("broken_on", promise.brokenOn(), Types.DATE));
            }
        }
    }

    /** Each of {@code debtIds}' part of the portfolio as the four tables (or the active views) hold it. */
    static Map<String, DebtPortfolio> read(JdbcClient jdbc, String debts, String collections, String plans,
                                           String promises, List<String> debtIds) {
        String[] ids = debtIds.toArray(String[]::new);
        Map<String, DebtPortfolio.Debt> debtRows = new HashMap<>();
        jdbc.sql("SELECT debt_id, creditor_id, currency, registered_on, principal_minor, sequence_number FROM " + debts
                        + " WHERE debt_id = ANY(:ids)").param("ids", ids)
                .query(row -> {
                    debtRows.put(row.getString(1), new DebtPortfolio.Debt(row.getString(2), row.getString(3),
                            row.getObject(4, LocalDate.class), row.getLong(5), row.getLong(6)));
                });
        Map<String, Map<Integer, Long>> collected = new HashMap<>();
        jdbc.sql("SELECT debt_id, month_index, collected_minor FROM " + collections + " WHERE debt_id = ANY(:ids)")
                .param("ids", ids)
                .query(row -> {
                    collected.computeIfAbsent(row.getString(1), absent -> new HashMap<>())
                            .put(row.getInt(2), row.getLong(3));
                });
        Map<String, List<DebtPortfolio.Plan>> planRows = new HashMap<>();
        jdbc.sql("SELECT debt_id, plan_number, agreed_on, instalment_minor, paid_minor, completed_on, broken_on FROM "
                        + plans + " WHERE debt_id = ANY(:ids) ORDER BY debt_id, plan_number").param("ids", ids)
                .query(row -> {
                    planRows.computeIfAbsent(row.getString(1), absent -> new ArrayList<>())
                            .add(new DebtPortfolio.Plan(row.getInt(2), row.getObject(3, LocalDate.class),
                                    row.getLong(4), row.getLong(5), row.getObject(6, LocalDate.class),
                                    row.getObject(7, LocalDate.class)));
                });
        Map<String, List<DebtPortfolio.Promise>> promiseRows = new HashMap<>();
        jdbc.sql("SELECT debt_id, promise_number, made_on, amount_minor, arrived_minor, kept_on, broken_on FROM "
                        + promises + " WHERE debt_id = ANY(:ids) ORDER BY debt_id, promise_number").param("ids", ids)
                .query(row -> {
                    promiseRows.computeIfAbsent(row.getString(1), absent -> new ArrayList<>())
                            .add(new DebtPortfolio.Promise(row.getInt(2), row.getObject(3, LocalDate.class),
                                    row.getLong(4), row.getLong(5), row.getObject(6, LocalDate.class),
                                    row.getObject(7, LocalDate.class)));
                });
        Map<String, DebtPortfolio> read = new HashMap<>();
        for (String debtId : debtIds) {
            if (debtRows.containsKey(debtId)) {
                read.put(debtId, new DebtPortfolio(debtId, debtRows.get(debtId),
                        collected.getOrDefault(debtId, Map.of()), planRows.getOrDefault(debtId, List.of()),
                        promiseRows.getOrDefault(debtId, List.of())));
            }
        }
        return read;
    }
}
