package org.debtledger.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The standalone ledger's own users, one role each, so it can be used at once without an identity provider.
 * A user's password comes from {@code LEDGER_PASSWORD_<NAME>} ({@code ledger.password.<name>}); without one,
 * a password is generated at the first start, printed once, and only a salted, slow hash of it is kept in the store
 * file ({@link LocalPasswords}).
 * The repository holds no password.
 */
public final class LocalUsers {

    private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,31}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A local user; a CREDITOR names the creditor whose data it may see. */
    public record Account(String name, Role role, String creditorId) {

        public Account {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a local user's name is 1 to 32 lower-case letters and digits: " + name);
            }
            if (role == null) {
                throw new IllegalArgumentException("local user " + name + " has no role");
            }
            if ((role == Role.CREDITOR) != (creditorId != null && !creditorId.isBlank())) {
                throw new IllegalArgumentException("local user " + name + ": a creditor-id is given for role CREDITOR only, and always");
            }
        }
    }

    private LocalUsers() {
    }

    /**
     * The users of {@code accounts}; digests of generated passwords are kept in {@code store}, and each new
     * password is printed on {@code out}, once.
     */
    public static InMemoryUserDetailsManager load(List<Account> accounts, Path store, Environment environment,
                                                  PrintStream out) {
        Map<String, String> stored = read(store);
        Map<String, String> kept = new LinkedHashMap<>();
        int upgraded = 0;
        for (Map.Entry<String, String> entry : stored.entrySet()) {
            upgraded += LocalPasswords.isLegacy(entry.getValue()) ? 1 : 0;
            kept.put(entry.getKey(), LocalPasswords.upgraded(entry.getValue()));
        }
        if (upgraded > 0) {
            log.info("local users: {} password digest(s) kept unsalted by an earlier version are now kept as a salted,"
                    + " slow hash of the digest", upgraded);
        }
        PasswordEncoder encoder = LocalPasswords.encoder();
        List<UserDetails> users = new ArrayList<>();
        for (Account account : accounts) {
            String given = environment.getProperty("ledger.password." + account.name());
            String digest;
            if (given != null && !given.isEmpty()) {
                digest = encoder.encode(given);
                kept.remove(account.name()); // a generated password it replaces stops working
            } else if (kept.containsKey(account.name())) {
                digest = kept.get(account.name());
            } else {
                String generated = generatePassword();
                digest = encoder.encode(generated);
                kept.put(account.name(), digest);
                out.printf("Local user '%s' (%s): generated password %s%n  It is shown this once; set LEDGER_PASSWORD_%s to choose one.%n",
                        account.name(), account.role(), generated, account.name().toUpperCase(java.util.Locale.ROOT));
            }
            users.add(user(account, digest));
        }
        if (!kept.equals(stored)) {
            write(store, kept);
        }
        return new InMemoryUserDetailsManager(users);
    }

    public static PasswordEncoder passwordEncoder() {
        return LocalPasswords.encoder();
    }

    private static UserDetails user(Account account, String digest) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(account.role().authority()));
        if (account.creditorId() != null) {
            authorities.add(new SimpleGrantedAuthority(Caller.CREDITOR_PREFIX + account.creditorId()));
        }
        return User.withUsername(account.name()).password(digest).authorities(authorities).build();
    }

    private static String generatePassword() {
        byte[] secret = new byte[18]; // 144 bits
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static Map<String, String> read(Path store) {
        Map<String, String> digests = new LinkedHashMap<>();
        if (!Files.exists(store)) {
            return digests;
        }
        try {
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2) {
                    digests.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local users' store " + store, e);
        }
        return digests;
    }

    private static void write(Path store, Map<String, String> digests) {
        StringBuilder text = new StringBuilder("# name and salted slow hash of the generated password; delete a line to generate"
                + " a new one\n");
        digests.forEach((name, digest) -> text.append(name).append(' ').append(digest).append('\n'));
        try {
            Path directory = store.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "local-users", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system decides
            }
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local users' store " + store, e);
        }
    }
}
