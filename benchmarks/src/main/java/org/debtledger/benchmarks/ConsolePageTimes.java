package org.debtledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.debtledger.console.ConsoleConfiguration;
import org.debtledger.query.QuerySideApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's pages as advisors open them with {@code debts} debts in the store: the debtor page, the debt page
 * (the debt and its timeline) and the queue page, each asked for a measurement's time by four advisors at once, each
 * signed in with the form in a session of their own, each request for a debtor or a debt picked at random. The
 * console is served from the query side's process, as the standalone ledger serves it, and reads through the query
 * API over loopback as the advisor, with a token signed for each call. Each page's p50 and p95 stand beside the
 * ceiling's at as many connections, measured just before the pages.
 * <p>
 * The debts: {@value #SEED} registered over HTTP, two or three to a debtor, every other one with a plan and three
 * payments and the rest with a demand fee alone (open work in the queue), then copied in SQL until there are as many
 * as asked for, each copy's debts and debtors of their own. A fresh query side catches up on the whole store first.
 */
final class ConsolePageTimes {

    private static final int CLIENTS = 4;
    private static final int SEED = 1_000;
    private static final String DEBTOR = "console-debtor-";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ConsolePageTimes() {
    }

    static Map<String, Object> measure(EmbeddedPostgres postgres, Ceiling limit, int commandPort, long debts,
                                       Duration each) throws Exception {
        DataSource store = postgres.getPostgresDatabase();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int seed = (int) Math.min(SEED, debts);
        int debtors = Math.max(1, seed * 2 / 5);
        long before = ReadSide.head(store);
        register(http, commandPort, seed, debtors);
        publishRatesUntil(http, commandPort, LocalDate.now(ZoneId.of("Europe/Helsinki")));
        long copies = (debts + seed - 1) / seed - 1;
        long copyBegin = System.nanoTime();
        ReadSide.copyDebts(store, before, ReadSide.head(store), copies, DEBTOR);
        double copySeconds = (System.nanoTime() - copyBegin) / 1e9;
        List<String> debtIds = debtsAfter(store, before);

        long begin = System.nanoTime();
        try (ConfigurableApplicationContext query = ReadSide.querySide(postgres,
                List.of(QuerySideApplication.class, ConsoleConfiguration.class),
                "classpath:debt-ledger-query.yml,classpath:debt-ledger-console.yml",
                "--ledger.security.local-tokens.key=" + RunSecrets.randomKey(),
                "--ledger.console.command-url=http://127.0.0.1:" + commandPort)) {
            long head = ReadSide.caughtUp(query);
            double catchUpSeconds = (System.nanoTime() - begin) / 1e9;
            int port = ((WebServerApplicationContext) query).getWebServer().getPort();
            List<Advisor> advisors = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                advisors.add(Advisor.signIn(port));
            }
            Map<String, Supplier<String>> pages = new LinkedHashMap<>();
            pages.put("debtor", () -> "/console/debtors/" + DEBTOR + random(debtors) + copy(random(copies + 1)));
            pages.put("debt", () -> "/console/debts/" + debtIds.get(random(debtIds.size())));
            pages.put("queue", () -> "/console/queue");
            List<Supplier<String>> any = List.copyOf(pages.values());
            Load.warmUp("console pages", each, slice -> Load.measure("console-warm-up", CLIENTS, slice,
                    c -> () -> advisors.get(c).open(any.get(random(any.size())).get())));

            Figure ceiling = limit.measure(CLIENTS, each);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("debts", debtIds.size());
            figures.put("debtors", (long) debtors * (copies + 1));
            figures.put("events", head);
            figures.put("copySeconds", Math.round(copySeconds * 10) / 10.0);
            figures.put("catchUpSeconds", Math.round(catchUpSeconds * 10) / 10.0);
            figures.put("openWorkInQueue", openWork(http, port));
            figures.put("clients", CLIENTS);
            figures.put("ceilingP50Millis", ceiling.p50Micros() / 1000.0);
            figures.put("ceilingP95Millis", ceiling.p95Micros() / 1000.0);
            for (Map.Entry<String, Supplier<String>> page : pages.entrySet()) {
                Figure times = Load.measure("console-" + page.getKey(), CLIENTS, each,
                        c -> () -> advisors.get(c).open(page.getValue().get()));
                figures.put(page.getKey() + "Page", page(times, ceiling));
            }
            return figures;
        }
    }

    private static Map<String, Object> page(Figure times, Figure ceiling) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("requests", times.operations());
        page.put("perSecond", Math.round(times.perSecond() * 10) / 10.0);
        page.put("p50Millis", times.p50Micros() / 1000.0);
        page.put("p95Millis", times.p95Micros() / 1000.0);
        page.put("p99Millis", times.p99Micros() / 1000.0);
        page.put("maxMillis", times.maxMicros() / 1000.0);
        page.put("compileMillis", times.compileMillis());
        page.put("p50ToCeilingP50", Math.round(10.0 * times.p50Micros() / ceiling.p50Micros()) / 10.0);
        page.put("p95ToCeilingP95", Math.round(10.0 * times.p95Micros() / ceiling.p95Micros()) / 10.0);
        return page;
    }

    /** {@code seed} debts of {@code debtors} debtors, registered by four clients over HTTP. */
    private static void register(HttpClient http, int port, int seed, int debtors) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Object>> registered = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int first = c;
            registered.add(clients.submit(() -> {
                for (int i = first; i < seed; i += CLIENTS) {
                    CommandMix mix = new CommandMix(http, port, DEBTOR + i % debtors);
                    for (int step = 0; step < (i % 2 == 0 ? 6 : 2); step++) {
                        mix.run();
                    }
                }
                return null;
            }));
        }
        for (Future<Object> client : registered) {
            client.get();
        }
        clients.shutdown();
    }

    /**
     * The reference rate of every half year up to {@code today}, as the operator adds them (the last one carried
     * forward): a payoff quote for today, which the debtor page shows, needs it.
     */
    private static void publishRatesUntil(HttpClient http, int port, LocalDate today) throws Exception {
        String rates = "http://127.0.0.1:" + port + "/api/v1/reference-rates/FI";
        JsonNode periods = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(rates))
                .header("Authorization", RunSecrets.OPERATOR).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body()).path("periods");
        JsonNode last = periods.get(periods.size() - 1);
        LocalDate until = LocalDate.parse(last.path("until").asText());
        while (until.isBefore(today)) {
            LocalDate start = until.plusDays(1);
            until = start.plusMonths(6).minusDays(1);
            HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create(rates + "/" + start))
                    .header("Authorization", RunSecrets.OPERATOR).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("until", until.toString(),
                            "referenceRate", last.path("referenceRate").asText(),
                            "source", "the last rate carried forward for the benchmark")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (added.statusCode() != 201) {
                throw new IllegalStateException("the reference rate was not added: " + added.body());
            }
        }
    }

    private static List<String> debtsAfter(DataSource store, long position) throws Exception {
        List<String> debts = new ArrayList<>();
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement()) {
            var found = statement.executeQuery("SELECT DISTINCT aggregateidentifier FROM domainevententry"
                    + " WHERE globalindex > " + position);
            while (found.next()) {
                debts.add(found.getString(1));
            }
        }
        return debts;
    }

    /** How much open work the advisor's queue holds today, as the queue page counts it. */
    private static long openWork(HttpClient http, int port) throws Exception {
        HttpResponse<String> queue = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/advisor-queue?size=1")).header("Authorization", RunSecrets.ADVISOR).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(queue.body()).path("total").asLong();
    }

    private static int random(long bound) {
        return (int) ThreadLocalRandom.current().nextLong(bound);
    }

    private static String copy(int n) {
        return n == 0 ? "" : "-copy-" + n;
    }

    /** An advisor signed in to the console with the form, in a session of their own (its cookie). */
    private record Advisor(HttpClient http, String base) {

        static Advisor signIn(int port) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            Matcher csrf = CSRF.matcher(http.send(HttpRequest.newBuilder(URI.create(base + "/console/sign-in"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            if (!csrf.find()) {
                throw new IllegalStateException("the sign-in page carries no CSRF token");
            }
            String form = "username=advisor&password=" + URLEncoder.encode(RunSecrets.PASSWORD, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<Void> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/console/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            String next = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || next.contains("sign-in")) {
                throw new IllegalStateException("the advisor could not sign in: " + signedIn.statusCode() + " " + next);
            }
            return new Advisor(http, base);
        }

        void open(String path) throws Exception {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                String text = page.body().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
                throw new IllegalStateException("the console answered " + page.statusCode() + " for " + path + ": "
                        + text.substring(0, Math.min(600, text.length())));
            }
        }
    }
}
