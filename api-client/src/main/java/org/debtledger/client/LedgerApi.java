package org.debtledger.client;

import org.debtledger.edge.LocalTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The ledger's own pages' one way to the ledger (the console's, the portal's): its public command and query APIs
 * over HTTP, as the person signed in, with their identity provider's token or a short-lived one the ledger signed for
 * them. What a page may do is what the API allows the person's role; every read it makes is in the access log like
 * any other. The sides' addresses come from {@code ledger.api.command-url} and {@code ledger.api.query-url}, set per
 * deployment; left out, this process's own port.
 */
@Component
public class LedgerApi {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };

    private final RestClient client;
    private final ObjectProvider<LocalTokens> tokens;
    private final ObjectProvider<OAuth2AuthorizedClientService> authorizedClients;
    private final Environment environment;

    public LedgerApi(RestClient.Builder builder, ObjectProvider<LocalTokens> tokens,
              ObjectProvider<OAuth2AuthorizedClientService> authorizedClients, Environment environment) {
        // java.net.http rather than HttpURLConnection, which drops the body of a 401 answered to a request with one
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.client = builder.requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw Refusal.read(response.getStatusCode().value(), response.getHeaders(), response.getBody());
                })
                .build();
        this.tokens = tokens;
        this.authorizedClients = authorizedClients;
        this.environment = environment;
    }

    /** Which side an endpoint is on. */
    public enum Side { COMMAND, QUERY }

    /**
     * A query's answer; {@code reason} (may be null) is why personal data is read, for the access log. Whatever a
     * person typed goes into {@code uri} as a template variable ({@code build(values)}), so it is encoded whole.
     */
    public Map<String, Object> query(Function<UriBuilder, URI> uri, String reason) {
        return get(Side.QUERY, uri, reason);
    }

    public Map<String, Object> query(Function<UriBuilder, URI> uri) {
        return get(Side.QUERY, uri, null);
    }

    /** A read from either side, such as the command side's plan quote. */
    public Map<String, Object> get(Side side, Function<UriBuilder, URI> uri, String reason) {
        return client.get().uri(base(side), uri)
                .headers(headers -> authorize(headers, reason))
                .retrieve().body(OBJECT);
    }

    /**
     * A read answered with something other than JSON, such as a remittance as CSV ({@code accept}): its body as
     * text, decoded by the charset it names, with its headers, which may say more (whether another page follows).
     */
    public ResponseEntity<String> getText(Side side, Function<UriBuilder, URI> uri, MediaType accept) {
        return client.get().uri(base(side), uri)
                .headers(headers -> authorize(headers, null))
                .accept(accept)
                .retrieve().toEntity(String.class);
    }

    /** A query answered with a list. */
    public List<Map<String, Object>> queryList(Function<UriBuilder, URI> uri) {
        return client.get().uri(base(Side.QUERY), uri)
                .headers(headers -> authorize(headers, null))
                .retrieve().body(LIST);
    }

    /**
     * A command's answer: the position of its last event, or a {@link Refusal}. {@code path} is a template whose
     * {@code {names}} are filled in with {@code variables}, each encoded whole.
     */
    public Map<String, Object> command(String path, Object body, Object... variables) {
        return send(HttpMethod.POST, Side.COMMAND, path, body, variables);
    }

    /**
     * Starts long work on the command side (close of business, a bank file) and answers the run that carries it
     * out in the background ({@code Prefer: respond-async}); {@code fileName} (may be null) names a file sent.
     */
    public Map<String, Object> startRun(String path, MediaType type, Object body, String fileName) {
        return client.post().uri(base(Side.COMMAND) + path, new Object[0])
                .headers(headers -> {
                    authorize(headers, null);
                    headers.set("Prefer", "respond-async");
                    if (fileName != null && !fileName.isBlank()) {
                        headers.setContentDisposition(ContentDisposition.attachment().filename(fileName).build());
                    }
                })
                .contentType(type).body(body)
                .retrieve().body(OBJECT);
    }

    /** Any other request with a JSON body (null: none), such as the query side's own writes and admin actions. */
    public Map<String, Object> send(HttpMethod method, Side side, String path, Object body, Object... variables) {
        RestClient.RequestBodySpec request = client.method(method).uri(base(side) + path, variables)
                .headers(headers -> authorize(headers, null));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().body(OBJECT);
    }

    /**
     * A request made as no one, for an endpoint open to all such as the self-service sign-in, which is what
     * signs the person in.
     */
    public Map<String, Object> sendAsNoOne(HttpMethod method, Side side, String path, Object body,
                                           Object... variables) {
        RestClient.RequestBodySpec request = client.method(method).uri(base(side) + path, variables);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().body(OBJECT);
    }

    /** How far a query's read model has come ({@code X-Read-Position}): where to follow its changes from. */
    public long readPosition(Function<UriBuilder, URI> uri) {
        String position = client.get().uri(base(Side.QUERY), uri)
                .headers(headers -> authorize(headers, null))
                .retrieve().toBodilessEntity().getHeaders().getFirst("X-Read-Position");
        return position == null ? 0 : Long.parseLong(position);
    }

    /** The address of {@code path} on {@code side}, and a bearer token for the person signed in, for a stream. */
    public URI address(Side side, String path) {
        return URI.create(base(side) + path);
    }

    /**
     * The person's token: the identity provider's access token when they signed in through it, else one the
     * ledger signs for its local user.
     */
    public String bearer() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who instanceof OAuth2AuthenticationToken signedInElsewhere) {
            OAuth2AuthorizedClient client = authorizedClients.getObject().loadAuthorizedClient(
                    signedInElsewhere.getAuthorizedClientRegistrationId(), who.getName());
            if (client == null || client.getAccessToken().getExpiresAt() != null
                    && client.getAccessToken().getExpiresAt().isBefore(Instant.now())) {
                throw new Refusal(401, "your sign-in has expired: sign out and sign in again", null);
            }
            return "Bearer " + client.getAccessToken().getTokenValue();
        }
        LocalTokens own = tokens.getIfAvailable();
        if (own == null) {
            throw new Refusal(401, "the ledger's pages have no key to sign its local users' tokens with"
                    + " (ledger.security.local-tokens.key)", null);
        }
        return "Bearer " + own.issue(who);
    }

    private void authorize(HttpHeaders headers, String reason) {
        headers.set(HttpHeaders.AUTHORIZATION, bearer());
        if (reason != null && !reason.isBlank()) {
            headers.set("X-Reason", reason);
        }
    }

    private String base(Side side) {
        String configured = environment.getProperty("ledger.api." + side.name().toLowerCase(Locale.ROOT)
                + "-url", "");
        if (!configured.isBlank()) {
            return configured;
        }
        String address = environment.getProperty("server.address", "");
        boolean anyAddress = address.isBlank() || address.equals("0.0.0.0") || address.equals("::");
        return "http://" + (anyAddress ? "127.0.0.1" : address) + ":"
                + environment.getRequiredProperty("local.server.port");
    }
}
