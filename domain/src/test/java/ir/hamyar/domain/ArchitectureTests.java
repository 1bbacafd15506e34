package ir.hamyar.domain;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

    @Test
    void domainKnowsNoMessengerAndNoTexts() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ir.hamyar.domain");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.telegram..", "ir.hamyar.bot..", "ir.hamyar.messages..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
