package org.debtledger.edge;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How local users' passwords are kept and checked: a salted, slow hash (bcrypt of the password's SHA-256, marked
 * {@code {sha256-bcrypt}}), so a stolen store does not give the passwords away; and, since HTTP Basic sends the
 * password with every request, a short memory of credentials already verified, so the slow hash is paid once per
 * user and password rather than once per request.
 */
final class LocalPasswords {

    static final String ID = "sha256-bcrypt";
    private static final Pattern LEGACY_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private LocalPasswords() {
    }

    /** The encoder of the stored hashes, remembering what it verified. */
    static PasswordEncoder encoder() {
        DelegatingPasswordEncoder hashes = new DelegatingPasswordEncoder(ID, Map.of(ID, new Sha256Bcrypt()));
        return new RememberedMatches(hashes);
    }

    /** A digest kept by earlier versions (the bare SHA-256 of the password, unsalted), as the slow hash of it. */
    static String upgraded(String kept) {
        return LEGACY_SHA256.matcher(kept).matches() ? "{" + ID + "}" + Sha256Bcrypt.BCRYPT.encode(kept) : kept;
    }

    static boolean isLegacy(String kept) {
        return LEGACY_SHA256.matcher(kept).matches();
    }

    static String sha256(CharSequence password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * bcrypt over the password's SHA-256: the digest first lets the unsalted SHA-256 digests earlier versions kept
     * be upgraded in place at start-up, without the passwords, and keeps bcrypt's 72-byte limit out of the way.
     */
    static final class Sha256Bcrypt implements PasswordEncoder {

        static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(10);

        @Override
        public String encode(CharSequence rawPassword) {
            return BCRYPT.encode(sha256(rawPassword));
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return rawPassword != null && encodedPassword != null && BCRYPT.matches(sha256(rawPassword), encodedPassword);
        }
    }

    /**
     * Remembers, for a few minutes, which password matched which stored hash, keyed by an HMAC under a key made
     * at start and never written down: the memory holds no password, and what it holds is useless outside this
     * process. Only matches are remembered, so a wrong guess always pays the slow hash.
     */
    static final class RememberedMatches implements PasswordEncoder {

        private static final long REMEMBERED_NANOS = 5L * 60 * 1_000_000_000;
        private static final int MOST_REMEMBERED = 10_000;

        private final PasswordEncoder hashes;
        private final byte[] key = new byte[32];
        private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

        RememberedMatches(PasswordEncoder hashes) {
            this.hashes = hashes;
            new SecureRandom().nextBytes(key);
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return hashes.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            if (rawPassword == null || encodedPassword == null) {
                return false;
            }
            String remembered = hmac(encodedPassword + '\n' + rawPassword);
            long now = System.nanoTime();
            Long until = verifiedUntil.get(remembered);
            if (until != null && until - now > 0) {
                return true;
            }
            boolean matches = hashes.matches(rawPassword, encodedPassword);
            if (matches) {
                if (verifiedUntil.size() >= MOST_REMEMBERED) {
                    verifiedUntil.values().removeIf(expiry -> expiry - now <= 0);
                    if (verifiedUntil.size() >= MOST_REMEMBERED) {
                        verifiedUntil.clear();
                    }
                }
                verifiedUntil.put(remembered, now + REMEMBERED_NANOS);
            }
            return matches;
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return hashes.upgradeEncoding(encodedPassword);
        }

        private String hmac(String text) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
