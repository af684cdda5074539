package org.debtledger.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses commandSide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.debtledger.command");

    @Test
    void theCommandSideNeverImportsTheQuerySide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.debtledger.query..").check(commandSide);
    }

    @Test
    void aggregatesReadNoClockAndMakeNoRandomness() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .orShould().dependOnClassesThat().areAssignableTo(Random.class)
                .check(commandSide);
    }

    @Test
    void theDomainPackagesDoNotReachForTheDatabaseOrTheWeb() {
        noClasses().that().resideInAnyPackage("org.debtledger.command.debt", "org.debtledger.command.plan",
                        "org.debtledger.command.fee", "org.debtledger.command.policy", "org.debtledger.command.pause",
                        "org.debtledger.command.payment", "org.debtledger.command.dispute",
                        "org.debtledger.command.interest", "org.debtledger.command.limitation")
                .and().haveSimpleNameNotEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                        "org.springframework.jdbc..", "org.springframework.web..", "jakarta.servlet..")
                .check(commandSide);
    }
}
