package org.caselink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Package-by-feature, kept honest over every package of the service:
 *
 * <ul>
 *   <li>the kernel ({@code model}, {@code graphql}, {@code db}, {@code write}, {@code normalize}),
 *       the platform ({@code security}, {@code audit}, {@code web}, {@code backup}), the import
 *       ({@code ingest}), the features, the commands ({@code cli}) and the application class are
 *       layers, each using only those below it;
 *   <li>no feature reaches into another, and no packages form a cycle;
 *   <li>every package is in one of the layers, so a new one has to be placed.
 * </ul>
 *
 * The generator ({@code caselink-testdata}) is on the tests' class path only and the benchmarks are
 * another module: neither is part of the service, and the service depends on neither.
 */
@AnalyzeClasses(packages = "org.caselink", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    static final List<String> KERNEL = List.of("model", "graphql", "db", "write", "normalize");
    static final List<String> PLATFORM = List.of("security", "audit", "web", "backup");
    static final List<String> FEATURES =
            List.of("cases", "people", "contacts", "ads", "search", "demo", "identity", "analysis");
    static final List<String> NOT_THE_SERVICE = List.of("generator", "bench");

    private static String[] packages(List<String> names) {
        return names.stream().map(n -> "org.caselink." + n + "..").toArray(String[]::new);
    }

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Kernel")
            .definedBy(packages(KERNEL))
            .layer("Platform")
            .definedBy(packages(PLATFORM))
            .layer("Import")
            .definedBy("org.caselink.ingest..")
            .layer("Features")
            .definedBy(packages(FEATURES))
            .layer("Commands")
            .definedBy("org.caselink.cli..")
            .whereLayer("Commands")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Features")
            .mayOnlyBeAccessedByLayers("Features", "Commands")
            .whereLayer("Import")
            .mayOnlyBeAccessedByLayers("Features", "Commands")
            .whereLayer("Platform")
            .mayOnlyBeAccessedByLayers("Platform", "Import", "Features", "Commands")
            .whereLayer("Kernel")
            .mayOnlyBeAccessedByLayers("Kernel", "Platform", "Import", "Features", "Commands");

    @ArchTest
    static final ArchRule noCycles =
            slices().matching("org.caselink.(*)..").should().beFreeOfCycles();

    @ArchTest
    static void featuresDoNotDependOnEachOther(JavaClasses classes) {
        for (String feature : FEATURES) {
            noClasses()
                    .that()
                    .resideInAPackage("org.caselink." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(packages(
                            FEATURES.stream().filter(f -> !f.equals(feature)).toList()))
                    .check(classes);
        }
    }

    /** The application class is configuration only: the jar's entry point is cli.Main. */
    @ArchTest
    static final ArchRule theApplicationClassDependsOnNothingOfCaselink = noClasses()
            .that()
            .resideInAPackage("org.caselink")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.caselink.*..");

    /** The data generator and the benchmarks stay out of the service, as code and as dependencies. */
    @ArchTest
    static final ArchRule theServiceUsesNoGeneratorOrBenchmark = noClasses()
            .that()
            .resideOutsideOfPackages(packages(NOT_THE_SERVICE))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(packages(NOT_THE_SERVICE));

    @ArchTest
    static void everyPackageIsInALayer(JavaClasses classes) {
        Set<String> placed = new TreeSet<>();
        Stream.of(KERNEL, PLATFORM, FEATURES, NOT_THE_SERVICE, List.of("ingest", "cli"))
                .flatMap(List::stream)
                .forEach(placed::add);
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass c : classes) {
            String name = c.getPackageName();
            if (name.startsWith("org.caselink.")) {
                String top = name.substring("org.caselink.".length()).split("\\.")[0];
                if (!placed.contains(top)) {
                    unplaced.add(top);
                }
            }
        }
        assertThat(unplaced).as("packages in no layer of ArchitectureTests").isEmpty();
    }
}
