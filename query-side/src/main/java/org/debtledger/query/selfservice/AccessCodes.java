package org.debtledger.query.selfservice;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The one-time access codes a debtor signs in to self-service with, beside the reference printed on their letter.
 * A code opens only its own debtor's debts, only for signing in (it is no password to the API), and only until it
 * expires or a newer code is issued. Only a bcrypt hash of it is kept, so the table opens nothing.
 */
@Component
public class AccessCodes {

    /** Letters and digits a person cannot misread on paper: no 0/O, no 1/I/L. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    /** Twelve of them: about 59 bits, against a few guesses a quarter of an hour. */
    static final int LENGTH = 12;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration validFor;
    private final BCryptPasswordEncoder hashes = new BCryptPasswordEncoder(10);
    private final SecureRandom random = new SecureRandom();
    /** Compared against when a reference has no current code, so that the answer takes as long either way. */
    private final String noCode = hashes.encode("no code");

    AccessCodes(JdbcClient jdbc, Clock clock,
                @Value("${ledger.self-service.access-code-valid-for:60d}") Duration validFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.validFor = validFor;
    }

    /** A code as issued: shown once, to be printed; only its hash is kept. */
    public record Issued(String debtorId, String code, Instant expiresAt) {
    }

    /** What a sign-in with a reference and a code comes to. */
    public enum Check { ACCEPTED, EXPIRED, REFUSED }

    /** Issues a new code for {@code debtorId}, retiring every earlier one. */
    @Transactional
    public Issued issue(String debtorId, String issuedBy) {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validFor);
        jdbc.sql("UPDATE ledger_private.debtor_access_code SET retired_at = :now"
                        + " WHERE debtor_id = :debtor AND retired_at IS NULL")
                .param("now", Timestamp.from(now)).param("debtor", debtorId).update();
        jdbc.sql("INSERT INTO ledger_private.debtor_access_code (debtor_id, code_hash, issued_at, issued_by, expires_at)"
                        + " VALUES (:debtor, :hash, :now, :by, :expires)")
                .param("debtor", debtorId).param("hash", hashes.encode(normalized(code.toString())))
                .param("now", Timestamp.from(now)).param("by", issuedBy).param("expires", Timestamp.from(expiresAt))
                .update();
        return new Issued(debtorId, code.toString(), expiresAt);
    }

    /** Whether {@code code} is the current code of {@code debtorId}, and still valid. */
    public Check check(String debtorId, String code) {
        record Current(String hash, Instant expiresAt) {
        }
        List<Current> current = jdbc.sql("SELECT code_hash, expires_at FROM ledger_private.debtor_access_code"
                        + " WHERE debtor_id = :debtor AND retired_at IS NULL")
                .param("debtor", debtorId)
                .query((row, n) -> new Current(row.getString(1), row.getTimestamp(2).toInstant()))
                .list();
        String typed = normalized(code);
        if (current.isEmpty()) {
            hashes.matches(typed, noCode);
        }
        for (Current candidate : current) {
            if (hashes.matches(typed, candidate.hash())) {
                return candidate.expiresAt().isAfter(clock.instant()) ? Check.ACCEPTED : Check.EXPIRED;
            }
        }
        return Check.REFUSED;
    }

    /** A code as typed, without the spaces and dashes a person may add, in capitals. */
    static String normalized(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
