package org.debtledger.edge;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses edge = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.debtledger.edge");

    @Test
    void theEdgeKnowsNeitherSide() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.debtledger.command..",
                        "org.debtledger.query..", "org.debtledger.standalone..")
                .check(edge);
    }

    @Test
    void theEdgeSendsNoMessageAndOpensNoDatabase() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "javax.sql..",
                        "org.springframework.jdbc..", "jakarta.persistence..")
                .check(edge);
    }

    @Test
    void onlyTheOutageCheckKnowsTheDatabaseAndOnlyByItsFailures() {
        noClasses().that().doNotHaveSimpleName("DatabaseOutage")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(edge);
    }
}
