package org.debtledger.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandHandler;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
