package org.debtledger.portal;

import org.debtledger.client.LedgerApi;
import org.debtledger.client.Refusal;
import org.debtledger.edge.Caller;
import org.debtledger.edge.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs a person in with the reference printed on their letter and its access code, as the query side's self-service
 * sign-in checks them: on success they are a debtor whose debts are those of that reference. The portal keeps
 * neither the code nor a password; a wrong code, an expired one, and a sign-in that must wait each fail in their
 * own way, so the page can say which.
 */
final class AccessCodeSignIn implements AuthenticationProvider {

    static final String SIGN_IN = "/api/v1/self-service/sign-in";

    /** The API asked the person to wait before trying again. */
    static final class MustWait extends AuthenticationException {

        private final long seconds;

        MustWait(long seconds) {
            super("too many sign-ins failed; try again in " + seconds + " s");
            this.seconds = seconds;
        }

        long seconds() {
            return seconds;
        }
    }

    private final LedgerApi api;

    AccessCodeSignIn(LedgerApi api) {
        this.api = api;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String reference = attempt.getName() == null ? "" : attempt.getName().strip();
        String code = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString().strip();
        if (reference.isEmpty() || code.isEmpty() || reference.length() > 100 || code.length() > 40) {
            throw new BadCredentialsException("a reference and an access code are needed");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", reference);
        body.put("code", code);
        String debtorId;
        try {
            Object answered = api.sendAsNoOne(HttpMethod.POST, LedgerApi.Side.QUERY, SIGN_IN, body).get("debtorId");
            if (!(answered instanceof String id) || id.isBlank()) {
                throw new AuthenticationServiceException("the sign-in answered no debtor");
            }
            debtorId = id;
        } catch (Refusal refusal) {
            throw failure(refusal);
        } catch (RuntimeException unreachable) {
            if (unreachable instanceof AuthenticationException known) {
                throw known;
            }
            throw new AuthenticationServiceException("the sign-in could not be checked", unreachable);
        }
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(debtorId,
                null, List.of(new SimpleGrantedAuthority(Role.DEBTOR.authority()),
                        new SimpleGrantedAuthority(Caller.DEBTOR_PREFIX + debtorId)));
        signedIn.setDetails(attempt.getDetails());
        return signedIn;
    }

    static AuthenticationException failure(Refusal refusal) {
        if (refusal.status() == 429) {
            return new MustWait(Math.max(1, refusal.retryAfterSeconds()));
        }
        if (refusal.status() == 401 && "access-code-expired".equals(refusal.kind())) {
            return new CredentialsExpiredException("the access code has expired");
        }
        if (refusal.status() == 401 || refusal.status() == 400) {
            return new BadCredentialsException("the reference and the access code do not match");
        }
        return new AuthenticationServiceException("the sign-in answered " + refusal.status());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
