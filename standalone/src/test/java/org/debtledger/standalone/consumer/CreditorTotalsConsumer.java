package org.debtledger.standalone.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An example downstream consumer: follows the ledger's public event stream page by page and keeps, per creditor,
 * the net of payments received and reversed. Its position and its totals are written together, atomically,
 * after each page, so a consumer killed at any moment resumes where its state says and counts nothing twice.
 *
 * <p>Run: {@code CreditorTotalsConsumer <ledger base URL> <state file>} with its credentials (a user with the
 * INTEGRATION role) in {@code LEDGER_USER} and {@code LEDGER_PASSWORD}; it stops when {@code <state file>.stop}
 * appears.
 */
public final class CreditorTotalsConsumer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CreditorTotalsConsumer() {
    }

    public record State(long position, Map<String, BigDecimal> totals) {
    }

    public static void main(String[] args) throws Exception {
        String ledger = args[0];
        Path stateFile = Path.of(args[1]);
        Path stop = Path.of(args[1] + ".stop");
        String credentials = "Basic " + Base64.getEncoder().encodeToString(
                (System.getenv("LEDGER_USER") + ":" + System.getenv("LEDGER_PASSWORD")).getBytes(StandardCharsets.UTF_8));
        Follower follower = new Follower(ledger, credentials, stateFile, stop);
        // caught up, or the ledger out of reach: ask again every 100 ms; behind: page after page until caught up
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        poller.scheduleWithFixedDelay(() -> {
            try {
                if (Files.exists(stop)) {
                    stopped.complete(null);
                } else {
                    follower.catchUp();
                }
            } catch (Exception | Error failure) {
                stopped.completeExceptionally(failure);
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        try {
            stopped.get();
        } finally {
            poller.shutdownNow();
        }
    }

    /** Follows the stream from the position in its state file, saving position and totals after each page. */
    private static final class Follower {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final String ledger;
        private final String credentials;
        private final Path stateFile;
        private final Path stop;
        private State state;

        Follower(String ledger, String credentials, Path stateFile, Path stop) throws IOException {
            this.ledger = ledger;
            this.credentials = credentials;
            this.stateFile = stateFile;
            this.stop = stop;
            this.state = load(stateFile);
        }

        /** Reads pages until one brings nothing new, the ledger is out of reach, or the consumer is to stop. */
        void catchUp() throws IOException, InterruptedException {
            while (!Files.exists(stop)) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(ledger + "/api/v1/events?after="
                                + state.position() + "&limit=20&types=payment.received,payment.reversed"))
                        .header("Authorization", credentials).timeout(Duration.ofSeconds(10)).GET().build();
                HttpResponse<String> response;
                try {
                    response = client.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException unavailable) {
                    return; // asked again at the next turn
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the ledger answered " + response.statusCode() + ": "
                            + response.body());
                }
                JsonNode page = JSON.readTree(response.body());
                Map<String, BigDecimal> totals = new TreeMap<>(state.totals());
                for (JsonNode event : page.path("events")) {
                    BigDecimal amount = new BigDecimal(event.path("payload").path("amount").path("amount").asText());
                    BigDecimal signed = event.path("type").asText().equals("payment.reversed") ? amount.negate() : amount;
                    totals.merge(event.path("creditorId").asText(), signed, BigDecimal::add);
                }
                long next = page.path("next").asLong();
                if (next == state.position()) {
                    return;
                }
                state = new State(next, totals);
                save(state, stateFile);
            }
        }
    }

    public static State load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new State(0, Map.of());
        }
        JsonNode json = JSON.readTree(file.toFile());
        Map<String, BigDecimal> totals = new TreeMap<>();
        json.path("totals").fields().forEachRemaining(entry ->
                totals.put(entry.getKey(), new BigDecimal(entry.getValue().asText())));
        return new State(json.path("position").asLong(), totals);
    }

    /** Writes the whole state to a new file, forces it to disk, and moves it over the old one in one step. */
    private static void save(State state, Path file) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("position", state.position());
        ObjectNode totals = json.putObject("totals");
        state.totals().forEach((creditor, total) -> totals.put(creditor, total.toPlainString()));
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.write(next, JSON.writeValueAsBytes(json));
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
