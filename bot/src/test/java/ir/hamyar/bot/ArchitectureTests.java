package ir.hamyar.bot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ir.hamyar");

    @Test
    void onlyTheTelegramAdapterTouchesTheTelegramLibrary() {
        noClasses().that().resideOutsideOfPackage("ir.hamyar.bot.telegram..")
                .should().dependOnClassesThat().resideInAnyPackage("org.telegram..")
                .check(main);
    }

    @Test
    void domainNeverDependsOnTheBot() {
        noClasses().that().resideInAPackage("ir.hamyar.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("ir.hamyar.bot..", "ir.hamyar.messages..")
                .check(main);
    }
}
