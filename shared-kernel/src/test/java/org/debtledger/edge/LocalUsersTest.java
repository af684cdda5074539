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
}
