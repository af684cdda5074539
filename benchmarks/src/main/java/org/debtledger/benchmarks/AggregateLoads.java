package org.debtledger.benchmarks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.debtledger.audit.Channel;
import org.debtledger.command.debt.Debt;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.debt.RegisterDebt;
import org.debtledger.money.Money;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.RecordPayment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How long loading one debt takes once it has N events ({@code -Dbenchmark.aggregate-events}, default 1000 and
 * 10000): as the ledger loads it (the latest snapshot and the events after it), and from its events alone
 * (its snapshots deleted before each load: a load that replays more than the snapshot threshold takes one,
 * even in a unit of work rolled back). Each load is timed 20 times after 5 to warm up.
 */
final class AggregateLoads {

    private static final Logger log = LoggerFactory.getLogger(AggregateLoads.class);

    private AggregateLoads() {
    }

    static List<Map<String, Object>> measure(ConfigurableApplicationContext ledger, DataSource database)
            throws Exception {
        CommandGateway gateway = ledger.getBean(CommandGateway.class);
        @SuppressWarnings("unchecked")
        Repository<Debt> repository = (Repository<Debt>) ledger.getBean("debtRepository");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String size : System.getProperty("benchmark.aggregate-events", "1000,10000").split(",")) {
            int events = Integer.parseInt(size.trim());
            String debtId = "debt-" + UUID.randomUUID();
            gateway.sendAndWait(new RegisterDebt(new DebtId(debtId), new CreditorId("acme-telecom"),
                    new DebtorId("d-1"), "INV-1", new InvoicePeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)),
                    "Broadband", Money.of("1000000.00", "EUR"), LocalDate.of(2025, 2, 15), DebtType.CONSUMER,
                    Jurisdiction.FI, false, LocalDate.of(2025, 3, 1)));
            for (int i = 1; i < events; i++) {
                gateway.sendAndWait(new RecordPayment(new DebtId(debtId), new PaymentId("RF-" + i),
                        Money.of("0.01", "EUR"), LocalDate.of(2025, 3, 1), Channel.BANK_FILE));
            }
            long stored;
            try (Connection connection = database.getConnection();
                 PreparedStatement count = connection.prepareStatement(
                         "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")) {
                count.setString(1, debtId);
                var rowsCounted = count.executeQuery();
                rowsCounted.next();
                stored = rowsCounted.getLong(1);
            }
            double withSnapshots = medianLoadMillis(repository, debtId, () -> { });
            double fromEvents = medianLoadMillis(repository, debtId, () -> {
                try (Connection connection = database.getConnection();
                     PreparedStatement delete = connection.prepareStatement(
                             "DELETE FROM snapshotevententry WHERE aggregateidentifier = ?")) {
                    delete.setString(1, debtId);
                    delete.executeUpdate();
                }
            });
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("events", stored);
            row.put("withSnapshotsMillis", withSnapshots);
            row.put("eventsOnlyMillis", fromEvents);
            rows.add(row);
            log.warn(String.format("%naggregate load: %d events, %.2f ms with snapshots, %.2f ms from events alone",
                    stored, withSnapshots, fromEvents));
        }
        return rows;
    }

    private static double medianLoadMillis(Repository<Debt> repository, String debtId, Load.Operation beforeEach)
            throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            beforeEach.run();
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            long begin = System.nanoTime();
            repository.load(debtId);
            long took = (System.nanoTime() - begin) / 1000;
            unitOfWork.rollback();
            if (i >= 5) {
                micros.add(took);
            }
        }
        micros.sort(Long::compare);
        return Figure.percentile(micros, 50) / 1000.0;
    }
}
