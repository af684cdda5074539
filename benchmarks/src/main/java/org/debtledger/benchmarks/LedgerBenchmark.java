package org.debtledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.debtledger.command.CommandSideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures the ledger next to the limit the same PostgreSQL reaches on the same machine in the same run, on a fresh
 * embedded PostgreSQL with fsync and synchronous commit on.
 * <ul>
 *   <li><b>ceiling</b>: single-row INSERT transactions of an event-sized row into an event-shaped table;</li>
 *   <li><b>commands</b>: ledger commands over HTTP (a mix of registering, fees, plans and payments), each a
 *   durable transaction, and their ratio to the ceiling measured just before them at the same concurrency
 *   ({@link Ceiling#beside}); with p50, p99 and max latency.</li>
 *   <li><b>in-process</b> and <b>plain-axon</b>: the same mix through the ledger's command gateway in process, and
 *   through a plain Axon configuration's ({@link PlainAxonPeer}).</li>
 * </ul>
 * Then, in this order: the commands at half the best rate, loading a debt ({@link AggregateLoads}), the group
 * commit's window ({@link GroupCommitWindows}), the read side ({@link ReadSide}, with both sides at work and the busy
 * hour of {@link BothSidesAtWork}), two bank files ({@link BankFileRun}) and the standalone ledger's memory
 * ({@link StandaloneMemory}); with {@code -Dbenchmark.console-debts=N}, the console's pages last
 * ({@link ConsolePageTimes}), and with {@code -Dbenchmark.only=console} those alone. With
 * {@code -Dbenchmark.only=bank-file}, three bank files one after the other and nothing else; with
 * {@code -Dbenchmark.only=read-side}, the read side's catch-up, rebuild and stream alone; with
 * {@code -Dbenchmark.only=http}, three rounds of the commands over HTTP beside their ceilings; with
 * {@code -Dbenchmark.only=at-work}, three rounds of both sides at work and the busy hour. Last, each of the
 * {@link Targets} this run measured beside the figure of the run before it: the results it left in the same file, or
 * in {@code -Dbenchmark.previous}. Usage: {@code LedgerBenchmark <seconds per measurement> <results.json>}.
 */
public final class LedgerBenchmark {

    private static final int[] CONCURRENCY = {1, 4, 16};
    private static final long CONSOLE_DEBTS = Long.getLong("benchmark.console-debts", 0);
    private static final String ONLY = System.getProperty("benchmark.only", "");
    private static final int BANK_FILE_PAYMENTS = Integer.getInteger("benchmark.bank-file-payments", 50_000);

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        JsonNode previous = Targets.previous(Path.of(System.getProperty(Targets.PREVIOUS, args[1])));
        Map<String, Object> results = run(Duration.ofSeconds(Long.parseLong(args[0])));
        Targets.add(results, previous);
        Report.write(results, file);
    }

    public static Map<String, Object> run(Duration each) throws Exception {
        Path data = Files.createTempDirectory("ledger-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start()) {
            if (ONLY.equals("bank-file")) {
                return bankFilesAlone(postgres, each);
            }
            if (ONLY.equals("read-side")) {
                return readSideAlone(postgres, each);
            }
            if (ONLY.equals("at-work")) {
                return bothSidesAtWorkAlone(postgres, each);
            }
            Ceiling limit = Ceiling.create(postgres);
            if (ONLY.equals("console")) {
                return consolePagesAlone(postgres, limit, each);
            }
            if (ONLY.equals("http")) {
                return commandsOverHttpAlone(postgres, limit, each);
            }
            List<Figure> ceiling = new ArrayList<>();
            for (int clients : CONCURRENCY) {
                Figure fresh = limit.measure(clients, each);
                ceiling.add(fresh.besideCeiling(fresh.perSecond()));
            }

            List<Figure> commands = new ArrayList<>();
            Figure atHalfRate;
            List<Map<String, Object>> aggregateLoads;
            Map<String, Object> readSide;
            PlainAxonPeer.InProcess inProcess;
            List<Map<String, Object>> windows;
            Map<String, Object> bankFile;
            Map<String, Object> bankFileWarm;
            Map<String, Object> consolePages;
            try (ConfigurableApplicationContext ledger = commandSide(postgres)) {
                int port = portOf(ledger);
                HttpClient http = client();
                warmUpCommands(http, port, each);
                for (int clients : CONCURRENCY) {
                    commands.add(limit.beside("commands", clients, each, client -> new CommandMix(http, port)));
                }
                double sustainable = commands.stream().mapToDouble(Figure::perSecond).max().orElseThrow();
                atHalfRate = Load.atFixedRate("commands", sustainable / 2, each, client -> new CommandMix(http, port));
                aggregateLoads = AggregateLoads.measure(ledger, postgres.getPostgresDatabase());
                // before the store is filled for the read side: the peer's database holds only its own events
                inProcess = PlainAxonPeer.measureInProcess(postgres, limit, ledger, each, CONCURRENCY);
                windows = GroupCommitWindows.measure(ledger, limit, each);
                ReadSide.copyDebtsUntil(postgres.getPostgresDatabase(), Long.getLong("benchmark.read-side-events", 0));
                readSide = ReadSide.measure(postgres, ledger.getBean(CommandGateway.class), port,
                        underLoadRate(sustainable), each);
                bankFile = BankFileRun.measure("bank-file", ledger.getBean(CommandGateway.class), http, port,
                        BANK_FILE_PAYMENTS);
                // the same again, now that the first has warmed the code only a bank file runs
                bankFileWarm = BankFileRun.measure("bank-file-warm", ledger.getBean(CommandGateway.class), http,
                        port, BANK_FILE_PAYMENTS);
                consolePages = CONSOLE_DEBTS > 0
                        ? ConsolePageTimes.measure(postgres, limit, port, CONSOLE_DEBTS, each) : null;
            }
            Map<String, Object> memory = StandaloneMemory.measure(
                    Path.of(System.getProperty("benchmark.standalone-jar", "../standalone/target/debt-ledger.jar")), each);
            Map<String, Object> results = Report.of(ceiling, commands, inProcess, each);
            Report.add(results, "commandsAtHalfTheSustainableRate", "commands at half the sustainable rate",
                    Report.atFixedRate(atHalfRate));
            results.put("aggregateLoad", aggregateLoads);
            results.put("readSide", readSide);
            results.put("inProcess", inProcess.configuration());
            Report.add(results, "groupCommitWindows", "group commit windows", windows);
            Report.add(results, "bankFile", "bank file", bankFile);
            Report.add(results, "bankFileWarm", "bank file, the second", bankFileWarm);
            Report.add(results, "standaloneMemory", "standalone memory", memory);
            if (consolePages != null) {
                Report.add(results, "consolePages", "console pages", consolePages);
            }
            return results;
        }
    }

    private static Map<String, Object> consolePagesAlone(EmbeddedPostgres postgres, Ceiling limit, Duration each)
            throws Exception {
        if (CONSOLE_DEBTS <= 0) {
            throw new IllegalArgumentException("-Dbenchmark.only=console needs -Dbenchmark.console-debts=N");
        }
        try (ConfigurableApplicationContext ledger = commandSide(postgres)) {
            int port = portOf(ledger);
            return Report.alone(each, "consolePages", "console pages",
                    ConsolePageTimes.measure(postgres, limit, port, CONSOLE_DEBTS, each));
        }
    }

    /**
     * The commands over HTTP alone, after their warm-up: three rounds of 1, 4 and 16 clients, each beside a ceiling
     * measured just before it at the same concurrency, so that the spread between rounds shows the machine's noise.
     */
    private static Map<String, Object> commandsOverHttpAlone(EmbeddedPostgres postgres, Ceiling limit, Duration each)
            throws Exception {
        try (ConfigurableApplicationContext ledger = commandSide(postgres)) {
            int port = portOf(ledger);
            HttpClient http = client();
            warmUpCommands(http, port, each);
            List<Map<String, Object>> rounds = new ArrayList<>();
            for (int round = 1; round <= 3; round++) {
                for (int clients : CONCURRENCY) {
                    rounds.add(Report.row(
                            limit.beside("commands", clients, each, client -> new CommandMix(http, port))));
                }
            }
            return Report.alone(each, "commandsOverHttp", "commands over HTTP, three rounds", rounds);
        }
    }

    /**
     * Three bank files one after the other on one command side, each paying debts of its own: the spread between
     * them is the machine's, which one file in a full run cannot show.
     */
    private static Map<String, Object> bankFilesAlone(EmbeddedPostgres postgres, Duration each) throws Exception {
        try (ConfigurableApplicationContext ledger = commandSide(postgres)) {
            int port = portOf(ledger);
            HttpClient http = client();
            List<Map<String, Object>> files = new ArrayList<>();
            for (int file = 1; file <= 3; file++) {
                files.add(BankFileRun.measure("bank-file-" + file, ledger.getBean(CommandGateway.class), http, port,
                        BANK_FILE_PAYMENTS));
            }
            return Report.alone(each, "bankFiles", "bank files, one after the other", files);
        }
    }

    /**
     * The read side alone: commands over HTTP for a measurement's time fill the store with debts, copied until it
     * holds {@code -Dbenchmark.read-side-events}; then a fresh query side catches up, rebuilds and serves the stream.
     */
    private static Map<String, Object> readSideAlone(EmbeddedPostgres postgres, Duration each) throws Exception {
        try (ConfigurableApplicationContext ledger = commandSide(postgres)) {
            int port = portOf(ledger);
            HttpClient http = client();
            Load.measure("commands", 4, each, client -> new CommandMix(http, port));
        }
        ReadSide.copyDebtsUntil(postgres.getPostgresDatabase(), Long.getLong("benchmark.read-side-events", 0));
        return Report.alone(each, "readSide", "read side", ReadSide.measureAlone(postgres, each));
    }

    /**
     * Both sides at work and the busy hour alone, three rounds: the commands warmed up over HTTP (filling the store),
     * a fresh query side caught up, then each round at {@code -Dbenchmark.under-load-rate} commands a second (300
     * unless given).
     */
    private static Map<String, Object> bothSidesAtWorkAlone(EmbeddedPostgres postgres, Duration each)
            throws Exception {
        try (ConfigurableApplicationContext ledger = commandSide(postgres)) {
            int port = portOf(ledger);
            HttpClient http = client();
            warmUpCommands(http, port, each);
            ReadSide.copyDebtsUntil(postgres.getPostgresDatabase(), Long.getLong("benchmark.read-side-events", 0));
            return Report.alone(each, "bothSidesAtWork", "both sides at work, three rounds",
                    ReadSide.measureAtWork(postgres, ledger.getBean(CommandGateway.class), port,
                            Double.parseDouble(System.getProperty("benchmark.under-load-rate", "300")), each, 3));
        }
    }

    /** Commands over HTTP at 4 clients until their rate settles (see {@link Load#warmUp}), filling the store. */
    private static void warmUpCommands(HttpClient http, int port, Duration each) throws Exception {
        Load.warmUp("commands", each,
                slice -> Load.measure("commands-warm-up", 4, slice, client -> new CommandMix(http, port)));
    }

    private static int portOf(ConfigurableApplicationContext ledger) {
        return ((WebServerApplicationContext) ledger).getWebServer().getPort();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The command side on {@code postgres}, on a free port, with an advisor and an operator signing in. */
    private static ConfigurableApplicationContext commandSide(EmbeddedPostgres postgres) {
        return new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--spring.config.location=classpath:debt-ledger-command.yml",
                "--server.port=0", "--server.address=127.0.0.1", "--ledger.close-of-business.scheduled=false",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=20", "--logging.level.root=WARN",
                // an advisor signs in as every client of the ledger must; the password is made for the run
                "--ledger.security.local-users.enabled=true",
                "--ledger.security.local-users.store=target/local-users-unused",
                "--ledger.security.local-users.users[0].name=advisor",
                "--ledger.security.local-users.users[0].role=ADVISOR",
                "--ledger.security.local-users.users[1].name=operator",
                "--ledger.security.local-users.users[1].role=OPERATOR",
                "--ledger.password.advisor=" + RunSecrets.PASSWORD,
                "--ledger.password.operator=" + RunSecrets.PASSWORD);
    }

    /**
     * The rate of commands both sides work at: half the best rate measured, or {@code -Dbenchmark.under-load-rate},
     * to compare runs whose best rates differ at one rate asked.
     */
    private static double underLoadRate(double sustainable) {
        String asked = System.getProperty("benchmark.under-load-rate");
        return asked != null ? Double.parseDouble(asked) : sustainable / 2;
    }
}
