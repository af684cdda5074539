package org.debtledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.debtledger.query.projection.ProcessingGroups;
import org.debtledger.query.projection.ReadPositions;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Both sides at work: while queries arrive at a fixed 200 a second (the debt view and the debtor's balance of one
 * debt, in turn; each timed from when it was due, so a slow answer delays the ones behind it) and four probes, that
 * debt's and three others', each pay their debt one payment at a time and time how long after the acknowledgement
 * the debt view has applied it, the command side works: either the command mix arrives at {@code commandRate} (half
 * the best rate measured, the load the latency and lag targets are set at) for a measurement's time, or, for the
 * busy hour, a month-end bank file and close of business run at once until both have answered.
 */
final class BothSidesAtWork {

    private static final int LAG_PROBES = 4;

    private BothSidesAtWork() {
    }

    static Map<String, Object> measure(HttpClient http, int commandPort, int queryPort, ReadPositions positions,
                                       double commandRate, Duration each) throws Exception {
        Work commands = () -> {
            Figure mixed = Load.atFixedRate("commands-with-queries", commandRate, each,
                    client -> new CommandMix(http, commandPort));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("underLoadCommandsPerSecondAsked", Math.round(commandRate));
            figures.put("underLoadCommandsPerSecond", Math.round(mixed.perSecond()));
            figures.put("underLoadCommandP99Millis", mixed.p99Micros() / 1000.0);
            figures.put("underLoadCompileMillis", mixed.compileMillis());
            return figures;
        };
        // the query side started cold for the catch-up: its queries are warmed up as the commands were
        Load.warmUp("both sides", each, slice -> once(http, commandPort, queryPort, positions, () -> {
            Load.atFixedRate("commands-with-queries", commandRate, slice, client -> new CommandMix(http, commandPort));
            return Map.of();
        }));
        return once(http, commandPort, queryPort, positions, commands);
    }

    /**
     * The busy hour: a bank file of {@code payments} (its debts registered and caught up with first, not timed) and
     * close of business for {@code businessDate} sent at once, the queries and probes running until both answered,
     * profiled as {@code busy-hour} when the run profiles. Figures named {@code busyHour...}.
     */
    static Map<String, Object> busyHour(CommandGateway gateway, HttpClient http, int commandPort, int queryPort,
                                        ReadPositions positions, DataSource database, int payments,
                                        LocalDate businessDate) throws Exception {
        String file = BankFileRun.fileFor(BankFileRun.register(gateway, payments));
        positions.awaitAtLeast(ProcessingGroups.DEBTS, ReadSide.head(database), Duration.ofMinutes(30));
        Work runs = () -> Profiles.of("busy-hour", () -> {
            ExecutorService both = Executors.newFixedThreadPool(2);
            try {
                Future<Map<String, Object>> bankFile = both.submit(() -> BankFileRun.send(http, commandPort, file,
                        payments));
                Future<Map<String, Object>> closing = both.submit(() -> closeOfBusiness(http, commandPort,
                        businessDate));
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("bankFile", bankFile.get(30, TimeUnit.MINUTES));
                figures.put("closeOfBusiness", closing.get(30, TimeUnit.MINUTES));
                return figures;
            } finally {
                both.shutdownNow();
            }
        });
        Map<String, Object> figures = new LinkedHashMap<>();
        once(http, commandPort, queryPort, positions, runs)
                .forEach((name, value) -> figures.put("busyHour" + Character.toUpperCase(name.charAt(0))
                        + name.substring(1), value));
        return figures;
    }

