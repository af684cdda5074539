package org.debtledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.debtledger.edge.Caller;
import org.debtledger.edge.LocalTokens;
import org.debtledger.edge.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole ledger in this JVM on its own embedded PostgreSQL, answering real HTTP on loopback. Requests go as
 * the local user whose role the endpoint is for (see {@link #userFor}), or as the one {@link #as} names.
 */
final class StandaloneLedger implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The local users of a test ledger, and their passwords: fresh for every test run, none in the repository. */
    static final Map<String, String> PASSWORDS = Map.of("advisor", UUID.randomUUID().toString(),
            "compliance", UUID.randomUUID().toString(), "integration", UUID.randomUUID().toString(),
            "operator", UUID.randomUUID().toString(), "acme", UUID.randomUUID().toString());

    final ConfigurableApplicationContext context;
    final JdbcClient database;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String user;

    private final Duration timeout;

    private StandaloneLedger(ConfigurableApplicationContext context, String user, Duration timeout) {
        this.context = context;
        this.database = JdbcClient.create(context.getBean(DataSource.class));
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.user = user;
        this.timeout = timeout;
    }

    /**
     * The same ledger, asked as another local user, or as the debtor {@code debtor:<reference>}; {@code ""} asks with
     * no credentials.
     */
    StandaloneLedger as(String user) {
        return new StandaloneLedger(context, user, timeout);
    }

    /** The same ledger, each request given up (an exception) when it has no answer within {@code timeout}. */
    StandaloneLedger within(Duration timeout) {
        return new StandaloneLedger(context, user, timeout);
    }

    /** The local user whose role an endpoint is for. */
    static String userFor(String method, String path) {
        if (path.startsWith("/api/v1/operations/") || path.startsWith("/api/v1/admin/")) {
            return "operator";
        }
        if (path.startsWith("/api/v1/events") || (method.equals("GET") && path.matches("/api/v1/debts/[^/?]+/history.*"))
                || path.startsWith("/api/v1/access-log") || path.matches("/api/v1/debtors/[^/]+/erasure")) {
            return path.startsWith("/api/v1/events") ? "integration" : "compliance";
        }
        return "advisor";
    }

    /**
     * The Authorization header of {@code user}: a local user's password, or for {@code debtor:<reference>} a token
     * the ledger signs for that debtor, as the portal relays for a person signed in with an access code.
     */
    String authorization(String user) {
        if (user.startsWith(Caller.DEBTOR_PREFIX)) {
            return "Bearer " + context.getBean(LocalTokens.class).issue(UsernamePasswordAuthenticationToken
                    .authenticated(user.substring(Caller.DEBTOR_PREFIX.length()), null, List.of(
                            new SimpleGrantedAuthority(Role.DEBTOR.authority()), new SimpleGrantedAuthority(user))));
        }
        return basic(user);
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORDS.get(user))
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The settings that give a standalone ledger the local users above, a creditor of acme-telecom among them, and a
     * key-encryption key kept in the build's directory.
     */
    static List<String> localUsers() {
        List<String> settings = new ArrayList<>(List.of("--ledger.security.local-users.store=target/local-users-unused",
                // generated at the first test ledger's start, as the standalone ledger makes its own
                "--ledger.security.key-encryption-key.file=target/key-encryption-key",
                "--ledger.security.local-tokens.key-file=target/token-key"));
        String[][] users = {{"advisor", "ADVISOR"}, {"compliance", "COMPLIANCE"}, {"integration", "INTEGRATION"},
                {"operator", "OPERATOR"}, {"acme", "CREDITOR"}};
        for (int i = 0; i < users.length; i++) {
            settings.add("--ledger.security.local-users.users[" + i + "].name=" + users[i][0]);
            settings.add("--ledger.security.local-users.users[" + i + "].role=" + users[i][1]);
            settings.add("--ledger.password." + users[i][0] + "=" + PASSWORDS.get(users[i][0]));
        }
        settings.add("--ledger.security.local-users.users[4].creditor-id=acme-telecom");
        return settings;
    }

    /**
     * Starts it with the test defaults, of which {@code overrides} ({@code --name=value}) replace any. The embedded
     * database keeps its data in {@code postgres/} in {@code dataDirectory}, and its password beside it.
     */
    static StandaloneLedger start(Path dataDirectory, String... overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : List.of("--server.port=0",
                "--ledger.close-of-business.scheduled=false", "--ledger.embedded-db.port=0",
                "--ledger.embedded-db.durable=false",
                "--ledger.embedded-db.data-directory=" + dataDirectory.resolve("postgres"))) {
            settings.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        for (String setting : localUsers()) {
            settings.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        for (String setting : overrides) {
            settings.put(setting.substring(0, setting.indexOf('=')), setting);
        }
        List<String> arguments = new ArrayList<>(settings.values());
        return new StandaloneLedger(new SpringApplicationBuilder(StandaloneApplication.class)
                .run(arguments.toArray(String[]::new)), null, Duration.ofSeconds(60));
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
        return send("GET", path, null);
    }

    /** A request whose body is JSON, unless {@code headers} (name, value, ...) give another Content-Type. */
    Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        String who = user != null ? user : userFor(method, path);
        if (!who.isEmpty()) {
            request.header("Authorization", authorization(who));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    Answer post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    /** A request to {@code path} as this ledger's user for it, for the tests that read streams themselves. */
    HttpRequest.Builder request(String path) {
        String who = user != null ? user : userFor("GET", path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        return who.isEmpty() ? request : request.header("Authorization", authorization(who));
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
