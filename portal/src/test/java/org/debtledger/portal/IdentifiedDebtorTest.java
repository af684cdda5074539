package org.debtledger.portal;

import org.debtledger.edge.LedgerSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person the debtors' identity provider signed in is a debtor of the references its token names, and no more. */
class IdentifiedDebtorTest {

    private final IdentifiedDebtor mapper = new IdentifiedDebtor(new LedgerSecurity.JwtClaims(null, null, null));

    private static List<GrantedAuthority> signedIn(Map<String, Object> claims) {
        OidcIdToken token = OidcIdToken.withTokenValue("token").subject("eid-person-1").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).claims(all -> all.putAll(claims)).build();
        return List.of(new OidcUserAuthority(token), new SimpleGrantedAuthority("SCOPE_openid"));
    }

    private List<String> authorities(Map<String, Object> claims) {
        return mapper.mapAuthorities(signedIn(claims)).stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void aPersonIsADebtorOfEachReferenceTheTokenNames() {
        assertThat(authorities(Map.of("debtor_ids", List.of("d-1001", "d-1002"))))
                .containsExactly("ROLE_DEBTOR", "debtor:d-1001", "debtor:d-1002");
        assertThat(authorities(Map.of("debtor_ids", "d-1001 d-1003")))
                .containsExactly("ROLE_DEBTOR", "debtor:d-1001", "debtor:d-1003");
    }

    @Test
    void rolesAndACreditorTheTokenAlsoCarriesAreNotThePortalsToGive() {
        assertThat(authorities(Map.of("debtor_ids", List.of("d-1001"), "roles", List.of("ADVISOR", "OPERATOR"),
                "creditor_id", "acme-telecom"))).containsExactly("ROLE_DEBTOR", "debtor:d-1001");
    }

    @Test
    void aPersonTheTokenNamesNoReferenceForIsNotSignedIn() {
        assertThatThrownBy(() -> authorities(Map.of("roles", List.of("DEBTOR"))))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, refused -> assertThat(
                        PortalSecurity.why(refused)).isEqualTo("no-debts"));
        assertThatThrownBy(() -> authorities(Map.of("debtor_ids", List.of(" "))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }
}
