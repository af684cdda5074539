package org.debtledger.query;

import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which version of each projection's tables queries read (active) and which one a rebuild is filling (building).
 * Regular events go to both, replayed events to the one being built, so the new tables are complete and
 * current when the rebuild switches them in.
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

    /** The versions an event is written to: read once a batch, so a switch takes effect between batches. */
    public List<Integer> targets(String projection, ReplayStatus status) {
        Versions versions = ProcessingBatch.state(ProjectionVersions.class.getName() + ":" + projection,
                () -> of(projection));
        if (status.isReplay()) {
            return List.of(versions.building() != null ? versions.building() : versions.active());
        }
        return versions.building() == null ? List.of(versions.active()) : List.of(versions.active(), versions.building());
    }

    /** A table of a version: the name is built from a known base and a number, never from input. */
    public static String table(String base, int version) {
        return "ledger_read." + base + "_" + version;
    }
}
