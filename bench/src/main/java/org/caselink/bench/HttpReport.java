package org.caselink.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.caselink.bench.HttpBenchmark.Level;
import org.caselink.bench.HttpBenchmark.OpResult;
import org.caselink.bench.HttpBenchmark.Result;

/**
 * The report of one {@link HttpBenchmark} run: a Markdown table with one row per operation and
 * level of concurrency, and the result as JSON. Apart from the measuring, which it only reads.
 */
final class HttpReport {

    private HttpReport() {}

    /** The Markdown table of one run, one row per operation and level of concurrency. */
    static String table(Result r) {
        StringBuilder b = new StringBuilder("""
                | Operation | Clients | Median ms | p95 ms | p99 ms | Requests/s | Floor median ms | GraphQL / floor | Statements | CPU ms per request: Neo4j / driver / web+GraphQL / load generator / other |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---|
                """);
        for (OpResult o : r.operations()) {
            for (Level l : o.levels()) {
                boolean first = l == o.levels().getFirst();
                b.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.2f | %.2f | %.2f | %,.0f | %s | %s | %s | %s |%n",
                        first ? o.operation() : "",
                        l.clients(),
                        l.latency().medianMs(),
                        l.latency().p95Ms(),
                        l.latency().p99Ms(),
                        l.requestsPerSecond(),
                        first ? String.format(Locale.ROOT, "%.2f", o.floor().medianMs()) : "",
                        first ? String.format(Locale.ROOT, "%.2f", o.ratio()) : "",
                        first
                                ? (o.statementsMin() == o.statementsMax()
                                        ? String.valueOf(o.statementsMin())
                                        : o.statementsMin() + "-" + o.statementsMax())
                                : "",
                        String.join(
                                " / ",
                                l.cpuMsPerRequest().values().stream()
                                        .map(v -> String.format(Locale.ROOT, "%.2f", v))
                                        .toList())));
            }
        }
        return b.toString();
    }

    static void write(PrintWriter console, Result r, Path markdown, Path json) throws IOException {
        Map<String, Object> machine = Reports.machine();
        String md = String.format(
                Locale.ROOT,
                """
                # GraphQL over HTTP benchmark

                %s; %s cores, %s GiB memory, %s; run %s.

                Graph: %,d nodes, %,d relationships, %,d cases, %,d case links. %,d requests per operation and
                level of concurrency, after a warm-up. The floor replays, through the bare Neo4j driver in
                the same JVM, the very statements each request ran, with the same parameters, reading every
                record; it runs one request at a time, so the ratio is at the first level of concurrency (one
                client unless `--clients` says otherwise).

                %s
                Resident memory of the JVM (service and load generator): %,d MiB at the end, %,d MiB at peak
                (max heap %,d MiB).
                """,
                machine.get("os"),
                machine.get("cores"),
                machine.get("memoryGiB"),
                machine.get("jvm"),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                r.nodes(),
                r.relationships(),
                r.cases(),
                r.caseLinks(),
                r.requests(),
                table(r),
                r.residentMiB(),
                r.peakResidentMiB(),
                r.maxHeapMiB());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "http");
        out.put("machine", machine);
        out.put("result", r);
        Reports.publish(console, md, out, markdown, json);
    }
}
