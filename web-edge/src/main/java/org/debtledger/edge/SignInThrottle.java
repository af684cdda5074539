package org.debtledger.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Slows down guessing local users' passwords. Each failed sign-in is counted against the user's name and against
 * the caller's address; past a few free failures, every further sign-in for that name or from that address waits
 * twice as long as the one before (from a second up to a quarter of an hour), answered 429 with
 * {@code Retry-After} without the password being checked. A successful sign-in clears its user's count; counts
 * are forgotten a quarter of an hour after their last failure.
 */
public final class SignInThrottle {

    static final int FREE_FAILURES_PER_USER = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 50;
    private static final long FORGOTTEN_AFTER_NANOS = 15L * 60 * 1_000_000_000;
    private static final long LONGEST_WAIT_NANOS = FORGOTTEN_AFTER_NANOS;
    /** Addresses are many; past this many counts, those forgotten are dropped, then the oldest. */
    private static final int MOST_COUNTED = 100_000;

    private record Failures(int count, long lastNanos) {

        /** Nanoseconds until another sign-in may be tried, or 0 if now. */
        long waitNanos(int free, long now) {
            if (count <= free) {
                return 0;
            }
            int doublings = Math.min(count - free - 1, 30);
            long wait = Math.min(1_000_000_000L << doublings, LONGEST_WAIT_NANOS);
            return Math.max(0, lastNanos + wait - now);
        }

        boolean forgotten(long now) {
            return now - lastNanos > FORGOTTEN_AFTER_NANOS;
        }
    }

    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    /** What a sign-in that must wait is answered, given the seconds to wait. */
    @FunctionalInterface
    interface Refusal {
        void answer(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException;
    }

    /** The filter that answers 429 while the name or the address must wait; it goes before HTTP Basic's. */
    OncePerRequestFilter filter() {
        return filter(request -> basicUser(request.getHeader(HttpHeaders.AUTHORIZATION)),
                (request, response, seconds) -> {
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    LedgerSecurity.problem(request, response, Problems.TOO_MANY_FAILED_SIGN_INS,
                            "too many sign-ins failed for this user or from this address; try again in " + seconds
                                    + " s");
                });
    }

    /**
     * The filter for a sign-in form posted to {@code path}: while the name or the address must wait, the form is
     * shown again saying how long, without the password being checked.
     */
    public OncePerRequestFilter formFilter(String path) {
        return filter(request -> "POST".equals(request.getMethod()) && path.equals(request.getServletPath())
                        ? request.getParameter("username") : null,
                (request, response, seconds) -> response.sendRedirect(request.getContextPath() + path + "?wait="
                        + seconds));
    }

    private OncePerRequestFilter filter(Function<HttpServletRequest, String> userOf,
                                        Refusal refusal) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String user = userOf.apply(request);
                long wait = user == null ? 0 : waitNanos(user, request.getRemoteAddr(), System.nanoTime());
                if (wait > 0) {
                    refusal.answer(request, response, Math.max(1, (wait + 999_999_999) / 1_000_000_000));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /**
     * Seconds until {@code user} may try again from {@code address} (null: counted by user only), or 0 if now: for a sign-in checked by an
     * endpoint rather than by a filter, which then reports each outcome with {@link #failed} or {@link #succeeded}.
     */
    public long secondsToWait(String user, String address) {
        long wait = waitNanos(user, address, System.nanoTime());
        return wait == 0 ? 0 : Math.max(1, (wait + 999_999_999) / 1_000_000_000);
    }

    public void failed(String user, String address) {
        failed(user, address, System.nanoTime());
    }

    long waitNanos(String user, String address, long now) {
        Failures forUser = byUser.get(user);
        Failures fromAddress = address == null ? null : byAddress.get(address);
        return Math.max(forUser == null ? 0 : forUser.waitNanos(FREE_FAILURES_PER_USER, now),
                fromAddress == null ? 0 : fromAddress.waitNanos(FREE_FAILURES_PER_ADDRESS, now));
    }

    void failed(String user, String address, long now) {
        count(byUser, user, now);
        if (address != null) {
            count(byAddress, address, now);
        }
    }

    public void succeeded(String user) {
        byUser.remove(user);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress() : null;
            failed(attempt.getName(), address, System.nanoTime());
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
            succeeded(signedIn.getName());
        }
    }

    private static void count(Map<String, Failures> counts, String key, long now) {
        if (counts.size() >= MOST_COUNTED && !counts.containsKey(key)) {
            counts.values().removeIf(failures -> failures.forgotten(now));
            if (counts.size() >= MOST_COUNTED) {
                counts.entrySet().stream().min(Comparator.comparingLong(entry -> entry.getValue().lastNanos()))
                        .ifPresent(oldest -> counts.remove(oldest.getKey()));
            }
        }
        counts.compute(key, (ignored, before) -> before == null || before.forgotten(now)
                ? new Failures(1, now) : new Failures(before.count() + 1, now));
    }

    /** The user name of an HTTP Basic header, or null when there is none or it cannot be read. */
    static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
