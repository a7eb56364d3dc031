package org.caselink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * Package-by-feature, kept honest: no cycles between packages, no feature reaches into another
 * feature (features share only model, graph, db, ingest and normalize), the platform packages
 * (security, audit, web, backup) and the shared ones depend on no feature, the service depends on
 * no command, and the application class on nothing of caselink (so no cycle runs through it).
 */
@AnalyzeClasses(packages = "org.caselink", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    static final List<String> FEATURES = List.of(
            "cases", "people", "contacts", "ads", "search", "demo", "identity", "generator", "quality", "analysis");

    @ArchTest
    static final ArchRule noCycles =
            slices().matching("org.caselink.(*)..").should().beFreeOfCycles();

    @ArchTest
    static void featuresDoNotDependOnEachOther(JavaClasses classes) {
        for (String feature : FEATURES) {
            String[] others = FEATURES.stream()
                    .filter(f -> !f.equals(feature))
                    .map(f -> "org.caselink." + f + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("org.caselink." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @ArchTest
    static final ArchRule sharedPackagesDoNotDependOnFeatures = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.caselink.model..",
                    "org.caselink.graph..",
                    "org.caselink.db..",
                    "org.caselink.ingest..",
                    "org.caselink.normalize..",
                    "org.caselink.security..",
                    "org.caselink.audit..",
                    "org.caselink.web..",
                    "org.caselink.backup..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    FEATURES.stream().map(f -> "org.caselink." + f + "..").toArray(String[]::new));

    /** The commands (and the benchmark, generator and scoring code they run) sit on the service, never under it. */
    @ArchTest
    static final ArchRule theServiceDependsOnNoCommand = noClasses()
            .that()
            .resideOutsideOfPackages("org.caselink.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.caselink.cli..");

    /** The application class is configuration only: the jar's entry point is cli.Main. */
    @ArchTest
    static final ArchRule theApplicationClassDependsOnNothingOfCaselink = noClasses()
            .that()
            .resideInAPackage("org.caselink")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.caselink.*..");
}
