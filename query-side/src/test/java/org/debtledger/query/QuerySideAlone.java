package org.debtledger.query;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.debtledger.debt.DebtEvent;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The query side alone on an embedded PostgreSQL, for tests of its endpoints: events are published to its event
 * store as the command side would append them, and its endpoints are called over HTTP with a test identity
 * provider's tokens, as each role.
 */
public final class QuerySideAlone implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final EmbeddedPostgres postgres;
    private final ConfigurableApplicationContext context;
    private final KeyPair identityProvider;
    private final int port;
    public final JdbcClient database;

    private QuerySideAlone(EmbeddedPostgres postgres, ConfigurableApplicationContext context,
                           KeyPair identityProvider) {
        this.postgres = postgres;
        this.context = context;
        this.identityProvider = identityProvider;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        this.database = JdbcClient.create(postgres.getPostgresDatabase());
    }

    /** Starts it, keeping the identity provider's public key in {@code directory}. */
    public static QuerySideAlone start(Path directory) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/eventstore").load()
                .migrate();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair identityProvider = generator.generateKeyPair();
        Path publicKey = directory.resolve("identity-provider.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder()
                .encodeToString(identityProvider.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--ledger.security.key-encryption-key.value=" + Base64.getEncoder().encodeToString(kek),
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey);
        return new QuerySideAlone(postgres, context, identityProvider);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Appends {@code event} as the debt's {@code sequenceNumber}th, as the command side would. */
    public void publish(String debtId, long sequenceNumber, DebtEvent event) {
        bean(EventStore.class).publish(new GenericDomainEventMessage<>("Debt", debtId, sequenceNumber, event));
    }

    /** The event store's last position. */
    public long head() {
        return database.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
    }

    /** Waits up to a minute until {@code path} (asked with {@code minPosition} of the head) answers 200. */
    public void awaitCaughtUp(String path, String role) {
        String fresh = path + (path.contains("?") ? "&" : "?") + "minPosition=" + head();
        await().atMost(Duration.ofMinutes(1)).until(() -> get(fresh, role).statusCode() == 200);
    }

    /** A request as {@code role}, of a creditor if {@code creditorId} is given, with more {@code headers}. */
    public HttpResponse<String> send(String method, String path, String body, String role, String creditorId,
                                     String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", bearer(role, creditorId))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String role) throws IOException, InterruptedException {
        return send("GET", path, null, role, null);
    }

    /**
     * A GET as a person signed in to self-service ({@code subject}), whose debtor references are {@code debtorIds},
     * with more {@code headers}.
     */
    public HttpResponse<String> getAsDebtor(String path, String subject, List<String> debtorIds, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", signed(new JWTClaimsSet.Builder()
                        .subject(subject).claim("roles", List.of("DEBTOR")).claim("debtor_ids", debtorIds)
                        .expirationTime(new Date(System.currentTimeMillis() + 600_000))))
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A token of the test's identity provider for {@code role}, of a creditor if one is given. */
    private String bearer(String role, String creditorId) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(role.toLowerCase() + "-1")
                .claim("roles", List.of(role)).expirationTime(new Date(System.currentTimeMillis() + 600_000));
        if (creditorId != null) {
            claims.claim("creditor_id", creditorId);
        }
        return signed(claims);
    }

    private String signed(JWTClaimsSet.Builder claims) {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            token.sign(new RSASSASigner(identityProvider.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return "Bearer " + token.serialize();
    }

    @Override
    public void close() throws IOException {
        context.close();
        postgres.close();
    }
}
