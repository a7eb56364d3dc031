package org.caselink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

        String markdown = Files.readString(Path.of(report + ".md"));
        assertThat(markdown)
                .contains("# Ingest benchmark")
                .contains(String.format(java.util.Locale.ROOT, "%,d (0)", records))
                .contains("Pipeline / floor");
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

    /** Runs the command, its output captured; fails unless it exits with 0. Returns the output. */
    private static String benchmark(String... args) {
        PrintStream old = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Cli.run(args);
        } finally {
            System.setOut(old);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        return out;
    }
}
