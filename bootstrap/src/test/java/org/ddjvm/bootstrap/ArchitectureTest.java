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
                        "org.bytedeco..", "org.deeplearning4j..", "jakarta..", "javax.persistence..", "tools.jackson..",
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
                        "ai.djl..", "org.nd4j..", "org.bytedeco..", "org.deeplearning4j..")
                .because("nothing above the adapters names a backend")
                .check(classes);
    }

    @Test
    void djlAdapterDoesNotCallOtherAdapters() {
        noClasses().that().resideInAPackage("org.ddjvm.adapters.djl..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ddjvm.adapters.datasets..",
                        "org.ddjvm.adapters.dl4j..", "org.ddjvm.application..", "org.ddjvm.bootstrap..", "org.nd4j..",
                        "org.bytedeco..")
                .allowEmptyShould(true)
                .because("a build without DJL (-Ddd.without.djl) has no such classes; with them, the rule holds")
                .check(classes);
    }

    @Test
    void dl4jAdapterDoesNotCallOtherAdapters() {
        noClasses().that().resideInAPackage("org.ddjvm.adapters.dl4j..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ddjvm.adapters.datasets..",
                        "org.ddjvm.adapters.djl..", "org.ddjvm.application..", "org.ddjvm.bootstrap..", "ai.djl..",
                        "org.springframework..")
                .allowEmptyShould(true)
                .because("a build without ND4J (-Ddd.without.dl4j) has no such classes; with them, the rule holds")
                .check(classes);
    }

    @Test
    void datasetsAdapterDoesNotCallOtherAdapters() {
        noClasses().that().resideInAPackage("org.ddjvm.adapters.datasets..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ddjvm.adapters.djl..",
                        "org.ddjvm.adapters.dl4j..", "org.ddjvm.application..", "org.ddjvm.bootstrap..", "ai.djl..",
                        "org.nd4j..", "org.bytedeco..", "org.springframework..")
                .check(classes);
    }

    @Test
    void persistenceAdapterDoesNotCallOtherAdapters() {
        noClasses().that().resideInAPackage("org.ddjvm.adapters.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ddjvm.adapters.djl..",
                        "org.ddjvm.adapters.dl4j..", "org.ddjvm.adapters.datasets..", "org.ddjvm.adapters.web..",
                        "org.ddjvm.bootstrap..", "ai.djl..", "org.nd4j..", "org.bytedeco..")
                .because("the persistence adapter implements the application's ports and nothing else")
                .check(classes);
    }

    @Test
    void webAdapterDoesNotCallOtherAdapters() {
        noClasses().that().resideInAPackage("org.ddjvm.adapters.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ddjvm.adapters.djl..",
                        "org.ddjvm.adapters.dl4j..", "org.ddjvm.adapters.datasets..",
                        "org.ddjvm.adapters.persistence..", "org.ddjvm.bootstrap..", "ai.djl..", "org.nd4j..",
                        "org.bytedeco..", "java.sql..", "org.springframework.jdbc..")
                .because("the web talks to the application's use cases, never to storage or a backend")
                .check(classes);
    }

    @Test
    void onlyTheJobPackageOfTheApplicationUsesSpring() {
        noClasses().that().resideInAPackage("org.ddjvm.application..")
                .and().resideOutsideOfPackages("org.ddjvm.application.job..", "org.ddjvm.application.queue..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .because("use cases are plain Java; Spring Batch drives the outer loop from application.job only")
                .check(classes);
    }

    @Test
    void theBootstrapFindsBackendsOnlyThroughTheirServiceInterface() {
        noClasses().that().resideInAPackage("org.ddjvm.bootstrap..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ddjvm.adapters.djl..",
                        "org.ddjvm.adapters.dl4j..", "ai.djl..", "org.nd4j..", "org.bytedeco..")
                .because("backends are TensorBackend services, so a build can leave one out")
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
