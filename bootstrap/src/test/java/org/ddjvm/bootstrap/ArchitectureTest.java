package org.ddjvm.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of DESIGN.md §2, held by tests rather than hope. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ddjvm");
    }

    @Test
    void domainImportsNoFrameworkOrBackend() {
        ArchRule rule = noClasses().that().resideInAPackage("org.ddjvm.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "ai.djl..", "org.nd4j..",
                        "org.deeplearning4j..", "jakarta..", "javax.persistence..", "tools.jackson..",
                        "com.fasterxml..", "picocli..")
                .because("the domain owns the method and must stay pure Java");
        rule.check(classes);
    }

    @Test
    void domainDependsOnNothingOutsideIt() {
        noClasses().that().resideInAPackage("org.ddjvm.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ddjvm.application..", "org.ddjvm.adapters..",
                        "org.ddjvm.bootstrap..")
                .check(classes);
    }

    @Test
    void applicationKnowsNoAdapterOrBackend() {
        noClasses().that().resideInAPackage("org.ddjvm.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ddjvm.adapters..", "org.ddjvm.bootstrap..",
                        "ai.djl..", "org.nd4j..", "org.deeplearning4j..")
                .because("nothing above the adapters names a backend")
                .check(classes);
    }

    @Test
    void djlAdapterDoesNotCallOtherAdapters() {
        noClasses().that().resideInAPackage("org.ddjvm.adapters.djl..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ddjvm.adapters.datasets..",
                        "org.ddjvm.application..", "org.ddjvm.bootstrap..")
                .check(classes);
    }

    @Test
    void datasetsAdapterDoesNotCallOtherAdapters() {
        noClasses().that().resideInAPackage("org.ddjvm.adapters.datasets..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ddjvm.adapters.djl..",
                        "org.ddjvm.application..", "org.ddjvm.bootstrap..", "ai.djl..", "org.springframework..")
                .check(classes);
    }

    @Test
    void onlyTheBackendConfigurationNamesABackend() {
        noClasses().that().resideInAPackage("org.ddjvm.bootstrap.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ddjvm.adapters.djl..", "ai.djl..")
                .check(classes);
    }

    @Test
    void namesComeFromTheMethodNotFromPlumbing() {
        noClasses().that().resideInAPackage("org.ddjvm..")
                .should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
                .check(classes);
    }
}
