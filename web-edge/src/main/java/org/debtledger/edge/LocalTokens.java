package org.debtledger.edge;

import com.nimbusds.jwt.JWTParser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Short-lived tokens the ledger signs itself for its local users, so that the console calls the APIs as the person
 * signed in to it without keeping their password: the APIs see the same subject and roles as with HTTP Basic or an
 * identity provider's token. Signed with HMAC-SHA256 under a key of 32 random bytes that never leaves the
 * process's own file ({@link SecretFile}); a token names this ledger as its issuer and lasts minutes.
 */
public final class LocalTokens {

    /** The issuer named in every local token; a token of another issuer goes to the identity provider. */
    public static final String ISSUER = "debt-ledger";
    public static final int KEY_BYTES = 32;

    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final LedgerSecurity.JwtClaims claims;
    private final Duration lifetime;
    private final Clock clock;

    public LocalTokens(byte[] key, LedgerSecurity.JwtClaims claims, Duration lifetime, Clock clock) {
        SecretKey secret = new SecretKeySpec(key, "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(secret).build();
        NimbusJwtDecoder verifying = NimbusJwtDecoder.withSecretKey(secret).macAlgorithm(MacAlgorithm.HS256).build();
        verifying.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        this.decoder = verifying;
        this.claims = claims;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A token for {@code who}, carrying its roles, creditor and debtor references as an identity provider's would. */
    public String issue(Authentication who) {
        List<String> roles = new ArrayList<>();
        String creditorId = null;
        List<String> debtorIds = new ArrayList<>();
        for (GrantedAuthority granted : who.getAuthorities()) {
            String authority = String.valueOf(granted.getAuthority());
            for (Role role : Role.values()) {
                if (role.authority().equals(authority)) {
                    roles.add(role.name());
                }
            }
            if (authority.startsWith(Caller.CREDITOR_PREFIX)) {
                creditorId = authority.substring(Caller.CREDITOR_PREFIX.length());
            }
            if (authority.startsWith(Caller.DEBTOR_PREFIX)) {
                debtorIds.add(authority.substring(Caller.DEBTOR_PREFIX.length()));
            }
        }
        Instant now = clock.instant();
        JwtClaimsSet.Builder token = JwtClaimsSet.builder().issuer(ISSUER).subject(who.getName())
                .issuedAt(now).expiresAt(now.plus(lifetime)).claim(claims.rolesClaim(), roles);
        if (creditorId != null) {
            token.claim(claims.creditorClaim(), creditorId);
        }
        if (!debtorIds.isEmpty()) {
            token.claim(claims.debtorClaim(), debtorIds);
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), token.build()))
                .getTokenValue();
    }

    /**
     * Decodes a local token itself and hands any other to {@code identityProvider} (null: there is none, and only
     * local tokens are taken). Which one decides is read from the token's issuer; the one that decides checks the
     * signature, so a token that merely claims this issuer gains nothing.
     */
    JwtDecoder before(JwtDecoder identityProvider) {
        return token -> {
            if (ISSUER.equals(issuer(token))) {
                return decoder.decode(token);
            }
            if (identityProvider == null) {
                throw new BadJwtException("only the ledger's own tokens are taken: no identity provider is configured");
            }
            return identityProvider.decode(token);
        };
    }

    private static String issuer(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("the token cannot be read: " + e.getMessage(), e);
        }
    }
}
