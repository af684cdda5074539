package org.debtledger.standalone.database;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Every connection to the embedded database needs the password. zonky's initdb trusts every local connection
 * ({@code -A trust}), and it has no way to give initdb a password; so before each start, with the server down, the
 * password is set in single-user mode and {@code pg_hba.conf} is written to ask it of everyone.
 */
final class PasswordAuthentication {

    static final String HBA = """
            # Written by the ledger at each start: every connection needs the password, replication too.
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;
    private static final Pattern TRUST = Pattern.compile("(?m)^[^#\\n]*\\btrust\\b");

    private PasswordAuthentication() {
    }

    /**
     * Sets the superuser's password and makes every connection ask for it.
     *
     * @return whether the directory trusted connections before (made by zonky's initdb, now or before this check)
     */
    static boolean require(Path dataDirectory, DatabasePassword password, PostgresBinaries binaries) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        boolean trusted = TRUST.matcher(Files.readString(hba, StandardCharsets.UTF_8)).find();
        setPassword(dataDirectory, password, binaries);
        Files.writeString(hba, HBA, StandardCharsets.UTF_8);
        return trusted;
    }

    /** At every start, so that the file or the variable holds the password, whatever was set before. */
    private static void setPassword(Path dataDirectory, DatabasePassword password, PostgresBinaries binaries)
            throws IOException {
        Process postgres = new ProcessBuilder(binaries.command("postgres", "--single", "-D", dataDirectory.toString(),
                "-c", "password_encryption=scram-sha-256", "-c", "exit_on_error=on", "postgres"))
                .redirectErrorStream(true).start();
        try (OutputStream statement = postgres.getOutputStream()) {
            statement.write(("ALTER ROLE postgres PASSWORD '" + password.value().replace("'", "''") + "';\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        postgres.getInputStream().transferTo(output);
        try {
            if (!postgres.waitFor(2, TimeUnit.MINUTES)) {
                postgres.destroyForcibly();
                throw new IllegalStateException("setting the embedded database's password took too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String said = output.toString(StandardCharsets.UTF_8).replace(password.value(), "***");
        if (postgres.exitValue() != 0 || said.contains("ERROR:") || said.contains("FATAL:")) {
            throw new IllegalStateException("could not set the embedded database's password in "
                    + dataDirectory + ": " + said.strip());
        }
    }
}
