package org.debtledger.query.projection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.debtledger.serialization.EventSerialization;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models' event source on PostgreSQL, as a query process alone reads it: another process appends (here,
 * plain SQL), and the embedded event store finds the new events only by asking the database again.
 */
class WakingEventSourceTest {

    private static EmbeddedPostgres postgres;
    private static JdbcClient database;
    private static EmbeddedEventStore store;
    private static WakingEventSource source;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore").load().migrate();
        database = JdbcClient.create(dataSource);
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(EventSerialization.objectMapper()).build();
        store = EmbeddedEventStore.builder()
                .storageEngine(JdbcEventStorageEngine.builder()
                        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .snapshotSerializer(serializer).eventSerializer(serializer)
                        .build())
                .fetchDelay(50)
                .build();
        source = new WakingEventSource(store, Duration.ofMillis(50));
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        source.close();
        store.shutDown();
        postgres.close();
    }

    @Test
    void aCaughtUpStreamIsCalledBackWhenAnEventArrivesAndThenHasIt() throws InterruptedException {
        append();
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            CountDownLatch woken = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(woken::countDown)).isTrue();
            assertThat(stream.hasNextAvailable()).isFalse();

            String appended = append();

            assertThat(woken.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getIdentifier()).isEqualTo(appended);
        }
    }

    @Test
    void aClosedStreamIsNoLongerCalledBack() throws InterruptedException {
        CountDownLatch closedOneWoken = new CountDownLatch(1);
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(source.createHeadToken());
        closed.setOnAvailableCallback(closedOneWoken::countDown);
        closed.close();
        try (BlockingStream<TrackedEventMessage<?>> open = source.openStream(source.createHeadToken())) {
            Semaphore openOneWoken = new Semaphore(0);
            open.setOnAvailableCallback(openOneWoken::release);

            append();
            assertThat(openOneWoken.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
            // one thread calls every stream back, one arrival after the other: the first arrival's calls are over
            append();
            assertThat(openOneWoken.tryAcquire(30, TimeUnit.SECONDS)).isTrue();

            assertThat(closedOneWoken.getCount()).isEqualTo(1);
        }
    }

    /** An event appended by another process, as its row; answers its identifier. */
    private static String append() {
        String id = UUID.randomUUID().toString();
        database.sql("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                        + " payload, metadata, payloadtype, timestamp) VALUES (:debt, 0, 'Debt', :id, :empty, :empty,"
                        + " 'org.debtledger.debt.DebtRegistered', :timestamp)")
                .param("debt", "debt-" + id).param("id", id).param("empty", "{}".getBytes())
                .param("timestamp", Instant.now().toString())
                .update();
        return id;
    }
}
