package org.debtledger.portal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word of the portal is there in Finnish, Swedish and English, none of them empty or left in another language. */
class MessagesCompleteTest {

    private static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)");

    private static Properties messages(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream file = MessagesCompleteTest.class.getResourceAsStream(
                "/portal/messages_" + language + ".properties")) {
            assertThat(file).as("portal/messages_" + language + ".properties").isNotNull();
            messages.load(new InputStreamReader(file, StandardCharsets.UTF_8));
        }
        return messages;
    }

    @Test
    void everyKeyIsInEveryLanguageAndNoneIsEmpty() throws IOException {
        Map<String, Properties> all = new TreeMap<>();
        Set<String> keys = new TreeSet<>();
        for (String language : LANGUAGES) {
            all.put(language, messages(language));
            all.get(language).stringPropertyNames().forEach(keys::add);
        }
        for (String language : LANGUAGES) {
            Properties messages = all.get(language);
            assertThat(new TreeSet<>(messages.stringPropertyNames())).as("the keys of " + language)
                    .containsExactlyElementsOf(keys);
            for (String key : keys) {
                assertThat(messages.getProperty(key)).as(key + " in " + language).isNotBlank();
            }
        }
    }

    @Test
    void eachLanguageTakesTheSameArguments() throws IOException {
        Properties english = messages("en");
        for (String language : Set.of("fi", "sv")) {
            Properties other = messages(language);
            for (String key : english.stringPropertyNames()) {
                assertThat(arguments(other.getProperty(key))).as(key + " in " + language)
                        .isEqualTo(arguments(english.getProperty(key)));
            }
        }
    }

    @Test
    void finnishAndSwedishAreWrittenInTheirOwnLetters() throws IOException {
        assertThat(String.join(" ", messages("fi").values().stream().map(Object::toString).toList()))
                .contains("ä").contains("ö").contains("Kirjaudu");
        assertThat(String.join(" ", messages("sv").values().stream().map(Object::toString).toList()))
                .contains("å").contains("ä").contains("Logga in");
    }

    @Test
    void everyKeyTheTemplatesNameIsThere() throws IOException {
        Properties english = messages("en");
        Pattern named = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
        for (String template : new String[]{"layout", "sign-in", "debts", "debt", "statement", "plan", "more-time",
            "pause", "dispute", "call-back", "problem"}) {
            try (InputStream file = getClass().getResourceAsStream("/templates/portal/" + template + ".html")) {
                assertThat(file).as(template).isNotNull();
                Matcher keys = named.matcher(new String(file.readAllBytes(), StandardCharsets.UTF_8));
                while (keys.find()) {
                    assertThat(english.getProperty(keys.group(1))).as(keys.group(1) + " named in " + template)
                            .isNotNull();
                }
            }
        }
    }

    private static Set<String> arguments(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
