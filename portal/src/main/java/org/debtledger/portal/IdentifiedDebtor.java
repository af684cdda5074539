package org.debtledger.portal;

import org.debtledger.edge.Caller;
import org.debtledger.edge.LedgerSecurity;
import org.debtledger.edge.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A person the debtors' identity provider signed in is a debtor of the references its identity token names in the
 * debtor claim ({@code ledger.security.jwt.debtor-claim}), and nothing more: any role the token also carries is not
 * the portal's to give. A person it names no reference for is not signed in, and is told to use their letter.
 */
final class IdentifiedDebtor implements GrantedAuthoritiesMapper {

    /** The error a sign-in fails with when the identity token names no debtor reference. */
    static final String NO_DEBTOR_REFERENCE = "no_debtor_reference";

    private final LedgerSecurity.JwtClaims claims;

    IdentifiedDebtor(LedgerSecurity.JwtClaims claims) {
        this.claims = claims;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> granted) {
        List<GrantedAuthority> references = granted.stream()
                .filter(OidcUserAuthority.class::isInstance).map(OidcUserAuthority.class::cast)
                .flatMap(oidc -> LedgerSecurity.authoritiesOf(oidc.getIdToken().getClaims(), claims).stream())
                .filter(authority -> authority.getAuthority().startsWith(Caller.DEBTOR_PREFIX))
                .distinct()
                .toList();
        if (references.isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_DEBTOR_REFERENCE,
                    "the identity token names no debtor reference in " + claims.debtorClaim(), null));
        }
        List<GrantedAuthority> debtor = new ArrayList<>();
        debtor.add(new SimpleGrantedAuthority(Role.DEBTOR.authority()));
        debtor.addAll(references);
        return debtor;
    }
}
