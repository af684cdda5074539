package org.debtledger.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which version of each projection's tables queries read and the processors write (active), and which one a
 * rebuild is filling (building). A rebuild fills its version while the model's processor is stopped, so events
 * only ever go to the active one.
 */
@Component
public class ProjectionVersions {

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

    /** A table of a version: the name is built from a known base and a number, never from input. */
    public static String table(String base, int version) {
        return "ledger_read." + base + "_" + version;
    }
}
