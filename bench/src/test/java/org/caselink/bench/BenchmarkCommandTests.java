package org.caselink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingest benchmark at a tiny scale: it imports through the real pipeline, writes the same graph
 * again as its floor (it checks the counts itself), and reports figures that agree with each other.
 * The figures themselves are not judged here: speed is for the benchmark to print, not for a test.
 */
@org.caselink.Slow
class BenchmarkCommandTests {

    @TempDir
    Path dir;

    @Test
    void ingestBenchmarkImportsTheFloorAndWritesAConsistentReport() throws Exception {
        Path report = dir.resolve("report/ingest");
        String out = benchmark(
                "benchmark",
                "ingest",
                "--records",
                "400",
                "--seed",
                "5",
                "--naive-records",
                "30",
                "--work-dir",
                dir.resolve("work").toString(),
                "--report",
                report.toString());

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(Path.of(report + ".json")));
        long records = json.get("records").asLong();
        assertThat(records).isGreaterThanOrEqualTo(400);
        assertThat(json.get("rejected").asLong()).isZero();
        // Every case record has a case node and every ad record an ad node, so the graph is larger than the input.
        assertThat(json.get("nodes").asLong()).isGreaterThan(records);
        assertThat(json.get("relationships").asLong()).isGreaterThan(records);
        double importSeconds = json.get("importSeconds").asDouble();
        double floorSeconds = json.get("floorSeconds").asDouble();
        assertThat(importSeconds).isPositive();
        assertThat(floorSeconds).isPositive();
        assertThat(json.get("recordsPerSecond").asDouble())
                .isCloseTo(records / importSeconds, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(json.get("ratioToFloor").asDouble())
                .isCloseTo(importSeconds / floorSeconds, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(json.get("machine").get("cores").asInt())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        // The naive floor saved the first 30 records, one entity per call, and the ratio is the pipeline's over it.
        assertThat(json.get("naiveRecords").asInt()).isEqualTo(30);
        double naivePerSecond = json.get("naiveRecordsPerSecond").asDouble();
        assertThat(naivePerSecond)
                .isCloseTo(
                        30 / json.get("naiveSeconds").asDouble(), org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(json.get("pipelineOverNaive").asDouble())
                .isCloseTo(
                        json.get("recordsPerSecond").asDouble() / naivePerSecond,
                        org.assertj.core.data.Percentage.withPercentage(2));
        // Without --analyse nothing runs after the import, whose own derivation is in its time:
        // records, then every step of the derivation, within the import's wall time.
        assertThat(json.get("analysis").isEmpty()).isTrue();
        JsonNode phases = json.get("phases");
        assertThat(phases.get("parsingSeconds").asDouble()).isPositive();
        assertThat(phases.get("writingSeconds").asDouble()).isPositive();
        // Extraction is part of parsing: 200 ads, each text read for phones and emails.
        assertThat(phases.get("extractingSeconds").asDouble())
                .isPositive()
                .isLessThanOrEqualTo(phases.get("parsingSeconds").asDouble());
        assertThat(List.copyOf(phases.get("derivedStepsMs").propertyNames()))
                .containsExactly("near-duplicates", "identity proposals", "networks", "key players", "case links");
        assertThat(phases.get("recordsSeconds").asDouble()
                        + phases.get("derivedSeconds").asDouble())
                .isLessThanOrEqualTo(importSeconds + 0.01);
        // The floor keeps only the indexes of uniqueness constraints.
        assertThat(json.get("floorIndexesDropped").asInt()).isPositive();
        // The bulk path ran on the same file, wrote the same graph (case links by digest), and its
        // rate is over its own time, its records' part and its derivation inside it.
        JsonNode bulk = json.get("bulk");
        assertThat(bulk.get("sameGraphAsOnline").asString()).startsWith("yes");
        double bulkSeconds = bulk.get("seconds").asDouble();
        assertThat(bulk.get("recordsPerSecond").asDouble())
                .isCloseTo(records / bulkSeconds, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(bulk.get("offlineImporterSeconds").asDouble()).isPositive();
        assertThat(bulk.get("recordsSeconds").asDouble()
                        + bulk.get("derivedSeconds").asDouble())
                .isLessThanOrEqualTo(bulkSeconds + 0.01);
        assertThat(bulk.get("peakHeapBytes").asLong()).isPositive();

        String markdown = Files.readString(Path.of(report + ".md"));
        assertThat(markdown)
                .contains("# Ingest benchmark")
                .contains(String.format(java.util.Locale.ROOT, "%,d (0)", records))
                .contains("Pipeline / floor")
                .contains("uniqueness constraints only")
                .contains("- case links")
                .contains("Bulk records per second");
        assertThat(out).contains("Floor: the same").contains("Report: ");
    }

    @Test
    void analysisBenchmarkDetectsNetworksAndTimesEveryOperation() throws Exception {
        Path report = dir.resolve("report/analysis");
        benchmark(
                "benchmark",
                "analysis",
                "--records",
                "400",
                "--seed",
                "5",
                "--samples",
                "5",
                "--work-dir",
                dir.resolve("work").toString(),
                "--report",
                report.toString());

        JsonNode result = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Path.of(report + ".json")))
                .get("result");
        assertThat(result.get("networks").asLong()).isPositive();
        assertThat(result.get("caseLinks").asLong()).isPositive();
        double seconds = result.get("networkSeconds").asDouble();
        long phases = 0;
        for (String phase : List.of("detectionMs", "writingMs", "centralityMs", "caseLinksMs")) {
            phases += result.get("networkTimings").get(phase).asLong();
        }
        // The phases are the refresh; the refresh is most of the mutation that ran it.
        assertThat(phases / 1000.0).isLessThanOrEqualTo(seconds);
        assertThat(result.get("latencies")).hasSize(3);
        result.get("latencies").forEach(l -> assertThat(l.get("runs").asInt()).isEqualTo(5));
        assertThat(Files.readString(Path.of(report + ".md")))
                .contains("# Link-analysis benchmark")
                .contains("centrality")
                .contains("linkedCases");
    }

    /**
     * The load benchmark at a tiny scale (8 clients, 3 intervals of 3 s): no request failed, every
     * read and both writes were sent, the intervals add up to the whole, the backup halfway paused
     * writes and is marked, and the heap was read after each interval.
     */
    @Test
    void loadBenchmarkSendsMixedReadsAndWritesWithoutErrorsAndReportsEachInterval() throws Exception {
        Path report = dir.resolve("report/load");
        benchmark(
                "benchmark",
                "load",
                "--records",
                "400",
                "--seed",
                "5",
                "--clients",
                "8",
                "--duration",
                "9s",
                "--interval",
                "3s",
                "--warm-up",
                "2s",
                "--write-share",
                "0.3",
                "--work-dir",
                dir.resolve("work").toString(),
                "--report",
                report.toString());

        JsonNode result = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Path.of(report + ".json")))
                .get("result");
        assertThat(result.get("errors").asLong())
                .as(result.get("firstErrors").toString())
                .isZero();
        long requests = result.get("requests").asLong();
        assertThat(requests).isPositive();
        JsonNode intervals = result.get("intervals");
        assertThat(intervals).hasSize(3);
        long sum = 0;
        long writes = 0;
        for (JsonNode i : intervals) {
            sum += i.get("requests").asLong();
            writes += i.get("writes").asLong();
            assertThat(i.get("heapAfterGcMiB").asLong()).isPositive();
        }
        assertThat(sum).isEqualTo(requests);
        assertThat(writes).isPositive().isLessThan(requests);
        assertThat(intervals.get(1).get("backupInIt").asBoolean()).isTrue();
        assertThat(result.get("backupPauseMillis").asLong()).isNotNegative();
        assertThat(result.get("byOperation").properties().stream().map(java.util.Map.Entry::getKey))
                .contains("createCase", "updateCase", "linkedCases", "search", "case by number, 3 levels");
        assertThat(Files.readString(Path.of(report + ".md")))
                .contains("# Load benchmark")
                .contains("2 (backup)");
    }

    /**
     * The suite at one tiny scale, each step in a JVM of its own as on a real run: the import with
     * both floors and network detection, then the service measured over HTTP. Checks that the
     * figures agree with each other and that every operation, level and target is reported.
     */
    @Test
    void suiteImportsServesAndReportsEveryOperationAtEveryLevel() throws Exception {
        Path report = dir.resolve("report/suite");
        Path work = dir.resolve("suite");
        benchmark(
                "benchmark",
                "suite",
                "--scales",
                "1k",
                "--samples",
                "6",
                "--requests",
                "12",
                "--warm-up",
                "12",
                "--naive-records",
                "10",
                "--ingest-heap",
                "1g",
                "--service-heap",
                "1g",
                "--work-dir",
                work.toString(),
                "--report",
                report.toString());

        JsonNode suite = JsonMapper.builder().build().readTree(Files.readString(Path.of(report + ".json")));
        JsonNode scale = suite.get("scales").get(0);
        assertThat(scale.get("scale").asString()).isEqualTo("1k");
        assertThat(scale.get("records").asInt()).isEqualTo(435);
        JsonNode ingest = scale.get("ingest");
        assertThat(ingest.get("naiveRecords").asInt()).isEqualTo(10);
        assertThat(ingest.get("analysis").get("caseLinks").asLong()).isPositive();
        JsonNode http = scale.get("http").get("result");
        // The service served the graph the import wrote, networks included (the import derives
        // them), with the case links the analysis found.
        assertThat(ingest.get("analysis").get("networks").asLong()).isPositive();
        assertThat(http.get("nodes").asLong()).isEqualTo(ingest.get("nodes").asLong());
        assertThat(http.get("caseLinks").asLong())
                .isEqualTo(ingest.get("analysis").get("caseLinks").asLong());
        JsonNode ops = http.get("operations");
        assertThat(ops).hasSize(6);
        for (JsonNode op : ops) {
            assertThat(op.get("levels")).hasSize(3);
            List<Integer> clients = new java.util.ArrayList<>();
            op.get("levels").forEach(l -> {
                clients.add(l.get("clients").asInt());
                assertThat(l.get("latency").get("runs").asInt()).isEqualTo(12);
                assertThat(l.get("latency").get("medianMs").asDouble())
                        .isPositive()
                        .isLessThanOrEqualTo(l.get("latency").get("p95Ms").asDouble());
                assertThat(l.get("requestsPerSecond").asDouble()).isPositive();
                assertThat(l.get("cpuMsPerRequest").get("web").asDouble()).isPositive();
            });
            assertThat(clients).containsExactly(1, 8, 32);
            // Every operation reads the database, and its floor replays those very statements.
            assertThat(op.get("statementsMin").asInt()).isPositive();
            assertThat(op.get("floor").get("runs").asInt()).isEqualTo(12);
            assertThat(op.get("ratio").asDouble())
                    .isCloseTo(
                            op.get("levels")
                                            .get(0)
                                            .get("latency")
                                            .get("medianMs")
                                            .asDouble()
                                    / op.get("floor").get("medianMs").asDouble(),
                            org.assertj.core.data.Percentage.withPercentage(1));
        }
        assertThat(http.get("peakResidentMiB").asLong())
                .isGreaterThanOrEqualTo(http.get("residentMiB").asLong());
        assertThat(http.get("residentMiB").asLong()).isPositive();
        // Every target of the issue is judged: 4 figures, 6 ratios, 6 statement counts, memory.
        assertThat(suite.get("targets")).hasSize(17);

        // Resumed, the suite keeps both finished steps of the scale and reports the same figures.
        String resumed = benchmark(
                "benchmark",
                "suite",
                "--scales",
                "1k",
                "--resume",
                "--work-dir",
                work.toString(),
                "--report",
                dir.resolve("report/resumed").toString());
        assertThat(resumed)
                .contains("Keeping the import and its report")
                .contains("Keeping the service's measurement")
                .doesNotContain("Importing through the pipeline");
        JsonNode again = JsonMapper.builder()
                .build()
                .readTree(Files.readString(dir.resolve("report/resumed.json")))
                .get("scales")
                .get(0);
        assertThat(again.get("http")).isEqualTo(scale.get("http"));
        assertThat(again.get("minutes").asDouble())
                .isEqualTo(scale.get("minutes").asDouble())
                .isPositive();

        String md = Files.readString(Path.of(report + ".md"));
        assertThat(md)
                .contains("# caselink benchmark suite")
                .contains("| Figure | 1k |")
                .contains("case lookups/s at 8 clients")
                .contains("## 1k")
                .contains("Pipeline / floor")
                .contains("GraphQL / floor");
    }

    /**
     * The bad-input benchmark at 12 MB: what it planted is what the file holds (counted here, line
     * by line), and the service's answer agrees with it, or the command exits 1.
     */
    @Test
    void badInputBenchmarkCountsWhatItPlanted() throws Exception {
        Path file = dir.resolve("planted.jsonl");
        var planted = BadInputBenchmark.write(file, 12_000_000, 5);
        long lines;
        long good;
        try (var all = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            lines = all.count();
        }
        try (var all = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            good = all.filter(l -> l.contains("\"BAD-INPUT-")).count();
        }
        assertThat(planted.records()).isEqualTo(lines);
        assertThat(planted.good()).isEqualTo(good).isPositive();
        assertThat(planted.bytes()).isEqualTo(Files.size(file)).isGreaterThanOrEqualTo(12_000_000);

        Path report = dir.resolve("report/bad-input");
        String out = benchmark(
                "benchmark",
                "bad-input",
                "--megabytes",
                "12",
                "--work-dir",
                dir.resolve("work").toString(),
                "--report",
                report.toString());
        JsonNode run = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Path.of(report + ".json")))
                .get("runs")
                .get(0);
        assertThat(run.get("imported").asLong())
                .isEqualTo(run.get("planted").get("good").asLong());
        assertThat(run.get("rejected").asLong())
                .isEqualTo(run.get("planted").get("bad").asLong());
        assertThat(run.get("otherFailures").asInt()).isZero();
        assertThat(out).contains("| 12 MB |");
    }

    /** Network detection adds one node per network. */
    /** Runs the command, its output captured; fails unless it exits with 0. Returns the output. */
    /**
     * {@code benchmark peer} end to end against a stand-in for the library's server (the real one
     * needs {@code ../shared/peer}, which a clean clone lacks, and npm): it starts caselink on the
     * demo data, the stand-in under Node, warms both up, times both at one and two clients, times
     * the parts of a request's fixed cost, and writes its report with ratios that agree with its
     * medians. The figures are not judged: a stand-in answers nothing real.
     */
    @Test
    void peerBenchmarkRunsBothSidesAndReports() throws Exception {
        Path peerDir = dir.resolve("stand-in");
        Files.createDirectories(peerDir);
        for (String f : List.of("neo4j-graphql-server.mjs", "typedefs.graphql", "queries.json")) {
            try (var in = getClass().getResourceAsStream("/peer-stand-in/" + f)) {
                Files.copy(java.util.Objects.requireNonNull(in, f), peerDir.resolve(f));
            }
        }
        Path work = dir.resolve("peer-work");
        // Marks the library as installed, so the harness does not ask npm for it.
        for (String pkg : List.of("@neo4j/graphql", "@apollo/server")) {
            Path folder = Files.createDirectories(work.resolve("node/node_modules/" + pkg));
            Files.writeString(folder.resolve("package.json"), "{\"version\": \"stand-in\"}");
        }
        Path report = dir.resolve("report/peer");
        String out = benchmark(
                "benchmark",
                "peer",
                "--peer-dir",
                peerDir.toString(),
                "--work-dir",
                work.toString(),
                "--rounds",
                "5",
                "--warm-up",
                "2",
                "--clients",
                "2",
                "--report",
                report.toString());

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(Path.of(report + ".json")));
        assertThat(json.get("peer").asString()).contains("stand-in");
        List<String> queries = new java.util.ArrayList<>();
        for (JsonNode row : json.get("rows")) {
            queries.add(row.get("query").asString());
            double ours = row.get("ours").get("medianMs").asDouble();
            double peer = row.get("peer").get("medianMs").asDouble();
            assertThat(row.get("ours").get("runs").asInt()).isEqualTo(5);
            assertThat(ours).isPositive();
            assertThat(peer).isPositive();
            assertThat(row.get("ratio").asDouble())
                    .isCloseTo(ours / peer, org.assertj.core.data.Percentage.withPercentage(0.1));
            assertThat(row.get("clients").asInt()).isEqualTo(2);
            assertThat(row.get("throughputRatio").asDouble())
                    .isCloseTo(
                            row.get("oursPerSecond").asDouble()
                                    / row.get("peerPerSecond").asDouble(),
                            org.assertj.core.data.Percentage.withPercentage(0.1));
        }
        assertThat(queries)
                .containsExactly(
                        "{ __typename } (the fixed cost of a request)",
                        "caseTwoFields (a case by number, two fields)",
                        "phoneAds");
        assertThat(Files.readString(Path.of(report + ".md")))
                .contains("| Query | caselink p50 ms | peer p50 ms | ratio")
                .contains("audit record, one writer");
        assertThat(out).contains("peer ready");
    }

    private static String benchmark(String... args) {
        var buffer = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int exit = BenchCli.run(new java.io.PrintWriter(buffer, true), new java.io.PrintWriter(err, true), args);
        String out = buffer.toString();
        assertThat(exit).as(out + err).isZero();
        return out;
    }
}
