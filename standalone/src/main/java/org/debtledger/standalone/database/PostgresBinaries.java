package org.debtledger.standalone.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * zonky's PostgreSQL binaries, found where zonky unpacks them ({@code <working directory>/PG-<md5 of the archive>}),
 * so the ledger can run {@code postgres} itself: zonky runs initdb and pg_ctl only. The archive's digest is taken
 * as zonky reads it through this resolver; one instance for the JVM, as zonky unpacks once per resolver.
 */
final class PostgresBinaries implements PgBinaryResolver {

    static final PostgresBinaries INSTANCE = new PostgresBinaries();

    private final Path workingDirectory = Path.of(System.getProperty("ot.epg.working-dir",
            Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
    private volatile String archiveDigest;

    private PostgresBinaries() {
    }

    /** Where zonky is to unpack the binaries: its own default, given explicitly so that both sides agree. */
    Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        InputStream archive = new DigestInputStream(
                DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware), md5);
        return new FilterInputStream(archive) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                super.close();
                if (!closed) { // zonky closes it twice; a second digest would be of nothing
                    closed = true;
                    archiveDigest = HexFormat.of().formatHex(md5.digest());
                }
            }
        };
    }

    /** The command line running one of the binaries, as zonky runs them (in a user namespace when root). */
    List<String> command(String program, String... arguments) {
        if (archiveDigest == null) {
            throw new IllegalStateException("the PostgreSQL binaries are not unpacked yet");
        }
        Path binary = workingDirectory.resolve("PG-" + archiveDigest).resolve("bin").resolve(program);
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("no PostgreSQL binary at " + binary);
        }
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(binary.toString());
        command.addAll(List.of(arguments));
        return command;
    }
}
