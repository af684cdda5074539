package org.debtledger.query.personal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where the KEK comes from: {@code LEDGER_KEY_ENCRYPTION_KEY} (32 bytes in base64), or else a file holding them that
 * only its owner may read, made at the first start where that is allowed (the standalone ledger). Never the database.
 */
final class KeyEncryptionKeySource {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeySource.class);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    static final String HOW_TO_SET = "set LEDGER_KEY_ENCRYPTION_KEY to 32 random bytes in base64"
            + " (openssl rand -base64 32), or ledger.security.key-encryption-key.file (LEDGER_KEY_ENCRYPTION_KEY_FILE)"
            + " to a file holding them that only its owner may read";

    private KeyEncryptionKeySource() {
    }

    /** The KEK from {@code base64} if given, else from {@code file} (null: none), made there if {@code generate}. */
    static byte[] load(String base64, Path file, boolean generate) {
        if (base64 != null && !base64.isBlank()) {
            return decode(base64, "LEDGER_KEY_ENCRYPTION_KEY");
        }
        if (file == null) {
            throw new KeyEncryptionKeyUnusable("no key-encryption key is configured: it wraps every debtor's key and is"
                    + " never kept in the database", HOW_TO_SET);
        }
        if (!Files.exists(file)) {
            if (!generate) {
                throw new KeyEncryptionKeyUnusable("the key-encryption key file " + file + " does not exist", HOW_TO_SET);
            }
            generate(file);
        }
        refuseIfOthersMayRead(file);
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "the key-encryption key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key-encryption key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] kek;
        try {
            kek = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new KeyEncryptionKeyUnusable(source + " is not base64", HOW_TO_SET);
        }
        if (kek.length != LocalKeyEncryptionKey.BYTES) {
            throw new KeyEncryptionKeyUnusable(source + " holds " + kek.length + " bytes, not "
                    + LocalKeyEncryptionKey.BYTES, HOW_TO_SET);
        }
        return kek;
    }

    private static void refuseIfOthersMayRead(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return; // the file system decides
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + file, e);
        }
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new KeyEncryptionKeyUnusable("the key-encryption key file " + file + " is open to others ("
                    + PosixFilePermissions.toString(permissions) + ")", "make it its owner's only: chmod 600 " + file);
        }
    }

    /** 32 bytes from SecureRandom, written to a file its owner alone may read; another process's, if it was first. */
    private static void generate(Path file) {
        byte[] kek = new byte[LocalKeyEncryptionKey.BYTES];
        new SecureRandom().nextBytes(kek);
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "key-encryption-key", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the file system decides
                }
                Files.writeString(temporary, Base64.getEncoder().encodeToString(kek) + "\n", StandardCharsets.US_ASCII);
                Files.move(temporary, file);
                log.info("generated a key-encryption key ({}) in {}: keep it apart from the database's backups;"
                        + " without it the personal data cannot be read", new LocalKeyEncryptionKey(kek).id(), file);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // its key is the one to use
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key-encryption key file " + file, e);
        }
    }
}
