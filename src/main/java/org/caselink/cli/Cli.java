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
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ExecutionGraphQlService;
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
        subcommands = {
            Cli.Import.class,
            Cli.Generate.class,
            Cli.Score.class,
            Cli.Benchmark.class,
            Cli.BackupCommand.class,
            Cli.RestoreCommand.class
        },
        description = "caselink commands; with no command, the service starts.")
public final class Cli {

    public static final Set<String> COMMANDS =
            Set.of("import", "generate", "score", "benchmark", "backup", "restore", "help", "--help", "-h");

    private Cli() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String... args) {
        return new CommandLine(new Cli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    if (e instanceof Refused) {
                        // A situation the user can act on: the message says what to do, a stack trace would bury it.
                        line.getErr().println(e.getMessage());
                        return 1;
                    }
                    throw e;
                })
                .execute(args);
    }

    /** The application without its web server and without demo data: the commands' view of the database. */
    static ConfigurableApplicationContext context(String... extra) {
        return context(WebApplicationType.NONE, List.of(), extra);
    }

    /** As {@link #context(String...)}, with {@code beans} (a statement listener, say) registered in it. */
    static ConfigurableApplicationContext context(List<?> beans, String... extra) {
        return context(WebApplicationType.NONE, beans, extra);
    }

    /**
     * The whole service, web server included, on a free port of 127.0.0.1 (no demo data): what the
     * HTTP benchmark sends its requests to. The port is in {@code local.server.port}.
     */
    static ConfigurableApplicationContext service(String... extra) {
        return service(List.of(), extra);
    }

    /** As {@link #service(String...)}, with {@code beans} (a statement listener, say) registered in it. */
    static ConfigurableApplicationContext service(List<?> beans, String... extra) {
        // Demo mode by choice: the benchmark signs in with the demo accounts over its generated data.
        List<String> props =
                new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1", "caselink.security.mode=demo"));
        props.addAll(List.of(extra));
        return context(WebApplicationType.SERVLET, beans, props.toArray(String[]::new));
    }

    private static ConfigurableApplicationContext context(WebApplicationType web, List<?> beans, String... extra) {
        List<String> props = new ArrayList<>(List.of(
                "caselink.demo.enabled=false",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN",
                "logging.level.org.caselink=WARN",
                "logging.level.org.apache.lucene=ERROR",
                // A failed start is rethrown below and printed once, as a refusal or with its stack;
                // Spring's own report of it would come first and bury the message.
                "logging.level.org.springframework.boot.SpringApplication=OFF",
                "logging.level.org.springframework.boot.diagnostics=OFF",
                "logging.level.org.springframework.context=ERROR",
                "logging.level.org.springframework.boot.web=ERROR"));
        props.addAll(List.of(extra));
        try {
            // As arguments, not default properties: they must win over application.yml and the environment.
            return new SpringApplicationBuilder(CaselinkApplication.class)
                    .web(web)
                    .logStartupInfo(false)
                    .initializers(ctx -> beans.forEach(b -> ctx.getBeanFactory()
                            .registerSingleton(b.getClass().getName() + "#" + System.identityHashCode(b), b)))
                    .run(props.stream().map(p -> "--" + p).toArray(String[]::new));
        } catch (RuntimeException e) {
            if (String.valueOf(stackText(e)).contains("Unable to obtain lock")) {
                throw new Refused("""
                        The embedded database in this folder is in use, most likely by a running caselink service.
                        Ask that service instead:
                          curl -u USER -H 'X-Caselink-Client: curl' -F files=@FILE http://localhost:8080/api/import
                          curl -u ADMIN -H 'X-Caselink-Client: curl' -X POST http://localhost:8080/api/admin/backup
                        or stop the service first, or point NEO4J_URI at a database server.""");
            }
            throw e;
        }
    }

    /** A command refused for a reason the user can act on; printed as its message alone. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static String stackText(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append('\n');
        }
        return b.toString();
    }

    /** Who a command acts as in the audit trail. */
    static final String CLI_USER = "cli:" + System.getProperty("user.name");

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
            List<String> props = new ArrayList<>(List.of("caselink.ingest.batch-size=" + batchSize));
            if (dataDir != null) {
                props.add("caselink.embedded.data-dir=" + dataDir);
            }
            long totalBytes = files.stream().mapToLong(f -> f.toFile().length()).sum();
            JsonMapper json = JsonMapper.builder().build();
            StatementProfile timing = new StatementProfile();
            try (var ctx = context(profile ? List.of(timing) : List.of(), props.toArray(String[]::new));
                    BufferedWriter err = Files.newBufferedWriter(errorFile, StandardCharsets.UTF_8);
                    ProgressBar bar = progressBar(totalBytes)) {
                Importer importer = ctx.getBean(Importer.class);
                // Audited before it runs (no audit, no import) and after, with what it did, as the
                // operating-system user: the command is an import like any other.
                var audit = ctx.getBean(org.caselink.audit.AuditLog.class);
                List<String> names = files.stream().map(Path::toString).toList();
                audit.append("import", "IMPORT", CLI_USER, null, "STARTED", java.util.Map.of("files", names));
                long[] done = {0};
                long[] lastBytes = {0};
                Importer.Summary summary;
                try {
                    summary = importer.run(files.stream().map(ImportSource::of).toList(), new Importer.Listener() {
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
                } catch (org.caselink.ingest.ImportInterruptedException e) {
                    // The database went away: no audit event can be written now; the next run's is.
                    bar.close();
                    err.flush();
                    System.err.println(e.getMessage());
                    return 3;
                }
                bar.close();
                audit.append(
                        "import",
                        "IMPORT",
                        CLI_USER,
                        null,
                        summary.rejected() == 0 ? "SUCCESS" : "PARTIAL",
                        java.util.Map.of(
                                "files", names,
                                "read", summary.read(),
                                "imported", summary.imported(),
                                "rejected", summary.rejected()));
                System.out.println(summary);
                timing.lines().forEach(System.out::println);
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

    @Command(
            name = "backup",
            description = "Backs up the embedded database (./data) into a zip file; a running service does it with"
                    + " POST /api/admin/backup.")
    static final class BackupCommand implements Callable<Integer> {

        @Option(names = "--data-dir", description = "embedded database folder (default ./data; CASELINK_DATA_DIR)")
        Path dataDir;

        @Option(names = "--to", description = "folder for the backup file (default ./backups; CASELINK_BACKUP_DIR)")
        Path to;

        @Override
        public Integer call() throws Exception {
            List<String> props = new ArrayList<>();
            if (dataDir != null) {
                props.add("caselink.embedded.data-dir=" + dataDir);
            }
            try (var ctx = context(props.toArray(String[]::new))) {
                var backup = ctx.getBean(org.caselink.backup.Backup.class);
                var audit = ctx.getBean(org.caselink.audit.AuditLog.class);
                audit.append("backup", "BACKUP", CLI_USER, null, "STARTED", java.util.Map.of());
                var r = to == null ? backup.run() : backup.run(to);
                audit.append(
                        "backup",
                        "BACKUP",
                        CLI_USER,
                        null,
                        "SUCCESS",
                        java.util.Map.of("file", r.file().getFileName().toString(), "pauseMillis", r.pauseMillis()));
                System.out.printf(
                        "Backup %s (%,d bytes): %,d nodes, %,d relationships, %,d audit events; writes paused %d ms,"
                                + " %d ms in all%n",
                        r.file(),
                        r.bytes(),
                        r.counts().nodes(),
                        r.counts().relationships(),
                        r.counts().auditEvents(),
                        r.pauseMillis(),
                        r.totalMillis());
                return 0;
            }
        }
    }

    @Command(
            name = "restore",
            description = "Restores a backup into a new, empty data folder, checks every file, the counts and the"
                    + " audit chain.")
    static final class RestoreCommand implements Callable<Integer> {

        @Parameters(arity = "1", paramLabel = "BACKUP", description = "a caselink-backup-*.zip file")
        Path file;

        @Option(names = "--data-dir", required = true, description = "the new embedded database folder (must be empty)")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            org.caselink.backup.Restore.Restored restored;
            try {
                restored = org.caselink.backup.Restore.into(file, dataDir);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            System.out.printf(
                    "Restored %d files into %s: %,d nodes, %,d relationships, %,d audit events (the backup says"
                            + " %,d, %,d, %,d); ids key %s%n",
                    restored.files(),
                    dataDir,
                    restored.found().nodes(),
                    restored.found().relationships(),
                    restored.found().auditEvents(),
                    restored.expected().nodes(),
                    restored.expected().relationships(),
                    restored.expected().auditEvents(),
                    restored.idsKey());
            if (!restored.matches()) {
                System.err.println("The restored store does not hold what the backup recorded: " + restored.found()
                        + " where the backup says " + restored.expected());
                return 1;
            }
            try (var ctx = context("caselink.embedded.data-dir=" + dataDir)) {
                var audit = ctx.getBean(org.caselink.audit.AuditLog.class);
                var chain = audit.verify();
                if (!chain.intact()) {
                    System.err.println("The audit chain is broken at seq " + chain.brokenAt() + ": " + chain.reason());
                    return 1;
                }
                audit.append(
                        "backup",
                        "RESTORE",
                        CLI_USER,
                        null,
                        "SUCCESS",
                        java.util.Map.of("file", file.getFileName().toString()));
                System.out.printf(
                        "Audit chain intact: %,d events checked. Start the service on it with"
                                + " CASELINK_DATA_DIR=%s ./caselink%n",
                        chain.checked(), dataDir);
                return 0;
            }
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
            try (var ctx =
                    context(dataDir == null ? new String[0] : new String[] {"caselink.embedded.data-dir=" + dataDir})) {
                var out = new PrintWriter(System.out, true);
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

    @Command(
            name = "benchmark",
            description = "Measures; prints a report and writes it as Markdown and JSON.",
            subcommands = {
                Benchmark.Ingest.class,
                Benchmark.Analysis.class,
                Benchmark.Http.class,
                Benchmark.Suite.class,
                Benchmark.LoadRun.class
            })
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

            @Option(
                    names = "--naive-records",
                    defaultValue = "300",
                    description = "records for the naive floor, one entity per call through Spring Data Neo4j;"
                            + " 0 leaves it out (default ${DEFAULT-VALUE})")
            int naiveRecords;

            @Option(
                    names = "--analyse",
                    description = "then run network detection and case links on the imported database, so that"
                            + " `benchmark http --data-dir <work-dir>/import-db` can query it")
            boolean analyse;

            @Override
            public Integer call() throws IOException {
                var result =
                        new IngestBenchmark(Cli::context).run(records, seed, batchSize, workDir, naiveRecords, analyse);
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

        @Command(
                name = "load",
                description = "Sustained load on the service: 32 clients for 5 minutes of mixed reads and small writes;"
                        + " errors, throughput, latency and the heap after GC per minute, and a backup halfway.")
        static final class LoadRun implements Callable<Integer> {

            @Option(
                    names = "--records",
                    defaultValue = "20000",
                    description = "records to generate and import, half cases and half ads (default ${DEFAULT-VALUE})")
            int records;

            @Option(
                    names = "--seed",
                    defaultValue = "7",
                    description = "generator and load seed (default ${DEFAULT-VALUE})")
            long seed;

            @Option(
                    names = "--clients",
                    defaultValue = "32",
                    description = "concurrent clients (default ${DEFAULT-VALUE})")
            int clients;

            @Option(names = "--duration", defaultValue = "5m", description = "measured time (default ${DEFAULT-VALUE})")
            String duration;

            @Option(
                    names = "--interval",
                    defaultValue = "1m",
                    description = "reporting interval, each ended by a full GC (default ${DEFAULT-VALUE})")
            String interval;

            @Option(
                    names = "--warm-up",
                    defaultValue = "60s",
                    description = "unmeasured load first (default ${DEFAULT-VALUE})")
            String warmUp;

            @Option(
                    names = "--write-share",
                    defaultValue = "0.1",
                    description = "share of requests that are small writes (default ${DEFAULT-VALUE})")
            double writeShare;

            @Option(names = "--no-backup", description = "leave out the backup taken halfway")
            boolean noBackup;

            @Option(
                    names = "--work-dir",
                    defaultValue = "target/benchmark",
                    description = "where the data and the database go; a database of the same size and seed is"
                            + " reused (default ${DEFAULT-VALUE})")
            Path workDir;

            @Option(
                    names = "--report",
                    defaultValue = "target/benchmarks/load",
                    description = "report path without extension: .md and .json are written (default ${DEFAULT-VALUE})")
            String report;

            @Override
            public Integer call() throws Exception {
                var settings = new LoadBenchmark.Settings(
                        records,
                        seed,
                        clients,
                        DurationStyle.detectAndParse(duration),
                        DurationStyle.detectAndParse(interval),
                        DurationStyle.detectAndParse(warmUp),
                        writeShare,
                        !noBackup);
                var result = new LoadBenchmark(Cli::context, Cli::service).run(workDir, settings);
                LoadBenchmark.write(result, Path.of(report + ".md"), Path.of(report + ".json"));
                return result.errors() == 0 ? 0 : 1;
            }
        }

        /** How much load the HTTP measurement sends: shared by {@code http} and {@code suite}. */
        static final class Load {
            @Option(
                    names = "--samples",
                    defaultValue = "200",
                    description = "distinct cases, phones, pairs and names asked about (default ${DEFAULT-VALUE})")
            int samples;

            @Option(
                    names = "--requests",
                    defaultValue = "1000",
                    description = "requests per operation and level of concurrency (default ${DEFAULT-VALUE})")
            int requests;

            @Option(
                    names = "--warm-up",
                    defaultValue = "3000",
                    description = "requests per operation, by 8 clients, before anything is timed (default"
                            + " ${DEFAULT-VALUE})")
            int warmUp;

            /** Refuses a load that would measure nothing. */
            void check(CommandLine.Model.CommandSpec spec) {
                if (samples < 1 || requests < 1 || warmUp < 0) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "--samples and --requests must be at least 1, --warm-up at least 0");
                }
            }
        }

        @Command(
                name = "http",
                description = "GraphQL over HTTP on an imported database: latency at 1, 8 and 32 clients, throughput,"
                        + " statements per operation, each operation beside its bare-Cypher floor, resident memory.")
        static final class Http implements Callable<Integer> {

            @Option(names = "--data-dir", required = true, description = "the embedded database to serve")
            Path dataDir;

            @CommandLine.Mixin
            Load load;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Option(
                    names = "--clients",
                    defaultValue = "1,8,32",
                    split = ",",
                    description = "levels of concurrency; the first is where statements and the floor are measured"
                            + " (default ${DEFAULT-VALUE})")
            List<Integer> clients;

            @Option(names = "--seed", defaultValue = "3", description = "sample seed (default ${DEFAULT-VALUE})")
            long seed;

            @Option(
                    names = "--only",
                    split = ",",
                    description = "measure only the operations whose names start so (case, phone, neighbourhood,"
                            + " paths, linkedCases, search); for profiling one")
            List<String> only = List.of();

            @Option(
                    names = "--report",
                    defaultValue = "target/benchmarks/http",
                    description = "report path without extension: .md and .json are written (default ${DEFAULT-VALUE})")
            String report;

            @Override
            public Integer call() throws Exception {
                load.check(spec);
                var result = new HttpBenchmark(Cli::service)
                        .run(dataDir, load.samples, load.requests, load.warmUp, clients, seed, only);
                HttpBenchmark.write(result, Path.of(report + ".md"), Path.of(report + ".json"));
                return 0;
            }
        }

        @Command(
                name = "suite",
                description = "The whole suite, one JVM per step: at each scale, generate, import (beside the bare"
                        + " UNWIND ... CREATE and the naive Spring Data Neo4j floors), detect networks, then serve"
                        + " the graph and measure GraphQL over HTTP beside bare Cypher; one report for all scales.")
        static final class Suite implements Callable<Integer> {

            @Option(
                    names = "--scales",
                    defaultValue = "10k,100k,1m",
                    split = ",",
                    description = "graph sizes in nodes, smallest first (default ${DEFAULT-VALUE})")
            List<String> scales;

            @Option(names = "--seed", defaultValue = "7", description = "generator seed (default ${DEFAULT-VALUE})")
            long seed;

            @CommandLine.Mixin
            Load load;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Option(
                    names = "--naive-records",
                    defaultValue = "300",
                    description = "records for the naive Spring Data Neo4j floor (default ${DEFAULT-VALUE})")
            int naiveRecords;

            @Option(
                    names = "--resume",
                    description = "keep each step whose report is already in the work folder: an interrupted suite"
                            + " goes on where it stopped (delete a scale's http.json to measure its service again)")
            boolean resume;

            @Option(
                    names = "--ingest-heap",
                    defaultValue = "12g",
                    description = "heap of the import JVM (default ${DEFAULT-VALUE})")
            String ingestHeap;

            @Option(
                    names = "--service-heap",
                    defaultValue = "2g",
                    description = "heap of the service JVM (default ${DEFAULT-VALUE})")
            String serviceHeap;

            @Option(
                    names = "--work-dir",
                    defaultValue = "target/benchmark/suite",
                    description = "where the data and databases go, one folder per scale (default ${DEFAULT-VALUE})")
            Path workDir;

            @Option(
                    names = "--report",
                    defaultValue = "target/benchmarks/suite",
                    description = "report path without extension: .md and .json are written (default ${DEFAULT-VALUE})")
            String report;

            @Override
            public Integer call() throws Exception {
                load.check(spec);
                SuiteBenchmark.run(
                        new SuiteBenchmark.Options(
                                scales.stream().map(SuiteBenchmark.Scale::parse).toList(),
                                seed,
                                load.samples,
                                load.requests,
                                load.warmUp,
                                naiveRecords,
                                ingestHeap,
                                serviceHeap,
                                workDir,
                                resume),
                        report);
                return 0;
            }
        }
    }
}
