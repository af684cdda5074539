package org.debtledger.edge;

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
 * A secret of a fixed number of random bytes kept in base64 in a file only its owner may read, made at the first
 * start where that is allowed. A file others may read is refused rather than used.
 */
public final class SecretFile {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** Why a secret cannot be used, and what to do about it. */
    public static class Unusable extends RuntimeException {

        private final String action;

        public Unusable(String problem, String action) {
            super(problem);
            this.action = action;
        }

        public String action() {
            return action;
        }
    }

    private SecretFile() {
    }

    /** {@code base64} decoded, checked to be {@code bytes} long; {@code source} names it in a refusal. */
    public static byte[] decode(String base64, int bytes, String source, String howToSet) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new Unusable(source + " is not base64", howToSet);
        }
        if (secret.length != bytes) {
            throw new Unusable(source + " holds " + secret.length + " bytes, not " + bytes, howToSet);
        }
        return secret;
    }

    /**
     * The secret in {@code file}, {@code bytes} long; when the file does not exist it is made with new random bytes
     * if {@code generate}, else refused. {@code what} names the secret in a refusal.
     *
     * @return the secret, and whether this call made it
     */
    public static Read read(Path file, int bytes, boolean generate, String what, String howToSet) {
        boolean made = false;
        if (!Files.exists(file)) {
            if (!generate) {
                throw new Unusable("the " + what + " file " + file + " does not exist", howToSet);
            }
            made = make(file, bytes, what);
        }
        refuseIfOthersMayRead(file, what);
        try {
            return new Read(decode(Files.readString(file, StandardCharsets.US_ASCII), bytes,
                    "the " + what + " file " + file, howToSet), made);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " file " + file, e);
        }
    }

    public record Read(byte[] secret, boolean made) {
    }

    private static void refuseIfOthersMayRead(Path file, String what) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return; // the file system decides
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + file, e);
        }
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new Unusable("the " + what + " file " + file + " is open to others ("
                    + PosixFilePermissions.toString(permissions) + ")", "make it its owner's only: chmod 600 " + file);
        }
    }

    /** Random bytes written to a file its owner alone may read; false if another process made it first. */
    private static boolean make(Path file, int bytes, String what) {
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the file system decides
                }
                Files.writeString(temporary, Base64.getEncoder().encodeToString(secret) + "\n",
                        StandardCharsets.US_ASCII);
                Files.move(temporary, file);
                return true;
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                return false; // its secret is the one to use
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + what + " file " + file, e);
        }
    }
}
