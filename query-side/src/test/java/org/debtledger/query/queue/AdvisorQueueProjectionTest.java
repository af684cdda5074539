package org.debtledger.query.queue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.debtledger.audit.Channel;
import org.debtledger.debt.AdvisorId;
import org.debtledger.debt.CaseAssigned;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.query.projection.BatchedProjection;
import org.debtledger.query.projection.EventPositions;
import org.debtledger.query.projection.ProcessingBatch;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ProjectionVersions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The queue projection on PostgreSQL, its handler called as a processor calls it: a batch of events in one unit of
 * work and one transaction, the events stored in the event store first (their positions are read from it).
 */
class AdvisorQueueProjectionTest {

    private static EmbeddedPostgres postgres;
    private static AnnotationConfigApplicationContext context;
    private static JdbcClient database;
    private static AdvisorQueueProjection projection;
    private static SpringTransactionManager transactions;
    private static DataSource dataSource;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore").load().migrate();
        Flyway.configure().dataSource(dataSource).schemas("ledger_read").createSchemas(true)
                .locations("classpath:db/readmodel").load().migrate();
        context = new AnnotationConfigApplicationContext();
        context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
        context.registerBean(NamedParameterJdbcTemplate.class, () -> new NamedParameterJdbcTemplate(dataSource));
        context.register(ProjectionVersions.class, EventPositions.class, BatchedProjection.class,
                AdvisorQueueProjection.class);
        context.refresh();
        database = context.getBean(JdbcClient.class);
        projection = context.getBean(AdvisorQueueProjection.class);
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void stop() throws IOException {
        context.close();
        postgres.close();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /**
     * A debt registered, on a plan, an instalment missed, the case assigned, a payment that pays the instalment with
     * credit over, its reversal, a smaller payment with credit over again, and part of the credit refunded.
     */
    private static List<DebtEvent> history(DebtId debt) {
        PaymentId first = new PaymentId("RF-1");
        return List.of(
                new DebtRegistered(debt, new CreditorId("acme-telecom"), new DebtorId("d-1001"), "INV-1",
                        new InvoicePeriod(date("2025-01-01"), date("2025-01-31")), "Broadband", eur("100.00"),
                        date("2025-02-15"), DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-03-01")),
                new PaymentPlanAgreed(debt, 1, List.of(new Instalment(date("2025-04-01"), eur("50.00")),
                        new Instalment(date("2025-05-01"), eur("50.40"))), Channel.SELF_SERVICE, null, null, true,
                        date("2025-03-01")),
                new InstalmentMissed(debt, 1, 1, date("2025-04-01"), eur("50.00"), date("2025-04-08")),
                new CaseAssigned(debt, new AdvisorId("advisor-7"), date("2025-04-09")),
                new PaymentReceived(debt, first, eur("60.00"), Channel.BANK_FILE,
                        new Allocation(eur("0.00"), eur("0.00"), eur("50.00"), eur("10.00")),
                        List.of(new InstalmentPayment(1, eur("50.00"))), date("2025-04-10")),
                new PaymentReversed(debt, first, eur("60.00"),
                        new Allocation(eur("0.00"), eur("0.00"), eur("50.00"), eur("10.00")),
                        List.of(new InstalmentPayment(1, eur("50.00"))), "returned by the bank", date("2025-04-11")),
                new PaymentReceived(debt, new PaymentId("RF-2"), eur("20.00"), Channel.BANK_FILE,
                        new Allocation(eur("0.00"), eur("0.00"), eur("0.00"), eur("20.00")),
                        List.of(new InstalmentPayment(1, eur("20.00"))), date("2025-04-12")),
                new CreditRefunded(debt, eur("5.00"), "REFUND-1", date("2025-04-13")));
    }

    /** The debt's events stored in the event store, as the messages a processor hands the projection. */
    private static List<DomainEventMessage<DebtEvent>> stored(List<DebtEvent> events) {
        List<DomainEventMessage<DebtEvent>> messages = new ArrayList<>();
        for (DebtEvent event : events) {
            DomainEventMessage<DebtEvent> message = new GenericDomainEventMessage<>("Debt", event.debtId().value(),
                    messages.size(), event);
            database.sql("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                            + " payload, payloadtype, timestamp) VALUES (:debt, :sequence, 'Debt', :id, :payload, :type,"
                            + " :timestamp)")
                    .param("debt", message.getAggregateIdentifier()).param("sequence", message.getSequenceNumber())
                    .param("id", message.getIdentifier()).param("payload", "{}".getBytes())
                    .param("type", event.getClass().getName()).param("timestamp", message.getTimestamp().toString())
                    .update();
            messages.add(message);
        }
        return messages;
    }

    /** The events handled in one batch, in one transaction, as a processor handles them. */
    private static void handleInOneBatch(List<DomainEventMessage<DebtEvent>> events) throws Exception {
        BatchingUnitOfWork<DomainEventMessage<DebtEvent>> batch = new BatchingUnitOfWork<>(events);
        batch.attachTransaction(transactions);
        batch.executeWithResult(() -> {
            DomainEventMessage<?> message = (DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage();
            projection.on((DebtEvent) message.getPayload(), message);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (batch.getExecutionResult().isExceptionResult()) {
            throw new AssertionError("the batch failed", batch.getExecutionResult().getExceptionResult());
        }
    }

    /**
     * The debt's rows in the queue's tables, its id written as DEBT and each position as the sequence number of the
     * debt's event stored there, so that two debts with the same history compare equal.
     */
    private static List<Map<String, Object>> queueOf(DebtId debt) {
        Map<Object, Object> sequenceAt = new LinkedHashMap<>();
        database.sql("SELECT globalindex, sequencenumber FROM domainevententry WHERE aggregateidentifier = :debt")
                .param("debt", debt.value()).query().listOfRows()
                .forEach(row -> sequenceAt.put(row.get("globalindex"), row.get("sequencenumber")));
        List<Map<String, Object>> rows = new ArrayList<>(database.sql(
                        "SELECT * FROM ledger_read.work_debt_1 WHERE debt_id = :debt")
                .param("debt", debt.value()).query().listOfRows());
        rows.addAll(database.sql("SELECT * FROM ledger_read.work_item_1 WHERE debt_id = :debt ORDER BY item_id")
                .param("debt", debt.value()).query().listOfRows());
        for (Map<String, Object> row : rows) {
            row.replaceAll((column, value) -> column.endsWith("_position") ? sequenceAt.get(value)
                    : value instanceof String text ? text.replace(debt.value(), "DEBT") : value);
        }
        return rows;
    }

    private static List<Map<String, Object>> openItemsOf(DebtId debt) {
        return database.sql("SELECT type, advisor_id, remaining_minor FROM ledger_read.work_item_1"
                        + " WHERE debt_id = :debt AND open ORDER BY type")
                .param("debt", debt.value()).query().listOfRows();
    }

    @Test
    void aDebtsEventsInOneBatchGiveTheQueueThatOneBatchAnEventGives() throws Exception {
        DebtId together = new DebtId("debt-" + UUID.randomUUID());
        DebtId apart = new DebtId("debt-" + UUID.randomUUID());
        List<DomainEventMessage<DebtEvent>> inOneBatch = stored(history(together));
        List<DomainEventMessage<DebtEvent>> oneByOne = stored(history(apart));

        handleInOneBatch(inOneBatch);
        for (DomainEventMessage<DebtEvent> event : oneByOne) {
            handleInOneBatch(List.of(event));
        }

        assertThat(queueOf(together)).isNotEmpty().isEqualTo(queueOf(apart));
    }

    /**
     * The tables a rebuild fills start empty; a plan a pooled connection cached for them then would read the whole
     * table for each debt a batch looks up. A batch's look-ups are planned afresh; what follows them in the batch's
     * transaction, its writes, is not.
     */
    @Test
    void aBatchLooksUpWithPlansForTheTablesAsTheyAreAndWritesWithCachedOnes() {
        List<String> planning = transactions.fetchInTransaction(() -> {
            List<String> seen = new ArrayList<>();
            ProcessingBatch.lookUpWithFreshPlans(database, () -> seen.add(planCacheMode()));
            seen.add(planCacheMode());
            return seen;
        });

        assertThat(planning).containsExactly("force_custom_plan", "auto");
    }

    private static String planCacheMode() {
        return database.sql("SELECT current_setting('plan_cache_mode')").query(String.class).single();
    }

    @Test
    void theReversedPaymentReopensTheInstalmentAndTheLaterPaymentRaisesTheCreditAfresh() throws Exception {
        DebtId debt = new DebtId("debt-" + UUID.randomUUID());
        handleInOneBatch(stored(history(debt)));

        // The no-contact item closed with the plan, the reversal closed at the next payment; the missed instalment
        // is open again for what the later payment left, the credit raised again after the reversal took it.
        assertThat(openItemsOf(debt)).containsExactly(
                Map.of("type", "INSTALMENT_MISSED", "advisor_id", "advisor-7", "remaining_minor", 3000L),
                Map.of("type", "OVERPAYMENT_TO_REFUND", "advisor_id", "advisor-7", "remaining_minor", 1500L));
        Map<String, Object> credit = queueOf(debt).stream()
                .filter(row -> "DEBT:credit".equals(row.get("item_id"))).findFirst().orElseThrow();
        assertThat(credit.get("raised_position")).isEqualTo(6L);
        assertThat(credit.get("changed_position")).isEqualTo(7L);
    }

    @Test
    void aBatchDeliveredAgainChangesNothing() throws Exception {
        DebtId debt = new DebtId("debt-" + UUID.randomUUID());
        List<DomainEventMessage<DebtEvent>> events = stored(history(debt));
        handleInOneBatch(events.subList(0, 5));
        handleInOneBatch(events);
        List<Map<String, Object>> once = queueOf(debt);

        handleInOneBatch(events.subList(3, 8));
        handleInOneBatch(events);

        assertThat(queueOf(debt)).isEqualTo(once);
    }

    /**
     * A reader of both queue tables in one snapshot (the reconciliation) and the rebuild's switch of versions take
     * the tables' locks in the same order, so the switch waits for the reader instead of the two deadlocking.
     */
    @Test
    void aSwitchOfVersionsWaitsForAReaderOfBothQueueTables() throws Exception {
        ProjectionVersions versions = context.getBean(ProjectionVersions.class);
        int active = versions.of(ProcessingGroups.ADVISOR_QUEUE).active();
        TransactionTemplate switching = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            JdbcClient readerSql = JdbcClient.create(new SingleConnectionDataSource(reader, true));
            // the reader is between its two tables when the switch begins
            readerSql.sql("SELECT count(*) FROM " + ProjectionVersions.active("work_debt")).query(Long.class).single();
            CompletableFuture<Void> switched = CompletableFuture.runAsync(() -> switching.executeWithoutResult(
                    tx -> versions.activate(ProcessingGroups.ADVISOR_QUEUE, active)));
            await().atMost(Duration.ofSeconds(10)).until(() -> database.sql("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND query LIKE 'CREATE OR REPLACE VIEW%'").query(Long.class)
                    .single() == 1);

            StoredQueues.read(readerSql, ProjectionVersions.active("work_debt"), ProjectionVersions.active("work_item"),
                    List.of("d-1"));
            reader.commit();
            switched.get(10, TimeUnit.SECONDS);
        }
    }
}
