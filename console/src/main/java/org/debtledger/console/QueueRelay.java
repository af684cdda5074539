package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.debtledger.client.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Follows the advisor queue's server-sent events for an open queue page, as the person signed in, and tells the
 * page when the queue changed so it reloads its table. Bounded: at most {@value #MOST_FOLLOWERS} pages follow at
 * once, each for at most half an hour (the page then reconnects), and every stream ends when the console stops.
 */
@Component
class QueueRelay implements AutoCloseable {

    static final int MOST_FOLLOWERS = 64;
    private static final Duration LONGEST = Duration.ofMinutes(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService followers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "console-queue-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore places = new Semaphore(MOST_FOLLOWERS);
    private final Set<Stream<String>> open = ConcurrentHashMap.newKeySet();
    private final LedgerApi api;

    QueueRelay(LedgerApi api) {
        this.api = api;
    }

    /** A stream of {@code queue-changed} events for the page, from the queue's changes after {@code after}. */
    SseEmitter follow(long after) {
        if (!places.tryAcquire()) {
            throw new Refusal(503, "too many queue pages are followed at once; the page refreshes itself instead",
                    null);
        }
        HttpRequest request = HttpRequest.newBuilder(api.address(LedgerApi.Side.QUERY,
                        "/api/v1/advisor-queue/stream?after=" + after))
                .header("Authorization", api.bearer()).header("Accept", "text/event-stream").GET().build();
        SseEmitter page = new SseEmitter(LONGEST.toMillis());
        followers.execute(() -> {
            Stream<String> lines = null;
            try {
                lines = client.send(request, HttpResponse.BodyHandlers.ofLines()).body();
                open.add(lines);
                Stream<String> following = lines;
                page.onCompletion(following::close);
                page.onTimeout(following::close);
                page.onError(failure -> following.close());
                lines.filter(line -> line.startsWith("data:")).forEach(change -> send(page));
                page.complete();
            } catch (IOException | RuntimeException e) {
                page.completeWithError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                page.complete();
            } finally {
                if (lines != null) {
                    open.remove(lines);
                    lines.close();
                }
                places.release();
            }
        });
        return page;
    }

    private static void send(SseEmitter page) {
        try {
            page.send(SseEmitter.event().name("queue-changed").data("changed"));
        } catch (IOException gone) {
            throw new UncheckedIOException(gone); // the page left: stop following
        }
    }

    @Override
    public void close() {
        open.forEach(Stream::close);
        followers.shutdownNow();
    }
}
