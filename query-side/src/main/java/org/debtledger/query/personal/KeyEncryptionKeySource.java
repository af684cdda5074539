package org.debtledger.query.personal;

import org.debtledger.edge.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Where the KEK comes from: {@code LEDGER_KEY_ENCRYPTION_KEY} (32 bytes in base64), or else a file holding them that
 * only its owner may read, made at the first start where that is allowed (the standalone ledger). Never the database.
 */
final class KeyEncryptionKeySource {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeySource.class);
    static final String HOW_TO_SET = "set LEDGER_KEY_ENCRYPTION_KEY to 32 random bytes in base64"
            + " (openssl rand -base64 32), or ledger.security.key-encryption-key.file (LEDGER_KEY_ENCRYPTION_KEY_FILE)"
            + " to a file holding them that only its owner may read";

    private KeyEncryptionKeySource() {
    }

    /** The KEK from {@code base64} if given, else from {@code file} (null: none), made there if {@code generate}. */
    static byte[] load(String base64, Path file, boolean generate) {
        try {
            if (base64 != null && !base64.isBlank()) {
                return SecretFile.decode(base64, LocalKeyEncryptionKey.BYTES, "LEDGER_KEY_ENCRYPTION_KEY", HOW_TO_SET);
            }
            if (file == null) {
                throw new KeyEncryptionKeyUnusable("no key-encryption key is configured: it wraps every debtor's key"
                        + " and is never kept in the database", HOW_TO_SET);
            }
            SecretFile.Read read = SecretFile.read(file, LocalKeyEncryptionKey.BYTES, generate, "key-encryption key",
                    HOW_TO_SET);
            if (read.made()) {
                log.info("generated a key-encryption key ({}) in {}: keep it apart from the database's backups;"
                        + " without it the personal data cannot be read", new LocalKeyEncryptionKey(read.secret()).id(),
                        file);
            }
            return read.secret();
        } catch (SecretFile.Unusable e) {
            throw new KeyEncryptionKeyUnusable(e.getMessage(), e.action());
        }
    }
}
