package org.caselink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.caselink.bench.SuiteBenchmark.Options;
import tools.jackson.databind.JsonNode;

/**
 * What the {@link SuiteBenchmark} makes of its steps' reports: the issue's targets judged at the
 * largest scale, and the Markdown report that puts the scales side by side, then each scale's own
 * ingest and HTTP reports. Apart from running the steps: it only reads their JSON and Markdown.
 */
final class SuiteReport {

    private SuiteReport() {}

    /** The issue's targets, judged on one scale's figures (the largest run). */
    static List<Map<String, Object>> targets(JsonNode scale) {
        JsonNode ops = scale.get("http").get("result").get("operations");
        List<Map<String, Object>> t = new ArrayList<>();
        t.add(target("median case lookup (ms, 1 client)", median(ops, 0), "< 15", median(ops, 0) < 15));
        t.add(target("median 2-hop neighbourhood (ms, 1 client)", median(ops, 2), "< 15", median(ops, 2) < 15));
        t.add(target("median linkedCases (ms, 1 client)", median(ops, 4), "< 100", median(ops, 4) < 100));
        double rps = atClients(ops.get(0), 8).get("requestsPerSecond").asDouble();
        t.add(target("case lookups per second at 8 clients", rps, ">= 1,000", rps >= 1000));
        for (JsonNode op : ops) {
            double ratio = op.get("ratio").asDouble();
            t.add(target("GraphQL / bare Cypher, " + op.get("operation").asString(), ratio, "<= 1.5", ratio <= 1.5));
        }
        for (JsonNode op : ops) {
            int min = op.get("statementsMin").asInt();
            int max = op.get("statementsMax").asInt();
            t.add(target(
                    "statements per operation, " + op.get("operation").asString() + " (answers of "
                            + op.get("smallestAnswerBytes").asInt() + ".."
                            + op.get("largestAnswerBytes").asInt()
                            + " bytes; the most already at "
                            + op.get("smallestAnswerBytesAtMostStatements").asInt() + ")",
                    min == max ? String.valueOf(min) : min + ".." + max,
                    "the most already taken by an answer half the largest's size or less",
                    !op.get("statementsGrowWithAnswer").asBoolean()));
        }
        double rss = scale.get("http").get("result").get("peakResidentMiB").asDouble();
        t.add(target("service resident memory at peak (MiB)", rss, "< 4,096", rss < 4096));
        return t;
    }

    private static double median(JsonNode ops, int op) {
        return atClients(ops.get(op), 1).get("latency").get("medianMs").asDouble();
    }

    /** An operation's figures at a level of concurrency; fails when it was not measured. */
    private static JsonNode atClients(JsonNode op, int clients) {
        for (JsonNode level : op.get("levels")) {
            if (level.get("clients").asInt() == clients) {
                return level;
            }
        }
        throw new IllegalStateException(
                op.get("operation").asString() + " was not measured at " + clients + " clients");
    }

    private static Map<String, Object> target(String figure, Object value, String target, boolean met) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("figure", figure);
        m.put("value", value instanceof Double d ? Math.round(d * 100) / 100.0 : value);
        m.put("target", target);
        m.put("met", met);
        return m;
    }

    static String markdown(JsonNode out, Options o) throws IOException {
        JsonNode scales = out.get("scales");
        JsonNode machine = out.get("machine");
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                """
                # caselink benchmark suite

                %s; %s cores, %s GiB memory, %s; run %s. Import in a JVM of %s heap, the service in a
                JVM of %s heap (`-Xmx`), one after the other; the load generator runs in the service's JVM.

                """,
                machine.get("os").asString(),
                machine.get("cores").asString(),
                machine.get("memoryGiB").asString(),
                machine.get("jvm").asString(),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                o.ingestHeap(),
                o.serviceHeap()));
        b.append("| Figure |");
        scales.forEach(s -> b.append(' ').append(s.get("scale").asString()).append(" |"));
        b.append("\n|---|");
        scales.forEach(s -> b.append("---:|"));
        b.append('\n');
        row(b, scales, "Nodes", s -> s.get("http").get("result").get("nodes").asDouble(), "%,.0f");
        row(
                b,
                scales,
                "Relationships",
                s -> s.get("http").get("result").get("relationships").asDouble(),
                "%,.0f");
        row(
                b,
                scales,
                "Ingest, records/s",
                s -> s.get("ingest").get("recordsPerSecond").asDouble(),
                "%,.0f");
        row(
                b,
                scales,
                "Ingest / bare `UNWIND ... CREATE`",
                s -> s.get("ingest").get("ratioToFloor").asDouble(),
                "%.2fx");
        row(
                b,
                scales,
                "Naive SDN save loop, records/s",
                s -> s.get("ingest").get("naiveRecordsPerSecond").asDouble(),
                "%,.0f");
        JsonNode first = scales.get(0).get("http").get("result").get("operations");
        for (int i = 0; i < first.size(); i++) {
            int op = i;
            row(
                    b,
                    scales,
                    first.get(i).get("operation").asString() + ", median ms (1 client)",
                    s -> ops(s).get(op)
                            .get("levels")
                            .get(0)
                            .get("latency")
                            .get("medianMs")
                            .asDouble(),
                    "%.2f");
        }
        for (int level = 1; level < first.get(0).get("levels").size(); level++) {
            int l = level;
            row(
                    b,
                    scales,
                    "case lookups/s at "
                            + first.get(0).get("levels").get(l).get("clients").asInt() + " clients",
                    s -> ops(s).get(0)
                            .get("levels")
                            .get(l)
                            .get("requestsPerSecond")
                            .asDouble(),
                    "%,.0f");
        }
        row(
                b,
                scales,
                "Worst GraphQL / bare Cypher",
                s -> {
                    double worst = 0;
                    for (JsonNode op : ops(s)) {
                        worst = Math.max(worst, op.get("ratio").asDouble());
                    }
                    return worst;
                },
                "%.2fx");
        row(
                b,
                scales,
                "Service resident memory at peak, MiB",
                s -> s.get("http").get("result").get("peakResidentMiB").asDouble(),
                "%,.0f");
        b.append(String.format(
                Locale.ROOT,
                "%nTargets, judged at %s:%n%n| Figure | Value | Target | |%n|---|---:|---|---|%n",
                scales.get(scales.size() - 1).get("scale").asString()));
        for (JsonNode t : out.get("targets")) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s |%n",
                    t.get("figure").asString(),
                    t.get("value").asString(),
                    t.get("target").asString(),
                    t.get("met").asBoolean() ? "met" : "**missed**"));
        }
        for (JsonNode s : scales) {
            Path dir = o.workDir().resolve(s.get("scale").asString());
            b.append("\n## ")
                    .append(s.get("scale").asString())
                    .append(" (")
                    .append(s.get("minutes").asString())
                    .append(" minutes)\n");
            for (String part : List.of("ingest.md", "http.md")) {
                Files.readString(dir.resolve(part))
                        .lines()
                        .filter(line -> !line.startsWith("# "))
                        .forEach(line -> b.append(line.startsWith("#") ? "#" + line : line)
                                .append('\n'));
            }
        }
        return b.toString();
    }

    private static JsonNode ops(JsonNode scale) {
        return scale.get("http").get("result").get("operations");
    }

    private static void row(
            StringBuilder b, JsonNode scales, String figure, ToDoubleFunction<JsonNode> value, String format) {
        b.append("| ").append(figure).append(" |");
        scales.forEach(s -> b.append(' ')
                .append(String.format(Locale.ROOT, format, value.applyAsDouble(s)))
                .append(" |"));
        b.append('\n');
    }
}
