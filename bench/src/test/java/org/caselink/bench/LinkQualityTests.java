package org.caselink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caselink.CaselinkApplication;
import org.caselink.bench.quality.Quality;
import org.caselink.db.Graph;
import org.caselink.generator.Generator;
import org.caselink.ingest.ImportSource;
import org.caselink.ingest.Importer;
import org.caselink.write.Records.Problem;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.graphql.ExecutionGraphQlService;

/**
 * Link analysis against the generator's ground truth, at three seeds, each in a database of its
 * own: a shuffled file with templated ad texts, Zipf-distributed names, a hotline, shelters, group
 * homes, an ad site's support line and stock images that unrelated records share, repeat runaways
 * without their child id, namesake children, and networks that connect only through longer chains
 * (see {@link Generator}). The figures are {@code score}'s ({@link Quality#report}), asked through
 * the GraphQL API as an analyst; each run prints them. The assertions are the targets where
 * this build meets them, and the measured level otherwise (docs/analysis.md says which and why).
 */
@org.caselink.Slow
class LinkQualityTests {

    /** The documented strong-link threshold (docs/analysis.md). */
    static final double STRONG = 0.5;

    static final int CASES = 1000;
    static final int ADS = 1500;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {29, 41, 53})
    void linksHoldOnDataWithTheNoiseRealDataHas(long seed) throws Exception {
        Path data = dir.resolve("g.jsonl");
        Path truth = dir.resolve("g.truth.json");
        Generator.write(new Generator.Config(CASES, ADS, seed), data, truth);
        try (var ctx = new SpringApplicationBuilder(CaselinkApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--caselink.embedded.data-dir=" + dir.resolve("db"),
                        "--caselink.demo.enabled=false",
                        "--spring.main.banner-mode=off")) {
            var summary = ctx.getBean(Importer.class).run(List.of(ImportSource.of(data)), new Importer.Listener() {
                @Override
                public void error(Problem problem) {
                    throw new AssertionError(problem.toString());
                }
            });
            assertThat(summary.rejected()).isZero();
            var report = new Quality(ctx.getBean(Graph.class))
                    .report(data, truth, 25, new GraphQlAnalyst(ctx.getBean(ExecutionGraphQlService.class)), 0, STRONG);
            System.out.println("link quality, seed " + seed + ":");
            report.lines().forEach(l -> System.out.println("  " + l));

            var links = report.links();
            assertThat(links.calibration().stream()
                            .mapToLong(Quality.Decile::count)
                            .sum())
                    .isEqualTo(links.returned());
            // Target 1.0 within the first 20; measured 0.9954 to 1.0 (a few pairs of one seed miss).
            assertThat(links.recall()).isGreaterThanOrEqualTo(0.99);
            assertThat(links.meanPrecisionAtK()).isGreaterThanOrEqualTo(0.9);
            assertThat(links.strongPrecision()).isGreaterThanOrEqualTo(0.95);
            assertThat(links.strongRecall()).isGreaterThanOrEqualTo(0.8);
            assertThat(links.calibrationError()).isLessThanOrEqualTo(0.1);
            assertThat(report.keyPlayers().share()).isGreaterThanOrEqualTo(0.9);

            var near = report.nearDuplicates();
            assertThat(near.precision()).isGreaterThanOrEqualTo(0.95);
            assertThat(near.recall()).isGreaterThanOrEqualTo(0.85);
            assertThat(near.perAd()).isLessThanOrEqualTo(5.0);

            var everyone = report.identity().get(2);
            assertThat(everyone.wrongMerges()).isZero();
            assertThat(everyone.precision()).isGreaterThanOrEqualTo(0.9);
            assertThat(everyone.recall()).isGreaterThanOrEqualTo(0.9);
            // Target 0.1 per person; measured 0.16 to 0.23 per node: nearly all of them true ones,
            // between the unresolved mentions of one person (written without an id in some records).
            assertThat(everyone.perNode()).isLessThanOrEqualTo(0.25);

            // The refresh after the import wrote the strongest case links across the graph.
            long stored = ctx.getBean(Graph.class)
                    .read(
                            "MATCH ()-[l:CASE_LINK]->() RETURN count(l) AS n",
                            Map.of(),
                            r -> r.get("n").asLong())
                    .getFirst();
            assertThat(stored).isPositive();
        }
    }
}
