package org.debtledger.portal;

import com.sun.net.httpserver.HttpServer;
import org.debtledger.client.LedgerApi;
import org.debtledger.edge.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * The sign-in asks the query side's self-service sign-in, as no one, and makes the person a debtor of the reference
 * it answers; each way it can fail fails in its own way, so that the page can say which kindly.
 */
class AccessCodeSignInTest {

    private HttpServer ledger;
    private final List<String> asked = new ArrayList<>();
    private int status;
    private String answer;
    private String retryAfter;
    private AccessCodeSignIn signIn;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() throws IOException {
        ledger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ledger.createContext("/", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json"
                    : "application/problem+json");
            if (retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ledger.start();
        MockEnvironment environment = new MockEnvironment()
                .withProperty("ledger.api.query-url", "http://127.0.0.1:" + ledger.getAddress().getPort());
        signIn = new AccessCodeSignIn(new LedgerApi(RestClient.builder(), mock(ObjectProvider.class),
                mock(ObjectProvider.class), environment));
    }

    @AfterEach
    void stop() {
        ledger.stop(0);
    }

    private Authentication attempt(String reference, String code) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(reference, code));
    }

    @Test
    void aMatchingCodeSignsThePersonInAsTheDebtorOfTheReference() {
        status = 200;
        answer = "{\"debtorId\": \"d-1001\"}";
        Authentication signedIn = attempt(" d-1001 ", "abcd-efgh-jklm");
        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(signedIn.getName()).isEqualTo("d-1001");
        assertThat(signedIn.getCredentials()).as("the code is not kept").isNull();
        assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder(Role.DEBTOR.authority(), "debtor:d-1001");
        assertThat(asked).singleElement().asString()
                .startsWith("POST /api/v1/self-service/sign-in ")
                .contains("\"reference\":\"d-1001\"").contains("\"code\":\"abcd-efgh-jklm\"")
                .endsWith(" null"); // asked as no one
    }

    @Test
    void aWrongCodeIsBadCredentials() {
        status = 401;
        answer = "{\"type\": \"urn:debt-ledger:problem:access-code-refused\", \"status\": 401}";
        assertThatThrownBy(() -> attempt("d-1001", "WRONG")).isInstanceOf(BadCredentialsException.class);
        assertThat(PortalSecurity.why(new BadCredentialsException("x"))).isEqualTo("failed");
    }

    @Test
    void anExpiredCodeSaysItExpired() {
        status = 401;
        answer = "{\"type\": \"urn:debt-ledger:problem:access-code-expired\", \"status\": 401}";
        assertThatThrownBy(() -> attempt("d-1001", "ABCD-EFGH-JKLM"))
                .isInstanceOf(CredentialsExpiredException.class)
                .satisfies(failure -> assertThat(PortalSecurity.why((CredentialsExpiredException) failure))
                        .isEqualTo("expired"));
    }

    @Test
    void aThrottledSignInSaysHowLongToWait() {
        status = 429;
        retryAfter = "120";
        answer = "{\"type\": \"urn:debt-ledger:problem:too-many-failed-sign-ins\", \"status\": 429}";
        assertThatThrownBy(() -> attempt("d-1001", "ABCD-EFGH-JKLM"))
                .isInstanceOf(AccessCodeSignIn.MustWait.class)
                .satisfies(failure -> assertThat(PortalSecurity.why((AccessCodeSignIn.MustWait) failure))
                        .isEqualTo("wait=120"));
    }

    @Test
    void aLedgerOutOfReachIsNoWrongCode() {
        status = 503;
        answer = "{}";
        assertThatThrownBy(() -> attempt("d-1001", "ABCD-EFGH-JKLM"))
                .isInstanceOf(AuthenticationServiceException.class);
        ledger.stop(0);
        assertThatThrownBy(() -> attempt("d-1001", "ABCD-EFGH-JKLM"))
                .isInstanceOf(AuthenticationServiceException.class);
    }

    @Test
    void anEmptyOrOverlongAttemptIsRefusedWithoutAsking() {
        assertThatThrownBy(() -> attempt("", "ABCD")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> attempt("d-1001", "A".repeat(41))).isInstanceOf(BadCredentialsException.class);
        assertThat(asked).isEmpty();
    }
}
