package org.caselink.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.caselink.cli.Cli;
import org.caselink.cli.Contexts;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code benchmark ...}: each subcommand measures one thing, prints a report and writes it as Markdown and JSON. */
@Command(
        name = "benchmark",
        description = "Measures; prints a report and writes it as Markdown and JSON.",
        subcommands = {
            BenchmarkCommands.Ingest.class,
            BenchmarkCommands.Analysis.class,
            BenchmarkCommands.Http.class,
            BenchmarkCommands.Suite.class,
            BenchmarkCommands.LoadRun.class,
            BenchmarkCommands.BadInput.class,
            BenchmarkCommands.Peer.class
        })
public final class BenchmarkCommands {

    @Command(
            name = "ingest",
            description = "Records per second for a generated import into a fresh embedded database,"
                    + " beside the floor: the same graph written by bare UNWIND ... CREATE.")
    static final class Ingest extends Cli.Printing implements Callable<Integer> {

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

        @Option(
                names = "--pipelines",
                defaultValue = "online,bulk",
                split = ",",
                description = "which to run: online (the import's pipeline), bulk (import --bulk); the floor copies"
                        + " the graph of the first (default ${DEFAULT-VALUE})")
        List<String> pipelines;

        @Option(
                names = "--no-floor",
                description = "leave the floor out (at a million records it holds the whole graph in memory, so the"
                        + " bulk path's heap can be measured under -Xmx4g only without it)")
        boolean noFloor;

        @Override
        public Integer call() throws IOException {
            var unknown = pipelines.stream()
                    .filter(p -> !List.of("online", "bulk").contains(p))
                    .toList();
            if (!unknown.isEmpty() || pipelines.isEmpty()) {
                err().println("--pipelines takes online, bulk or both, not " + pipelines);
                return 2;
            }
            var result = new IngestBenchmark(out(), Contexts::context)
                    .run(
                            records,
                            seed,
                            batchSize,
                            workDir,
                            naiveRecords,
                            analyse,
                            pipelines.contains("online"),
                            pipelines.contains("bulk"),
                            !noFloor);
            IngestBenchmark.write(out(), result, Path.of(report + ".md"), Path.of(report + ".json"));
            return 0;
        }
    }

