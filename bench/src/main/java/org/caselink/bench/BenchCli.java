package org.caselink.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.caselink.bench.quality.Quality;
import org.caselink.cli.Cli;
import org.caselink.cli.Contexts;
import org.caselink.db.Graph;
import org.caselink.generator.Generator;
import org.springframework.graphql.ExecutionGraphQlService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands beside the service that measure it: {@code generate} (a synthetic data set and its
 * ground truth), {@code score} (link quality against that truth) and {@code benchmark ...}. Run by
 * {@code ./caselink generate|score|benchmark ...}; they live in this module so that the service's
 * jar holds none of them.
 */
@Command(
        name = "caselink",
        mixinStandardHelpOptions = true,
        subcommands = {BenchCli.Generate.class, BenchCli.Score.class, BenchmarkCommands.class},
        description = "caselink's data generator, link-quality score and benchmarks.")
public final class BenchCli {

    private BenchCli() {}

    public static int run(String... args) {
        return run(
                new PrintWriter(System.out, true, java.nio.charset.Charset.defaultCharset()),
                new PrintWriter(System.err, true, java.nio.charset.Charset.defaultCharset()),
                args);
    }

    /** Runs a command that writes its progress and report to {@code out}, its errors to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new BenchCli())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    @Command(name = "generate", description = "Writes a synthetic data set in the import format, and its ground truth.")
    static final class Generate extends Cli.Printing implements Callable<Integer> {

        @Option(names = "--cases", required = true, description = "case records")
        int cases;

        @Option(names = "--ads", required = true, description = "ad records")
        int ads;

        @Option(
                names = "--seed",
                defaultValue = "1",
                description = "random seed (default ${DEFAULT-VALUE}); same seed, same bytes")
        long seed;

        @Option(names = "--out", required = true, description = "the JSON Lines file to write")
        Path out;

        @Option(names = "--truth", description = "the ground-truth file (default: <out>.truth.json)")
        Path truth;

        @Option(
                names = "--in-order",
                description = "write records in generation order (each network's records together) rather than"
                        + " in a seeded random order")
        boolean inOrder;

        @Option(
                names = "--no-templates",
                description = "ads in the posters' own words only, no boilerplate shared between unrelated ads"
                        + " (the baseline that import speed on templated ads is compared with)")
        boolean noTemplates;

        @Override
        public Integer call() throws IOException {
            Path truthFile = truth != null ? truth : Path.of(out + ".truth.json");
            Generator.write(new Generator.Config(cases, ads, seed, !inOrder, !noTemplates), out, truthFile);
            out().println("Wrote " + out + " and " + truthFile);
            return 0;
        }
    }

    @Command(name = "score", description = "Scores the database's import of a generated file against its ground truth.")
    static final class Score extends Cli.Printing implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "the generated JSON Lines file that was imported")
        Path data;

        @Option(names = "--truth", description = "its ground truth (default: <FILE>.truth.json)")
        Path truth;

        @Option(
                names = "--hub-degree",
                defaultValue = "25",
                description =
                        "ads above which a phone or image is a hub, left out of grouping (default ${DEFAULT-VALUE})")
        int hubDegree;

        @Option(
                names = "--cases",
                defaultValue = "0",
                description = "at most this many cases asked linkedCases, evenly spaced by case number (default all)")
        int cases;

        @Option(
                names = "--strong",
                defaultValue = "0.5",
                description = "least score of a strong link (default ${DEFAULT-VALUE})")
        double strong;

        @Option(names = "--data-dir", description = "embedded database folder (default ./data; CASELINK_DATA_DIR)")
        Path dataDir;

        @Override
        public Integer call() throws IOException {
            Path truthFile = truth != null ? truth : Path.of(data + ".truth.json");
            try (var ctx = Contexts.context(
                    dataDir == null ? new String[0] : new String[] {"caselink.embedded.data-dir=" + dataDir})) {
                var out = out();
                new Quality(ctx.getBean(Graph.class))
                        .report(
                                data,
                                truthFile,
                                hubDegree,
                                new GraphQlAnalyst(ctx.getBean(ExecutionGraphQlService.class)),
                                cases,
                                strong)
                        .lines()
                        .forEach(out::println);
            }
            return 0;
        }
    }
}
