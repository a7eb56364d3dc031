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
 * Package-by-feature, kept honest: no cycles between packages, and no feature reaches into
 * another feature (features share only model, graph, db, ingest and normalize).
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
                    "org.caselink.normalize..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    FEATURES.stream().map(f -> "org.caselink." + f + "..").toArray(String[]::new));
}