    /** Close of business for the date, as the operator, timed until its answer; its seconds and debts processed. */
    private static Map<String, Object> closeOfBusiness(HttpClient http, int commandPort, LocalDate businessDate)
            throws Exception {
        long begin = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + commandPort
                                + "/api/v1/operations/close-of-business")).timeout(Duration.ofMinutes(30))
                        .header("Content-Type", "application/json").header("Authorization", RunSecrets.OPERATOR)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"businessDate\": \"" + businessDate + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("close of business failed: " + answer.statusCode() + " " + answer.body());
        }
        JsonNode report = new ObjectMapper().readTree(answer.body());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("debts", report.path("debtsProcessed").asLong());
        figures.put("refused", report.path("debtsFailed").asLong());
        figures.put("seconds", Math.round(seconds * 100) / 100.0);
        figures.put("debtsPerSecond", Math.round(report.path("debtsProcessed").asLong() / seconds));
        return figures;
    }

    /** What the command side does while the queries and probes run; its own figures. */
    interface Work {
        Map<String, Object> run() throws Exception;
    }

    private static Map<String, Object> once(HttpClient http, int commandPort, int queryPort, ReadPositions positions,
                                            Work work) throws Exception {
        CommandMix probeClient = new CommandMix(http, commandPort);
        // the lag is probed on the debt the queries read and on three more: one probe alone took some 70 samples in
        // 10 s, so its p99 was its slowest sample
        String probe = registerProbe(probeClient, commandPort, "d-probe", positions);
        List<String> probed = new ArrayList<>(List.of(probe));
        for (int i = 1; i < LAG_PROBES; i++) {
            probed.add(registerProbe(probeClient, commandPort, "d-lag-probe", positions));
        }

        AtomicBoolean stop = new AtomicBoolean();
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        List<Thread> lagProbes = probed.stream().map(debt -> new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    long position = probeClient.postForPosition("http://127.0.0.1:" + commandPort + "/api/v1/debts/"
                            + debt + "/payments", "{\"paymentId\": \"PROBE-" + i + "\", \"amount\": {\"amount\":"
                            + " \"0.01\", \"currency\": \"EUR\"}, \"valueDate\": \"2025-03-01\", \"channel\": \"BANK_FILE\"}");
                    long acknowledged = System.nanoTime();
                    while (positions.reached(ProcessingGroups.DEBTS) < position) {
                        Thread.sleep(2); // what a minPosition read waits for, asked every 2 ms
                    }
                    lags.add((System.nanoTime() - acknowledged) / 1000);
                    Thread.sleep(20);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        })).toList();

        List<Long> queryLatencies = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        ExecutorService queries = Executors.newFixedThreadPool(8);
        AtomicLong sent = new AtomicLong();
        long queriesBegin = System.nanoTime();
        schedule.scheduleAtFixedRate(() -> {
            long n = sent.getAndIncrement();
            long due = queriesBegin + n * 5_000_000L;
            String path = n % 2 == 0 ? "/api/v1/debts/" + probe : "/api/v1/debtors/d-probe/balance";
            queries.submit(() -> {
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + queryPort + path)).header("Authorization", RunSecrets.ADVISOR)
                            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("a benchmark query was refused: " + answer.body());
                    }
                    queryLatencies.add((System.nanoTime() - due) / 1000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }, 0, 5, TimeUnit.MILLISECONDS);
        lagProbes.forEach(Thread::start);
        Map<String, Object> worked;
        try {
            worked = work.run();
        } finally {
            stop.set(true);
        }
        schedule.shutdown();
        schedule.awaitTermination(10, TimeUnit.SECONDS);
        queries.shutdown();
        queries.awaitTermination(60, TimeUnit.SECONDS);
        for (Thread lagProbe : lagProbes) {
            lagProbe.join(60_000);
        }

        List<Long> sortedQueries = new ArrayList<>(queryLatencies);
        sortedQueries.sort(Long::compare);
        List<Long> sortedLags = new ArrayList<>(lags);
        sortedLags.sort(Long::compare);
        Map<String, Object> figures = new LinkedHashMap<>(worked);
        figures.put("queriesPerSecondAsked", 200);
        figures.put("queriesAnswered", sortedQueries.size());
        figures.put("queryP50Millis", Figure.percentile(sortedQueries, 50) / 1000.0);
        figures.put("queryP99Millis", Figure.percentile(sortedQueries, 99) / 1000.0);
        figures.put("queryMaxMillis", sortedQueries.isEmpty() ? 0 : sortedQueries.get(sortedQueries.size() - 1) / 1000.0);
        figures.put("projectionLagSamples", sortedLags.size());
        figures.put("projectionLagP50Millis", Figure.percentile(sortedLags, 50) / 1000.0);
        figures.put("projectionLagP99Millis", Figure.percentile(sortedLags, 99) / 1000.0);
        return figures;
    }

    /** Registers a debt of {@code debtorId} for a probe and waits until the debt view has it. */
    private static String registerProbe(CommandMix client, int commandPort, String debtorId, ReadPositions positions)
            throws Exception {
        String debt = "debt-" + UUID.randomUUID();
        long registered = client.postForPosition("http://127.0.0.1:" + commandPort + "/api/v1/debts", """
                {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "%s", "invoiceReference": "INV-1",
                 "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"}, "description": "Broadband",
                 "principal": {"amount": "1000000.00", "currency": "EUR"}, "dueDate": "2025-02-15",
                 "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-03-01"}""".formatted(debt, debtorId));
        positions.awaitAtLeast(ProcessingGroups.DEBTS, registered, Duration.ofMinutes(1));
        return debt;
    }
}
