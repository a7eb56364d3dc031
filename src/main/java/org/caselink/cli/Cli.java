package org.caselink.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.caselink.CaselinkApplication;
import org.caselink.db.Graph;
import org.caselink.generator.Generator;
import org.caselink.ingest.ImportSource;
import org.caselink.ingest.Importer;
import org.caselink.ingest.Records.Problem;
import org.caselink.quality.Quality;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands beside the service: {@code import}, {@code generate}, {@code score} and
 * {@code benchmark}. Started
 * by {@code java -jar caselink.jar <command> ...} (or through {@code ./mvnw spring-boot:run
 * -Dspring-boot.run.arguments="<command> ..."}); anything else starts the service.
 */
@Command(
        name = "caselink",
        mixinStandardHelpOptions = true,
        subcommands = {Cli.Import.class, Cli.Generate.class, Cli.Score.class, Cli.Benchmark.class},
        description = "caselink commands; with no command, the service starts.")
public final class Cli {

    public static final Set<String> COMMANDS =
            Set.of("import", "generate", "score", "benchmark", "help", "--help", "-h");

    private Cli() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String... args) {
        return new CommandLine(new Cli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    /** The application without its web server and without demo data: the commands' view of the database. */
    static ConfigurableApplicationContext context(String... extra) {
        List<String> props = new ArrayList<>(List.of(
                "caselink.demo.enabled=false",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN",
                "logging.level.org.caselink=WARN",
                "logging.level.org.apache.lucene=ERROR"));
        props.addAll(List.of(extra));
        try {
            // As arguments, not default properties: they must win over application.yml and the environment.
            return new SpringApplicationBuilder(CaselinkApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(props.stream().map(p -> "--" + p).toArray(String[]::new));
        } catch (RuntimeException e) {
            if (String.valueOf(stackText(e)).contains("Unable to obtain lock")) {
                throw new CommandLine.ExecutionException(new CommandLine(new Cli()), """
                        The embedded database in this folder is in use, most likely by a running caselink service.
                        Import through that service instead:
                          curl -F files=@FILE http://localhost:8080/api/import
                        or stop the service first, or point NEO4J_URI at a database server.""");
            }
            throw e;
        }
    }

    private static String stackText(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append('\n');
        }
        return b.toString();
    }

    @Command(
            name = "import",
            description = "Imports JSON Lines files (and ads as .csv) into the database (./data, or NEO4J_URI).")
    static final class Import implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to import, in order")
        List<Path> files;

        @Option(
                names = "--errors",
                description = "where rejected records are written (default: <first file>.errors.jsonl)")
        Path errors;

        @Option(
                names = "--batch-size",
                description = "records per transaction (default ${DEFAULT-VALUE})",
                defaultValue = "1000")
        int batchSize;

        @Option(names = "--data-dir", description = "embedded database folder (default ./data; CASELINK_DATA_DIR)")
        Path dataDir;

        @Option(names = "--profile", description = "print where the time went, per statement")
        boolean profile;

        @Override
        public Integer call() throws IOException {
            for (Path f : files) {
                if (!Files.isReadable(f)) {
                    System.err.println("Cannot read " + f);
                    return 2;
                }
            }
            Path errorFile = errors != null ? errors : Path.of(files.getFirst() + ".errors.jsonl");
            List<String> props = new ArrayList<>(
                    List.of("caselink.ingest.batch-size=" + batchSize, "caselink.neo4j.profile=" + profile));
            if (dataDir != null) {
                props.add("caselink.embedded.data-dir=" + dataDir);
            }
            long totalBytes = files.stream().mapToLong(f -> f.toFile().length()).sum();
            JsonMapper json = JsonMapper.builder().build();
            try (var ctx = context(props.toArray(String[]::new));
                    BufferedWriter err = Files.newBufferedWriter(errorFile, StandardCharsets.UTF_8);
                    ProgressBar bar = progressBar(totalBytes)) {
                Importer importer = ctx.getBean(Importer.class);
                long[] done = {0};
                long[] lastBytes = {0};
                var summary = importer.run(files.stream().map(ImportSource::of).toList(), new Importer.Listener() {
                    @Override
                    public void progress(long records, long bytesRead, ImportSource source) {
                        bar.stepTo(done[0] + Math.min(bytesRead, source.size()));
                        bar.setExtraMessage(records + " records");
                        if (bytesRead >= source.size()) {
                            done[0] += source.size();
                        }
                        lastBytes[0] = bytesRead;
                    }

                    @Override
                    public void error(Problem p) {
                        try {
                            err.write(json.writeValueAsString(java.util.Map.of(
                                    "file",
                                    p.origin().file(),
                                    "line",
                                    p.origin().line(),
                                    "key",
                                    String.valueOf(p.key()),
                                    "field",
                                    p.field(),
                                    "reason",
                                    p.reason())));
                            err.write('\n');
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
                bar.close();
                System.out.println(summary);
                ctx.getBean(Graph.class).profile().forEach(System.out::println);
                if (summary.rejected() > 0) {
                    System.out.println("Rejected records (file, line, field, reason) are in " + errorFile);
                    return 1;
                }
                Files.deleteIfExists(errorFile);
                return 0;
            }
        }

        /** A bar on a terminal; plain lines now and then otherwise (a log, CI). */
        private static ProgressBar progressBar(long totalBytes) {
            var builder = new ProgressBarBuilder()
                    .setTaskName("import")
                    .setInitialMax(Math.max(1, totalBytes))
                    .setUnit(" MB", 1_000_000)
                    .showSpeed()
                    .setStyle(ProgressBarStyle.ASCII);
            if (System.console() == null) {
                builder.setConsumer(new me.tongfei.progressbar.DelegatingProgressBarConsumer(System.err::println))
                        .setUpdateIntervalMillis(10_000);
            }
            return builder.build();
        }
    }

    @Command(name = "generate", description = "Writes a synthetic data set in the import format, and its ground truth.")
    static final class Generate implements Callable<Integer> {

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

        @Override
        public Integer call() throws IOException {
            Path truthFile = truth != null ? truth : Path.of(out + ".truth.json");
            Generator.write(new Generator.Config(cases, ads, seed), out, truthFile);
            System.out.println("Wrote " + out + " and " + truthFile);
            return 0;
        }
    }

    @Command(name = "score", description = "Scores the database's import of a generated file against its ground truth.")
    static final class Score implements Callable<Integer> {

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

        @Option(names = "--data-dir", description = "embedded database folder (default ./data; CASELINK_DATA_DIR)")
        Path dataDir;

        @Override
        public Integer call() throws IOException {
            Path truthFile = truth != null ? truth : Path.of(data + ".truth.json");
            try (var ctx =
                    context(dataDir == null ? new String[0] : new String[] {"caselink.embedded.data-dir=" + dataDir})) {
                var out = new PrintWriter(System.out, true);
                new Quality(ctx.getBean(Graph.class))
                        .score(data, truthFile, hubDegree)
                        .forEach(out::println);
            }
            return 0;
        }
    }

    @Command(
            name = "benchmark",
            description = "Measures; prints a report and writes it as Markdown and JSON.",
            subcommands = {Benchmark.Ingest.class, Benchmark.Analysis.class})
    static final class Benchmark {

        @Command(
                name = "ingest",
                description = "Records per second for a generated import into a fresh embedded database,"
                        + " beside the floor: the same graph written by bare UNWIND ... CREATE.")
        static final class Ingest implements Callable<Integer> {

            @Option(
                    names = "--records",
                    defaultValue = "100000",
                    description = "records to generate, half cases and half ads (default ${DEFAULT-VALUE})")
            int records;

            @Option(names = "--seed", defaultValue = "7", description = "generator seed (default ${DEFAULT-VALUE})")
            long seed;

            @Option(
                    names = "--batch-size",
                    defaultValue = "1000",
                    description = "records per transaction (default ${DEFAULT-VALUE})")
            int batchSize;

            @Option(
                    names = "--work-dir",
                    defaultValue = "target/benchmark",
                    description = "where the data and the two databases go (default ${DEFAULT-VALUE})")
            Path workDir;

            @Option(
                    names = "--report",
                    defaultValue = "target/benchmarks/ingest",
                    description = "report path without extension: .md and .json are written (default ${DEFAULT-VALUE})")
            String report;

            @Override
            public Integer call() throws IOException {
                var result = new IngestBenchmark(Cli::context).run(records, seed, batchSize, workDir);
                IngestBenchmark.write(result, Path.of(report + ".md"), Path.of(report + ".json"));
                return 0;
            }
        }

        @Command(
                name = "analysis",
                description = "Latency of linkedCases, a 2-hop neighbourhood and paths on a generated graph"
                        + " (about a million nodes by default), and the time network detection takes.")
        static final class Analysis implements Callable<Integer> {

            @Option(
                    names = "--records",
                    defaultValue = "400000",
                    description = "records to generate, half cases and half ads; 400,000 make about a million"
                            + " nodes (default ${DEFAULT-VALUE})")
            int records;

            @Option(names = "--seed", defaultValue = "11", description = "generator seed (default ${DEFAULT-VALUE})")
            long seed;

            @Option(
                    names = "--skip-networks",
                    description = "time the queries only, without running network detection first")
            boolean skipNetworks;

            @Option(
                    names = "--samples",
                    defaultValue = "300",
                    description = "cases (and pairs) timed per operation (default ${DEFAULT-VALUE})")
            int samples;

            @Option(
                    names = "--work-dir",
                    defaultValue = "target/benchmark",
                    description = "where the data and the database go; a database of the same size and seed is"
                            + " reused (default ${DEFAULT-VALUE})")
            Path workDir;

            @Option(
                    names = "--report",
                    defaultValue = "target/benchmarks/analysis",
                    description = "report path without extension: .md and .json are written (default ${DEFAULT-VALUE})")
            String report;

            @Override
            public Integer call() throws IOException {
                var result = new AnalysisBenchmark(Cli::context).run(records, seed, samples, !skipNetworks, workDir);
                AnalysisBenchmark.write(result, Path.of(report + ".md"), Path.of(report + ".json"));
                return 0;
            }
        }
    }
}
