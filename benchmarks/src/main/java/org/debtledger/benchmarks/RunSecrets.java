package org.debtledger.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** The passwords and the key-encryption key made for one run: the ledger takes no caller without them. */
final class RunSecrets {

    /** Every local user's password in this run. */
    static final String PASSWORD = UUID.randomUUID().toString();
    static final String ADVISOR = basic("advisor");
    static final String OPERATOR = basic("operator");
    static final String INTEGRATION = basic("integration");

    private RunSecrets() {
    }

    /** A key-encryption key: the query side alone starts only with one. */
    static String keyEncryptionKey() {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        return Base64.getEncoder().encodeToString(kek);
    }

    /** The Authorization header of a local user. */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
