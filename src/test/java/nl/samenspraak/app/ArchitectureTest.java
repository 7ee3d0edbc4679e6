package nl.samenspraak.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout of ARCHITECTURE.md, enforced on the compiled classes: packages form no cycle (each
 * sub-package counts on its own), the ground floor imports no feature, and the computation
 * packages are free of the web, the database and the wiring.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.samenspraak");
    }

    @Test
    void packages_form_no_cycle() {
        slices().matching("nl.samenspraak.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_ground_floor_imports_no_feature() {
        noClasses().that().resideInAnyPackage("nl.samenspraak.http..", "nl.samenspraak.db..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "nl.samenspraak.http..", "nl.samenspraak.db..", "java..", "javax..", "jakarta..",
                        "io.javalin..", "org.eclipse.jetty..", "kotlin..", "org.jdbi..", "org.sqlite..", "org.postgresql..",
                        "com.zaxxer..", "com.fasterxml..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void no_feature_imports_the_package_that_wires_it() {
        noClasses().that().resideOutsideOfPackage("nl.samenspraak.app..")
                .should().dependOnClassesThat().resideInAPackage("nl.samenspraak.app..").check(classes);
    }

    @Test
    void computation_imports_no_javalin_jdbi_or_app() {
        noClasses().that().resideInAnyPackage("nl.samenspraak.agreement..", "nl.samenspraak.compare..",
                        "nl.samenspraak.spreadsheet..", "nl.samenspraak.transcript.format..", "nl.samenspraak.results..",
                        "nl.samenspraak.transcript.audio..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.jdbi..", "org.eclipse.jetty..",
                        "nl.samenspraak.app..", "nl.samenspraak.http..", "nl.samenspraak.db..")
                .check(classes);
    }

    @Test
    void spreadsheets_reach_no_database_or_web_even_through_the_records_they_write() {
        noClasses().that().resideInAnyPackage("nl.samenspraak.spreadsheet..", "nl.samenspraak.results..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("io.javalin..", "org.jdbi..",
                        "nl.samenspraak.app..", "nl.samenspraak.http..", "nl.samenspraak.db..")
                .check(classes);
        noClasses().that().resideInAnyPackage("nl.samenspraak.spreadsheet..", "nl.samenspraak.results..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.samenspraak.reliability..", "nl.samenspraak.report..",
                        "nl.samenspraak.exports..", "nl.samenspraak.project..", "nl.samenspraak.coding..")
                .check(classes);
    }
}
