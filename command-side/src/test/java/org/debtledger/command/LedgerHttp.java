package org.debtledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real HTTP to the ledger on loopback, every call bounded in time, as the local user whose role the endpoint is
 * for: the operator for close of business, an advisor for everything else (or whoever {@link #as} names).
 */
public final class LedgerHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fresh for every test run: the repository holds no password. */
    private static final Map<String, String> PASSWORDS = Map.of("advisor", UUID.randomUUID().toString(),
            "operator", UUID.randomUUID().toString());
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String user;

    public LedgerHttp(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private LedgerHttp(String base, String user) {
        this.base = base;
        this.user = user;
    }

    /** The settings that give a command-side process the local users this client signs in as. */
    static List<String> localUsers() {
        return List.of("--ledger.security.local-users.enabled=true",
                "--ledger.security.local-users.store=target/local-users-unused",
                "--ledger.security.local-users.users[0].name=advisor",
                "--ledger.security.local-users.users[0].role=ADVISOR",
                "--ledger.security.local-users.users[1].name=operator",
                "--ledger.security.local-users.users[1].role=OPERATOR",
                "--ledger.password.advisor=" + PASSWORDS.get("advisor"),
                "--ledger.password.operator=" + PASSWORDS.get("operator"));
    }

    /** The same ledger as another local user; {@code null} sends no credentials. */
    public LedgerHttp as(String user) {
        return new LedgerHttp(base, user == null ? "" : user);
    }

    private String authorization(String path) {
        String name = user != null ? user : path.startsWith("/api/v1/operations/") ? "operator" : "advisor";
        if (name.isEmpty()) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + PASSWORDS.get(name))
                .getBytes(StandardCharsets.UTF_8));
    }

    public Answer post(String path, String json, String... headers) {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json), headers);
    }

    /** A body of another type than JSON, such as a bank file's {@code text/csv}. */
    public Answer post(String path, String contentType, byte[] body, String... headers) {
        return post(path, contentType, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    /** The same, sent in chunks without declaring its length, so that the ledger can only count it. */
    public Answer postWithoutLength(String path, String contentType, byte[] body) {
        return post(path, contentType, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    }

    private Answer post(String path, String contentType, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", contentType)
                .POST(body);
        String authorization = authorization(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /**
     * The status of a POST that declares a body of {@code length} bytes and sends none of it: a body over the limit
     * must be refused on its declared length alone, before any of it is read.
     */
    public int statusOfDeclaredLength(String path, String contentType, long length) {
        URI uri = URI.create(base + path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: "
                    + authorization(path) + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer put(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        String authorization = authorization(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public Answer get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        String authorization = authorization(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Answer(int status, String contentType, String body, HttpHeaders headers) {

        /** The header's first value, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
