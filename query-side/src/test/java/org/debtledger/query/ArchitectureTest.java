package org.debtledger.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandHandler;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTest {

    private final JavaClasses querySide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.debtledger.query");

    @Test
    void theQuerySideNeverImportsTheCommandSide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.debtledger.command..").check(querySide);
    }

    @Test
    void theQuerySideHandlesNoCommands() {
        methods().should().notBeAnnotatedWith(CommandHandler.class).check(querySide);
        noClasses().should().dependOnClassesThat().haveSimpleNameEndingWith("CommandGateway").check(querySide);
    }

    /** Axon's own tables, which only the projection machinery reads beside Axon. */
    private static final List<String> AXON_TABLES = List.of("domainevententry", "snapshotevententry", "tokenentry",
            "deadletterentry", "sagaentry", "associationvalueentry");

    /** ArchUnit does not see SQL in strings, so the sources are read. */
    @Test
    void onlyTheProjectionMachineryNamesAxonsTables() throws IOException {
        Path sources = Path.of("src/main/java");
        Path machinery = sources.resolve("org/debtledger/query/projection");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> outside = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(machinery))
                    .filter(ArchitectureTest::namesAnAxonTable)
                    .map(file -> sources.relativize(file).toString())
                    .toList();
            assertThat(outside).as("files outside query.projection naming Axon's tables").isEmpty();
        }
    }

    private static boolean namesAnAxonTable(Path file) {
        try {
            String text = Files.readString(file).toLowerCase(Locale.ROOT);
            return AXON_TABLES.stream().anyMatch(text::contains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
