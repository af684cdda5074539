package org.debtledger.edge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalUsersTest {

    private static final Pattern GENERATED = Pattern.compile("Local user 'advisor' \\(ADVISOR\\): generated password (\\S+)");
    private static final List<LocalUsers.Account> ACCOUNTS = List.of(
            new LocalUsers.Account("advisor", Role.ADVISOR, null),
            new LocalUsers.Account("acme", Role.CREDITOR, "acme-telecom"));

    @TempDir
    Path directory;

    private final PasswordEncoder encoder = LocalUsers.passwordEncoder();

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    @Test
    void aPasswordNotGivenIsGeneratedPrintedOnceAndOnlyItsDigestKept() throws Exception {
        Path store = directory.resolve("local-users");
        StandardEnvironment environment = environment(Map.of("ledger.password.acme", "chosen-by-the-operator"));

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        InMemoryUserDetailsManager users = LocalUsers.load(ACCOUNTS, store, environment,
                new PrintStream(first, true, StandardCharsets.UTF_8));
        Matcher printed = GENERATED.matcher(first.toString(StandardCharsets.UTF_8));
        assertThat(printed.find()).as(first.toString(StandardCharsets.UTF_8)).isTrue();
        String generated = printed.group(1);
        assertThat(generated).hasSizeGreaterThanOrEqualTo(24);
        assertThat(first.toString(StandardCharsets.UTF_8)).doesNotContain("'acme'");

        UserDetails advisor = users.loadUserByUsername("advisor");
        assertThat(encoder.matches(generated, advisor.getPassword())).isTrue();
        assertThat(encoder.matches("guess", advisor.getPassword())).isFalse();
        UserDetails acme = users.loadUserByUsername("acme");
        assertThat(encoder.matches("chosen-by-the-operator", acme.getPassword())).isTrue();
        assertThat(acme.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_CREDITOR", "creditor:acme-telecom");

        String kept = Files.readString(store);
        assertThat(kept).doesNotContain(generated).doesNotContain("chosen-by-the-operator").contains("advisor ")
                .doesNotContain("acme ");

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        InMemoryUserDetailsManager again = LocalUsers.load(ACCOUNTS, store, environment,
                new PrintStream(second, true, StandardCharsets.UTF_8));
        assertThat(second.toString(StandardCharsets.UTF_8)).as("printed once only").isEmpty();
        assertThat(encoder.matches(generated, again.loadUserByUsername("advisor").getPassword())).isTrue();
    }

    @Test
    void aPasswordFromTheEnvironmentWinsOverAGeneratedOne() {
        Path store = directory.resolve("local-users");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        LocalUsers.load(ACCOUNTS, store, environment(Map.of("ledger.password.acme", "x".repeat(20))),
                new PrintStream(first, true, StandardCharsets.UTF_8));
        Matcher printed = GENERATED.matcher(first.toString(StandardCharsets.UTF_8));
        assertThat(printed.find()).isTrue();
        InMemoryUserDetailsManager users = LocalUsers.load(ACCOUNTS, store,
                environment(Map.of("ledger.password.advisor", "from-the-environment", "ledger.password.acme", "y")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(encoder.matches("from-the-environment", users.loadUserByUsername("advisor").getPassword())).isTrue();
        assertThat(encoder.matches(printed.group(1), users.loadUserByUsername("advisor").getPassword())).isFalse();

        // and once the environment no longer gives one, a new password is generated: the old one is gone for good
        ByteArrayOutputStream third = new ByteArrayOutputStream();
        InMemoryUserDetailsManager later = LocalUsers.load(ACCOUNTS, store, environment(Map.of("ledger.password.acme", "y")),
                new PrintStream(third, true, StandardCharsets.UTF_8));
        assertThat(third.toString(StandardCharsets.UTF_8)).contains("'advisor'");
        assertThat(encoder.matches(printed.group(1), later.loadUserByUsername("advisor").getPassword())).isFalse();
    }

    @Test
    void aLocalUserIsNamedPlainlyAndACreditorNamesItsCreditor() {
        assertThatThrownBy(() -> new LocalUsers.Account("Advisor One", Role.ADVISOR, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalUsers.Account("acme", Role.CREDITOR, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalUsers.Account("advisor", Role.ADVISOR, "acme-telecom"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoreOfUnsaltedDigestsIsUpgradedToASaltedSlowHashAtStart() throws Exception {
        Path store = directory.resolve("local-users");
        String digest = LocalPasswords.sha256("an-old-generated-password");
        Files.writeString(store, "# kept by an earlier version\nadvisor " + digest + "\nacme " + digest + "\n");

        InMemoryUserDetailsManager users = LocalUsers.load(ACCOUNTS, store, environment(Map.of()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        String kept = Files.readString(store);
        assertThat(kept).doesNotContain(digest).contains("advisor {sha256-bcrypt}$2a$10$").contains("acme {sha256-bcrypt}$2a$10$");
        String advisor = users.loadUserByUsername("advisor").getPassword();
        String acme = users.loadUserByUsername("acme").getPassword();
        assertThat(advisor).as("salted: the same password is kept differently").isNotEqualTo(acme);
        assertThat(encoder.matches("an-old-generated-password", advisor)).isTrue();
        assertThat(encoder.matches("an-old-generated-password", acme)).isTrue();
        assertThat(encoder.matches(digest, advisor)).as("the old digest is no password").isFalse();
    }

    @Test
    void theSlowHashIsPaidOncePerPasswordNotOncePerRequestAndWrongGuessesAlwaysPayIt() {
        int[] slowChecks = {0};
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return "hash-of-" + rawPassword;
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                slowChecks[0]++;
                return encodedPassword.equals("hash-of-" + rawPassword);
            }
        };
        PasswordEncoder remembering = new LocalPasswords.RememberedMatches(slow);
        for (int i = 0; i < 100; i++) {
            assertThat(remembering.matches("right", "hash-of-right")).isTrue();
        }
        assertThat(slowChecks[0]).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThat(remembering.matches("wrong", "hash-of-right")).isFalse();
        }
        assertThat(slowChecks[0]).isEqualTo(4);
        assertThat(remembering.matches("right", "hash-of-another")).as("remembered per stored hash").isFalse();
    }
}
