package org.debtledger.edge;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalTokensTest {

    private static final byte[] KEY = new byte[LocalTokens.KEY_BYTES];
    private static final LedgerSecurity.JwtClaims CLAIMS = new LedgerSecurity.JwtClaims(null, null, null);

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private final LocalTokens tokens = new LocalTokens(KEY, CLAIMS, Duration.ofMinutes(5), Clock.systemUTC());

    private static UsernamePasswordAuthenticationToken signedIn(String name, String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList());
    }

    @Test
    void aTokenCarriesThePersonsNameRolesAndCreditorAsAnIdentityProvidersWould() {
        String token = tokens.issue(signedIn("acme", "ROLE_CREDITOR", "creditor:acme-telecom"));

        Jwt decoded = tokens.before(null).decode(token);

        assertThat(decoded.getSubject()).isEqualTo("acme");
        assertThat(decoded.getClaimAsString("iss")).isEqualTo(LocalTokens.ISSUER);
        assertThat(decoded.getClaimAsStringList("roles")).isEqualTo(List.of("CREDITOR"));
        assertThat(decoded.getClaimAsString("creditor_id")).isEqualTo("acme-telecom");
        assertThat(LedgerSecurity.authorities(CLAIMS).convert(decoded).getAuthorities())
                .extracting(granted -> granted.getAuthority())
                .contains("ROLE_CREDITOR", "creditor:acme-telecom");
    }

    @Test
    void aDebtorsTokenCarriesTheirReferencesAndNoOneElses() {
        String token = tokens.issue(signedIn("d-1001", "ROLE_DEBTOR", "debtor:d-1001", "debtor:d-2002"));

        Jwt decoded = tokens.before(null).decode(token);

        assertThat(decoded.getClaimAsStringList("debtor_ids")).isEqualTo(List.of("d-1001", "d-2002"));
        assertThat(LedgerSecurity.authorities(CLAIMS).convert(decoded).getAuthorities())
                .extracting(granted -> granted.getAuthority())
                .filteredOn(authority -> authority.startsWith("debtor:") || authority.startsWith("ROLE_"))
                .containsExactlyInAnyOrder("ROLE_DEBTOR", "debtor:d-1001", "debtor:d-2002");
    }

    @Test
    void aTokenSignedUnderAnotherKeyIsRefused() {
        byte[] other = KEY.clone();
        other[0] = 8;
        String forged = new LocalTokens(other, CLAIMS, Duration.ofMinutes(5), Clock.systemUTC())
                .issue(signedIn("advisor", "ROLE_ADVISOR"));

        assertThatThrownBy(() -> tokens.before(null).decode(forged)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenPastItsLifetimeIsRefused() {
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String old = new LocalTokens(KEY, CLAIMS, Duration.ofMinutes(5), anHourAgo)
                .issue(signedIn("advisor", "ROLE_ADVISOR"));

        assertThatThrownBy(() -> tokens.before(null).decode(old)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenOfAnotherIssuerGoesToTheIdentityProviderAndWithoutOneIsRefused() {
        String theirs = new PlainJWT(new JWTClaimsSet.Builder().issuer("https://id.example").subject("advisor")
                .build()).serialize();
        JwtDecoder identityProvider = token -> {
            throw new BadJwtException("asked the identity provider");
        };

        assertThatThrownBy(() -> tokens.before(identityProvider).decode(theirs))
                .hasMessage("asked the identity provider");
        assertThatThrownBy(() -> tokens.before(null).decode(theirs)).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("no identity provider is configured");
        assertThatThrownBy(() -> tokens.before(null).decode("not-a-token")).isInstanceOf(BadJwtException.class);
    }
}
