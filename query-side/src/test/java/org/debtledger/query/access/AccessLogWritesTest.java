package org.debtledger.query.access;

import org.debtledger.query.QuerySideAlone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Reads that arrive while the access log is busy have their entries committed together, each read after its commit;
 * a read that waits too long is refused and its entries are not written.
 */
class AccessLogWritesTest {

    @TempDir
    static Path directory;
    private static QuerySideAlone side;

    @BeforeAll
    static void start() throws Exception {
        side = QuerySideAlone.start(directory);
    }

    @AfterAll
    static void stop() throws Exception {
        side.close();
    }

    /** An advisor's entry for reading debt {@code debt} of debtor d-1. */
    private static Object[] entry(String actor, String debt) {
        return new Object[]{actor, "ADVISOR", "d-1", debt, "GET /x", null, null, null};
    }

    @Test
    void theEntriesOfOneAnswerAreCommittedTogether() {
        DataSource database = side.bean(DataSource.class);
        String actor = "advisor-" + UUID.randomUUID();
        try (AccessLogWrites writes = new AccessLogWrites(new JdbcTemplate(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)), 30_000)) {
            writes.write(List.of(entry(actor, "found-1"), entry(actor, "found-2"), entry(actor, "found-3")));
        }
        assertThat(side.database.sql("SELECT written_by::text FROM ledger_private.access_log WHERE actor_id = :actor")
                .param("actor", actor).query(String.class).list())
                .as("an entry for each debt the answer showed, all in one transaction")
                .hasSize(3).containsOnly(side.database.sql("SELECT min(written_by)::text FROM ledger_private.access_log"
                        + " WHERE actor_id = :actor").param("actor", actor).query(String.class).single());
    }

    @Test
    void aReadThatWaitsLongerThanTheWaitIsRefusedAndItsEntryIsNotWritten() throws Exception {
        DataSource database = side.bean(DataSource.class);
        String actor = "advisor-" + UUID.randomUUID();
        AccessLogWrites writes = new AccessLogWrites(new JdbcTemplate(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)), 500);
        ExecutorService reads = Executors.newSingleThreadExecutor();
        try (Connection blocker = database.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE ledger_private.access_log IN SHARE MODE");
            Future<?> first = reads.submit(() -> writes.write(List.<Object[]>of(entry(actor, "first"))));
            await().atMost(30, TimeUnit.SECONDS).until(() -> side.database.sql(
                    "SELECT count(*) FROM pg_locks WHERE relation = 'ledger_private.access_log'::regclass"
                            + " AND NOT granted").query(Long.class).single() == 1);

            assertThatThrownBy(() -> writes.write(List.<Object[]>of(entry(actor, "late"))))
                    .hasMessage("the access log was not written within 500 ms");

            blocker.commit();
            first.get(30, TimeUnit.SECONDS);
        } finally {
            reads.shutdownNow();
            writes.close();
        }
        assertThat(side.database.sql("SELECT debt_id FROM ledger_private.access_log WHERE actor_id = :actor")
                .param("actor", actor).query(String.class).list()).containsExactly("first");
        assertThatThrownBy(() -> writes.write(List.<Object[]>of(entry(actor, "closed"))))
                .hasMessage("the access log is closed");
    }

    @Test
    void entriesWaitingWhileTheLogIsBusyShareOneTransactionAndEachReadGoesOnOnlyOnceCommitted() throws Exception {
        DataSource database = side.bean(DataSource.class);
        String actor = "advisor-" + UUID.randomUUID();
        int held = 10;
        AccessLogWrites writes = new AccessLogWrites(new JdbcTemplate(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)), 30_000);
        ExecutorService reads = Executors.newFixedThreadPool(held + 1);
        List<Thread> readers = new ArrayList<>();
        try (Connection blocker = database.getConnection()) {
            // the log is busy: its first insert waits on a lock another transaction holds
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE ledger_private.access_log IN SHARE MODE");
            Future<?> first = reads.submit(() -> writes.write(List.<Object[]>of(entry(actor, "first"))));
            await().atMost(30, TimeUnit.SECONDS).until(() -> side.database.sql(
                    "SELECT count(*) FROM pg_locks WHERE relation = 'ledger_private.access_log'::regclass"
                            + " AND NOT granted").query(Long.class).single() == 1);
            List<Future<?>> waiting = new ArrayList<>();
            for (int i = 0; i < held; i++) {
                String debt = "held-" + i;
                waiting.add(reads.submit(() -> {
                    synchronized (readers) {
                        readers.add(Thread.currentThread());
                    }
                    writes.write(List.<Object[]>of(entry(actor, debt)));
                }));
            }
            // every read is waiting for its commit, and none has gone on
            await().atMost(30, TimeUnit.SECONDS).until(() -> {
                synchronized (readers) {
                    return readers.size() == held && readers.stream()
                            .allMatch(reader -> reader.getState() == Thread.State.TIMED_WAITING);
                }
            });
            assertThat(waiting).noneMatch(Future::isDone);
            assertThat(first.isDone()).isFalse();

            blocker.commit();
            first.get(30, TimeUnit.SECONDS);
            for (Future<?> read : waiting) {
                read.get(30, TimeUnit.SECONDS);
            }
        } finally {
            reads.shutdownNow();
            writes.close();
        }
        List<String> transactions = side.database.sql("SELECT written_by::text FROM ledger_private.access_log"
                        + " WHERE actor_id = :actor AND debt_id LIKE 'held-%'")
                .param("actor", actor).query(String.class).list();
        assertThat(transactions).as("an entry for each read").hasSize(held);
        assertThat(transactions).as("written by one transaction").containsOnly(transactions.get(0));
        assertThat(side.database.sql("SELECT count(*) FROM ledger_private.access_log WHERE actor_id = :actor"
                        + " AND debt_id = 'first'").param("actor", actor).query(Long.class).single()).isEqualTo(1);
    }
}
