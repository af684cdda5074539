package org.debtledger.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider on loopback for tests: discovery, an authorization endpoint that signs in
 * {@code subject} with {@code roles} (and the debtor references set by {@link #debtorReferences}) at once (no page of
 * its own), a token endpoint that answers an identity token for the client that asked and an access token, both RS256
 * under a key made for the run, and the key set to check them with.
 */
final class TestIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "console";

    private final HttpServer server;
    private final KeyPair keys;
    private final String subject;
    private final List<String> roles;
    private volatile List<String> debtorReferences = List.of();
    /** The nonce each code was given for, to put in its identity token. */
    private final Map<String, String> nonces = new ConcurrentHashMap<>();
    /** The client each code was given to, the audience of its identity token. */
    private final Map<String, String> clients = new ConcurrentHashMap<>();

    TestIdentityProvider(String subject, String... roles) {
        this.subject = subject;
        this.roles = List.of(roles);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200, """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid"]}"""
                .formatted(issuer())));
        server.createContext("/jwks", exchange -> answer(exchange, 200,
                new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID("test").build()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The debtor references ({@code debtor_ids}) the tokens of the next sign-ins carry; none if none given. */
    void debtorReferences(String... references) {
        debtorReferences = List.of(references);
    }

    /** The settings that make a standalone ledger sign people in to the console through this provider. */
    List<String> settings() {
        List<String> settings = new ArrayList<>(registration("agency", CLIENT_ID, "the agency's sign-in"));
        settings.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer() + "/jwks");
        return List.copyOf(settings);
    }

    /** A client registration {@code id} of this provider, for the client {@code clientId}. */
    List<String> registration(String id, String clientId, String name) {
        String registration = "--spring.security.oauth2.client.registration." + id + ".";
        return List.of(registration + "client-id=" + clientId, registration + "client-secret=" + UUID.randomUUID(),
                registration + "client-name=" + name, registration + "scope=openid",
                "--spring.security.oauth2.client.provider." + id + ".issuer-uri=" + issuer());
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> asked = form(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        nonces.put(code, asked.getOrDefault("nonce", ""));
        clients.put(code, asked.getOrDefault("client_id", CLIENT_ID));
        exchange.getResponseHeaders().add("Location", asked.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(asked.get("state"), StandardCharsets.UTF_8));
        answer(exchange, 302, "");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> asked = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String nonce = nonces.remove(asked.getOrDefault("code", ""));
        String client = clients.remove(asked.getOrDefault("code", ""));
        if (nonce == null || client == null) {
            answer(exchange, 400, "{\"error\": \"invalid_grant\"}");
            return;
        }
        JWTClaimsSet.Builder identity = claims().audience(client);
        if (!nonce.isEmpty()) {
            identity.claim("nonce", nonce);
        }
        answer(exchange, 200, """
                {"access_token": "%s", "token_type": "Bearer", "expires_in": 600, "scope": "openid",
                 "id_token": "%s"}""".formatted(signed(claims().build()), signed(identity.build())));
    }

    private JWTClaimsSet.Builder claims() {
        Date now = new Date();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(subject)
                .claim("roles", roles).issueTime(now).expirationTime(new Date(now.getTime() + 600_000));
        return debtorReferences.isEmpty() ? claims : claims.claim("debtor_ids", debtorReferences);
    }

    private String signed(JWTClaimsSet claims) {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
        try {
            token.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
