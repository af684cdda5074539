package org.debtledger.standalone.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded database's password: the one the operator gives ({@code LEDGER_EMBEDDED_DB_PASSWORD}), which is never
 * written down, or else the one kept in a file beside the data directory that only its owner may read, generated
 * at the first start.
 */
record DatabasePassword(String value, String source) {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    DatabasePassword {
        // it goes into a statement of one line (single-user mode reads one statement a line)
        if (value.isEmpty() || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the embedded database's password is empty or holds a control character");
        }
    }

    /** The file a data directory's password is kept in: {@code data/postgres} keeps it in {@code data/postgres-password}. */
    static Path fileFor(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + "-password");
    }

    static DatabasePassword of(String given, Path file) throws IOException {
        if (given != null && !given.isEmpty()) {
            return new DatabasePassword(given, "LEDGER_EMBEDDED_DB_PASSWORD");
        }
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            // created readable by its owner only, so it is never readable by others, not even for a moment
            try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
                channel.write(ByteBuffer.wrap((generated + "\n").getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return new DatabasePassword(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
    }

    @Override
    public String toString() {
        return "the password from " + source;
    }
}
