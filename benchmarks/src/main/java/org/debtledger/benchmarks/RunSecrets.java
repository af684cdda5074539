package org.debtledger.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** The passwords and keys made for one run: the ledger takes no caller without them. */
final class RunSecrets {

    /** Every local user's password in this run. */
    static final String PASSWORD = UUID.randomUUID().toString();
    static final String ADVISOR = basic("advisor");
    static final String OPERATOR = basic("operator");
    static final String INTEGRATION = basic("integration");

    private RunSecrets() {
    }

    /** 32 random bytes in base64: a key-encryption key (the query side starts only with one), or a token key. */
    static String randomKey() {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        return Base64.getEncoder().encodeToString(kek);
    }

    /** The Authorization header of a local user. */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
