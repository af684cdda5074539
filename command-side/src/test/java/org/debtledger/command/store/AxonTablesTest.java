package org.debtledger.command.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** SQL on Axon's own tables is written in one package, so that a change to Axon's schema is looked for there. */
class AxonTablesTest {

    private static final Pattern AXON_TABLES = Pattern.compile(
            "(?i)\\b(domainevententry|snapshotevententry|tokenentry|deadletterentry|sagaentry|associationvalueentry)\\b");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path STORE = SOURCES.resolve("org/debtledger/command/store");

    @Test
    void onlyTheStorePackageNamesAxonsTables() throws IOException {
        assertThat(namingAxonTables(STORE)).as("the store package reads Axon's tables").isNotEmpty();
        assertThat(namingAxonTables(SOURCES).stream().filter(file -> !file.startsWith(STORE)))
                .as("classes outside %s that name Axon's tables", STORE).isEmpty();
    }

    private static List<Path> namingAxonTables(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> AXON_TABLES.matcher(read(file)).find())
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
