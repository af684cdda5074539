package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The whole ledger in this JVM on its own embedded PostgreSQL, answering real HTTP on loopback. */
final class StandaloneLedger implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final ConfigurableApplicationContext context;
    final JdbcClient database;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    private StandaloneLedger(ConfigurableApplicationContext context) {
        this.context = context;
        this.database = JdbcClient.create(context.getBean(DataSource.class));
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts it with the test defaults, of which {@code overrides} ({@code --name=value}) replace any. */
    static StandaloneLedger start(Path dataDirectory, String... overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : List.of("--server.port=0", "--server.address=127.0.0.1",
                "--ledger.close-of-business.scheduled=false", "--ledger.embedded-db.port=0",
                "--ledger.embedded-db.durable=false", "--ledger.embedded-db.data-directory=" + dataDirectory)) {
            settings.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        for (String setting : overrides) {
            settings.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        List<String> arguments = new ArrayList<>(settings.values());
        return new StandaloneLedger(new SpringApplicationBuilder(StandaloneApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    int port() {
        return port;
    }

    record Answer(int status, HttpResponse<String> response) {

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    Answer post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
