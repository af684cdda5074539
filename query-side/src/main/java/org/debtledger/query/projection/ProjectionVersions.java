package org.debtledger.query.projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Which version of each projection's tables queries read and the processors write (active), and which one a
 * rebuild is filling (building). A rebuild fills its version while the model's processor is stopped, so events
 * only ever go to the active one. Queries read the active version through a view of it ({@link #active}), which
 * the switch to a new version replaces in its own transaction.
 */
@Component
public class ProjectionVersions {

    /**
     * Each model's tables, by their names without the version, in the order a switch replaces their views: the order
     * in which a reader of several in one transaction reads them ({@code StoredQueues}: work_debt, then work_item), so
     * that the two take the views' locks in the same order and the switch waits for the reader instead of deadlocking
     * with it.
     */
    public static final Map<String, List<String>> TABLES = Map.of(
            ProcessingGroups.DEBTS, List.of("debt_view", "audit_entry"),
            ProcessingGroups.ADVISOR_QUEUE, List.of("work_debt", "work_item", "work_item_change"),
            ProcessingGroups.PORTFOLIO, List.of("portfolio_debt", "portfolio_collection", "portfolio_plan",
                    "portfolio_promise"),
            ProcessingGroups.REMITTANCE, List.of("remittance_debt", "remittance_entry"));

    private final JdbcClient jdbc;

    ProjectionVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Versions(int active, Integer building) {
    }

    public Versions of(String projection) {
        return jdbc.sql("SELECT active, building FROM ledger_read.projection_version WHERE projection = :projection")
                .param("projection", projection)
                .query((row, n) -> new Versions(row.getInt(1), (Integer) row.getObject(2)))
                .single();
    }

    /** The version a batch's events are written to: read once a batch, so a switch takes effect between batches. */
    public int ofBatch(String projection) {
        return ProcessingBatch.state(ProjectionVersions.class.getName() + ":" + projection, () -> of(projection))
                .active();
    }

    /**
     * Makes {@code version} the active one of {@code projection}, within the caller's transaction: from its commit
     * on, queries read the version's tables and the processors write them.
     */
    public void activate(String projection, int version) {
        jdbc.sql("UPDATE ledger_read.projection_version SET active = :version, building = NULL"
                + " WHERE projection = :projection").param("version", version).param("projection", projection).update();
        for (String base : TABLES.get(projection)) {
            jdbc.sql("CREATE OR REPLACE VIEW " + active(base) + " AS SELECT * FROM " + table(base, version)).update();
        }
    }

    /** The view of a table's active version, which queries read. */
    public static String active(String base) {
        return "ledger_read." + base + "_active";
    }

    /** A table of a version: the name is built from a known base and a number, never from input. */
    public static String table(String base, int version) {
        return "ledger_read." + base + "_" + version;
    }
}