    @Command(
            name = "analysis",
            description = "Latency of linkedCases, a 2-hop neighbourhood and paths on a generated graph"
                    + " (about a million nodes by default), and the time network detection takes.")
    static final class Analysis extends Cli.Printing implements Callable<Integer> {

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
            var result =
                    new AnalysisBenchmark(out(), Contexts::context).run(records, seed, samples, !skipNetworks, workDir);
            AnalysisBenchmark.write(out(), result, Path.of(report + ".md"), Path.of(report + ".json"));
            return 0;
        }
    }

    @Command(
            name = "load",
            description = "Sustained load on the service: 32 clients for 5 minutes of mixed reads and small writes;"
                    + " errors, throughput, latency and the heap after GC per minute, and a backup halfway.")
    static final class LoadRun extends Cli.Printing implements Callable<Integer> {

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

        @Option(names = "--clients", defaultValue = "32", description = "concurrent clients (default ${DEFAULT-VALUE})")
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
            var result = new LoadBenchmark(out(), Contexts::context, Contexts::service).run(workDir, settings);
            LoadBenchmark.write(out(), result, Path.of(report + ".md"), Path.of(report + ".json"));
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
    static final class Http extends Cli.Printing implements Callable<Integer> {

        @Option(names = "--data-dir", required = true, description = "the embedded database to serve")
        Path dataDir;

        @CommandLine.Mixin
        Load load;

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
            var result = new HttpBenchmark(out(), Contexts::service)
                    .run(dataDir, load.samples, load.requests, load.warmUp, clients, seed, only);
            HttpReport.write(out(), result, Path.of(report + ".md"), Path.of(report + ".json"));
            return 0;
        }
    }

    @Command(
            name = "suite",
            description = "The whole suite, one JVM per step: at each scale, generate, import (beside the bare"
                    + " UNWIND ... CREATE and the naive Spring Data Neo4j floors), detect networks, then serve"
                    + " the graph and measure GraphQL over HTTP beside bare Cypher; one report for all scales.")
    static final class Suite extends Cli.Printing implements Callable<Integer> {

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
                    out(),
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

    @Command(
            name = "bad-input",
            description = "Files of mostly bad records (100 MB and 1 GB by default) uploaded to a running service:"
                    + " every good record landed, every bad one counted, time, heap, and another user's answers"
                    + " meanwhile.")
    static final class BadInput extends Cli.Printing implements Callable<Integer> {

        @Option(
                names = "--megabytes",
                defaultValue = "100,1000",
                split = ",",
                description = "file sizes in MB (10^6 bytes), one run each (default ${DEFAULT-VALUE}); at most"
                        + " 1,073 (the service's upload limit, caselink's 1GB)")
        List<Long> megabytes;

        @Option(names = "--seed", defaultValue = "5", description = "seed of the garbage (default ${DEFAULT-VALUE})")
        long seed;

        @Option(
                names = "--work-dir",
                defaultValue = "target/benchmark",
                description = "where the files and databases go (default ${DEFAULT-VALUE})")
        Path workDir;

        @Option(
                names = "--report",
                defaultValue = "benchmarks/bad-input",
                description = "report path without extension: .md and .json are written; the committed report is"
                        + " benchmarks/bad-input (default ${DEFAULT-VALUE})")
        String report;

        @Override
        public Integer call() throws Exception {
            var result = new BadInputBenchmark(out(), Contexts::service).run(megabytes, seed, workDir);
            BadInputBenchmark.write(out(), result, Path.of(report + ".md"), Path.of(report + ".json"));
            boolean right = result.runs().stream().allMatch(r -> r.everyGoodLanded() && r.everyBadCounted());
            return right ? 0 : 1;
        }
    }

    @Command(
            name = "peer",
            description = "caselink beside the Neo4j GraphQL Library (../shared/peer) on the same embedded Neo4j and"
                    + " demo data: medians at one client and throughput at eight, query by query, with the ratio.")
    static final class Peer extends Cli.Printing implements Callable<Integer> {

        @Option(
                names = "--peer-dir",
                defaultValue = "../shared/peer",
                description = "the peer's folder: its server, type definitions and queries (default ${DEFAULT-VALUE})")
        Path peerDir;

        @Option(
                names = "--rounds",
                defaultValue = "300",
                description = "timed rounds at one client; at eight, eight times as many requests (default"
                        + " ${DEFAULT-VALUE})")
        int rounds;

        @Option(
                names = "--warm-up",
                defaultValue = "200",
                description = "rounds of every query, on both, before any is timed (default ${DEFAULT-VALUE})")
        int warmUp;

        @Option(
                names = "--clients",
                defaultValue = "8",
                description = "clients for throughput (default ${DEFAULT-VALUE})")
        int clients;

        @Option(
                names = "--mode",
                defaultValue = "demo",
                description = "how caselink signs in: demo (HTTP Basic, as shipped) or jwt (bearer tokens of a key"
                        + " pair made for the run); the jwt report goes to benchmarks/peer-jwt unless --report says"
                        + " otherwise (default ${DEFAULT-VALUE})")
        String mode;

        @Option(
                names = "--work-dir",
                defaultValue = "target/benchmark/peer",
                description = "where the npm packages and the database go (default ${DEFAULT-VALUE})")
        Path workDir;

        @Option(
                names = "--report",
                defaultValue = "benchmarks/peer",
                description = "report path without extension: .md and .json are written; the committed report is"
                        + " benchmarks/peer (default ${DEFAULT-VALUE})")
        String report;

        @Override
        public Integer call() throws Exception {
            if (rounds < 1 || warmUp < 0 || clients < 1) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--rounds and --clients must be at least 1, --warm-up at least 0");
            }
            if (!mode.equals("demo") && !mode.equals("jwt")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--mode is demo or jwt");
            }
            String to = mode.equals("jwt") && report.equals("benchmarks/peer") ? "benchmarks/peer-jwt" : report;
            var result =
                    new PeerBenchmark(out(), Contexts::service).run(peerDir, workDir, mode, rounds, warmUp, clients);
            PeerBenchmark.write(out(), result, Path.of(to + ".md"), Path.of(to + ".json"));
            return 0;
        }
    }
}
