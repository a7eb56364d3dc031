package org.caselink.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.caselink.db.Graph;
import org.caselink.generator.Generator;
import org.caselink.ingest.ImportSource;
import org.caselink.ingest.Importer;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.caselink.write.Records.Problem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;

/**
 * Link-analysis latency on a generated graph: imports a generated set into an embedded database
 * of its own (kept between runs of the same size and seed), runs network detection, then times
 * {@code linkedCases}, a 2-hop {@code neighbourhood} and {@code paths} through the GraphQL engine
 * in this JVM (no HTTP: issue 6's suite measures that) for a seeded sample of cases, after a
 * warm-up, and reports median, p95 and p99.
 */
final class AnalysisBenchmark {

    private final Function<String[], ConfigurableApplicationContext> contexts;

    /** Where progress and the report are printed: the command's output. */
    private final PrintWriter console;

    private void say(String format, Object... args) {
        Reports.say(console, format, args);
    }

    AnalysisBenchmark(PrintWriter console, Function<String[], ConfigurableApplicationContext> contexts) {
        this.console = console;
        this.contexts = contexts;
    }

    record Latency(
            String operation, int runs, double medianMs, double p95Ms, double p99Ms, double maxMs, double targetMs) {
        boolean met() {
            return medianMs <= targetMs;
        }
    }

    record Result(
            int records,
            long seed,
            long nodes,
            long relationships,
            double importSeconds,
            double networkSeconds,
            Map<String, Object> networkTimings,
            long networks,
            long caseLinks,
            List<Latency> latencies) {}

    private static final String LINKED = """
            query($c: String!) { linkedCases(caseNumber: $c, maxHops: 6, first: 20) {
              truncated links { score distance case { caseNumber } paths { length steps { type evidence { source } } } } } }
            """;
    private static final String NEIGHBOURHOOD = """
            query($id: ID!) { neighbourhood(id: $id, hops: 2, limit: 200) {
              truncated nodes { id } links { type from to evidence { source recordId } } } }
            """;
    private static final String PATHS = """
            query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 6, limit: 10) {
              truncated paths { length nodes { id } steps { type forward evidence { source recordId } } } } }
            """;

    /** A generated set imported into an embedded database of its own, and how long the import took. */
    record Imported(Path db, double importSeconds) {}

    /**
     * Generates {@code records} records (half cases, half ads) with {@code seed} and imports them
     * into {@code <workDir>/<name>-db-<records>-<seed>}, with the networks refresh {@code afterImport}
     * ({@code false} or {@code inline}); a database of the same name, size and seed is reused.
     */
    static Imported imported(
            PrintWriter console,
            Function<String[], ConfigurableApplicationContext> contexts,
            Path workDir,
            String name,
            int records,
            long seed,
            String afterImport)
            throws IOException {
        Files.createDirectories(workDir);
        Path db = workDir.resolve(name + "-db-" + records + "-" + seed);
        Path marker = db.resolve("caselink-benchmark.done");
        if (Files.exists(marker)) {
            Reports.say(console, "Reusing the database in %s (delete it to import again)", db);
            return new Imported(db, 0);
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(db);
        Path data = workDir.resolve(name + "-" + records + "-" + seed + ".jsonl");
        Reports.say(console, "Generating about %,d records (seed %d) into %s", records, seed, data);
        Generator.write(
                new Generator.Config(records / 2, records - records / 2, seed), data, Path.of(data + ".truth.json"));
        double importSeconds;
        try (var ctx = contexts.apply(new String[] {
            "caselink.embedded.data-dir=" + db, "caselink.analysis.networks.after-import=" + afterImport
        })) {
            Reports.say(console, "Importing...");
            var summary = ctx.getBean(Importer.class).run(List.of(ImportSource.of(data)), new Importer.Listener() {
                @Override
                public void error(Problem problem) {}
            });
            Reports.say(console, "  %s", summary);
            importSeconds = summary.took().toMillis() / 1000.0;
        }
        Files.writeString(marker, Instant.now().toString());
        return new Imported(db, importSeconds);
    }

    Result run(int records, long seed, int samples, boolean networksToo, Path workDir) throws IOException {
        Imported imported = imported(console, contexts, workDir, "analysis", records, seed, "false");
        Path db = imported.db();
        double importSeconds = imported.importSeconds();
        try (var ctx = contexts.apply(
                new String[] {"caselink.embedded.data-dir=" + db, "caselink.analysis.networks.after-import=false"})) {
            Graph graph = ctx.getBean(Graph.class);
            var gql = ctx.getBean(ExecutionGraphQlService.class);
            long nodes = count(graph, "MATCH (n) RETURN count(n) AS n");
            long rels = count(graph, "MATCH ()-[r]->() RETURN count(r) AS n");
            say("Graph: %,d nodes, %,d relationships", nodes, rels);

            double networkSeconds = -1;
            Map<String, Object> networkTimings = Map.of();
            if (networksToo) {
                say("Network detection and case links over the whole graph...");
                long start = System.nanoTime();
                var refresh = execute(
                        gql,
                        "mutation { refreshNetworks { networks members caseLinks tookMs"
                                + " timings { detectionMs writingMs centralityMs caseLinksMs } } }",
                        Map.of());
                networkSeconds = (System.nanoTime() - start) / 1e9;
                say("  %s in %.1f s", refresh.get("refreshNetworks"), networkSeconds);
                @SuppressWarnings("unchecked")
                var timings =
                        (Map<String, Object>) ((Map<String, Object>) refresh.get("refreshNetworks")).get("timings");
                networkTimings = timings;
            }
            long networks = count(graph, "MATCH (n:Network) RETURN count(n) AS n");
            long caseLinks = count(graph, "MATCH (:Case)-[l:CASE_LINK]->(:Case) RETURN count(l) AS n");

            List<String> cases = new ArrayList<>(graph.read(
                    "MATCH (c:Case) RETURN c.caseNumber AS c ORDER BY c",
                    Map.of(),
                    r -> r.get("c").asString()));
            Random random = new Random(seed);
            Collections.shuffle(cases, random);
            List<String> sample = cases.subList(0, Math.min(samples, cases.size()));
            // Path pairs: half between linked cases (a path exists), half between random cases.
            List<String[]> pairs = new ArrayList<>();
            List<String[]> linked = new ArrayList<>(graph.read(
                    "MATCH (a:Case)-[:CASE_LINK]->(b:Case) RETURN a.caseNumber AS a, b.caseNumber AS b ORDER BY a, b",
                    Map.of(),
                    r -> new String[] {r.get("a").asString(), r.get("b").asString()}));
            Collections.shuffle(linked, random);
            for (int i = 0; i < sample.size(); i++) {
                pairs.add(
                        i % 2 == 0 && i / 2 < linked.size()
                                ? linked.get(i / 2)
                                : new String[] {sample.get(i), cases.get((i * 7919) % cases.size())});
            }

            say("Warming up...");
            for (int i = 0; i < Math.min(30, sample.size()); i++) {
                runAll(gql, sample.get(i), pairs.get(i));
            }
            say("Measuring %d samples of each...", sample.size());
            List<Double> linkedMs = new ArrayList<>();
            List<Double> hoodMs = new ArrayList<>();
            List<Double> pathMs = new ArrayList<>();
            for (int i = 0; i < sample.size(); i++) {
                String c = sample.get(i);
                linkedMs.add(timed(() -> execute(gql, LINKED, Map.of("c", c))));
                hoodMs.add(timed(() -> execute(gql, NEIGHBOURHOOD, Map.of("id", GlobalId.of(EntityType.CASE, c)))));
                String[] p = pairs.get(i);
                pathMs.add(timed(() -> execute(
                        gql,
                        PATHS,
                        Map.of("a", GlobalId.of(EntityType.CASE, p[0]), "b", GlobalId.of(EntityType.CASE, p[1])))));
            }
            return new Result(
                    records,
                    seed,
                    nodes,
                    rels,
                    importSeconds,
                    networkSeconds,
                    networkTimings,
                    networks,
                    caseLinks,
                    List.of(
                            latency("linkedCases (6 hops, 20 links, with paths)", linkedMs, 100),
                            latency("neighbourhood of a case (2 hops, 200 nodes)", hoodMs, 50),
                            latency("paths between two cases (6 hops, 10 paths)", pathMs, 50)));
        }
    }

    private static void runAll(ExecutionGraphQlService gql, String c, String[] p) {
        execute(gql, LINKED, Map.of("c", c));
        execute(gql, NEIGHBOURHOOD, Map.of("id", GlobalId.of(EntityType.CASE, c)));
        execute(gql, PATHS, Map.of("a", GlobalId.of(EntityType.CASE, p[0]), "b", GlobalId.of(EntityType.CASE, p[1])));
    }

    /**
     * The benchmark's own identity for GraphQL run in this JVM: an analyst (reads, and the network
     * refresh), so that the access checks and the audit trail run as they do for a client.
     */
    static final org.springframework.security.core.Authentication BENCHMARK =
            org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                    "benchmark",
                    "n/a",
                    java.util.List.of(
                            new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ANALYST")));

    /** Runs one GraphQL document in this JVM (no HTTP), as {@link #BENCHMARK}; fails on any error. */
    static Map<String, Object> execute(ExecutionGraphQlService gql, String document, Map<String, Object> vars) {
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(BENCHMARK);
        var response = gql.execute(new DefaultExecutionGraphQlRequest(
                        document, null, vars, Map.of(), UUID.randomUUID().toString(), Locale.ROOT))
                .block();
        if (response == null || !response.isValid() || !response.getErrors().isEmpty()) {
            throw new IllegalStateException(
                    "GraphQL failed: " + (response == null ? "no response" : response.getErrors()));
        }
        return response.getData();
    }

    private static double timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static Latency latency(String op, List<Double> ms, double target) {
        var s = Reports.Spread.of(ms);
        return new Latency(op, s.runs(), s.medianMs(), s.p95Ms(), s.p99Ms(), s.maxMs(), target);
    }

    /** The one number a counting statement returns as {@code n}. */
    static long count(Graph graph, String cypher) {
        return graph.read(cypher, Map.of(), r -> r.get("n").asLong()).getFirst();
    }

    static void write(PrintWriter console, Result r, Path markdown, Path json) throws IOException {
        Map<String, Object> machine = Reports.machine();
        StringBuilder rows = new StringBuilder();
        for (Latency l : r.latencies()) {
            rows.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.1f | %.1f | %.1f | < %.0f | %s |%n",
                    l.operation(),
                    l.runs(),
                    l.medianMs(),
                    l.p95Ms(),
                    l.p99Ms(),
                    l.maxMs(),
                    l.targetMs(),
                    l.met() ? "met" : "**missed**"));
        }
        String md = String.format(
                Locale.ROOT,
                """
                # Link-analysis benchmark

                %s; %s cores, %s GiB memory, %s; run %s.

                Graph: %,d records generated (seed %d), %,d nodes, %,d relationships%s.
                Network detection and case links over the whole graph: %s (%,d networks, %,d case links).

                Latency in ms through the GraphQL engine in the same JVM (no HTTP), one client, after a warm-up:

                | Operation | Runs | Median | p95 | p99 | Max | Target (median) | |
                |---|---:|---:|---:|---:|---:|---:|---|
                %s""",
                machine.get("os"),
                machine.get("cores"),
                machine.get("memoryGiB"),
                machine.get("jvm"),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                r.records(),
                r.seed(),
                r.nodes(),
                r.relationships(),
                r.importSeconds() > 0 ? String.format(Locale.ROOT, ", imported in %.1f s", r.importSeconds()) : "",
                r.networkSeconds() < 0
                        ? "not run (--skip-networks)"
                        : String.format(
                                Locale.ROOT,
                                "%.1f s (detection %s ms, writing %s ms, centrality %s ms, case links %s ms)",
                                r.networkSeconds(),
                                r.networkTimings().get("detectionMs"),
                                r.networkTimings().get("writingMs"),
                                r.networkTimings().get("centralityMs"),
                                r.networkTimings().get("caseLinksMs")),
                r.networks(),
                r.caseLinks(),
                rows);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "analysis");
        out.put("machine", machine);
        out.put("result", r);
        Reports.publish(console, md, out, markdown, json);
    }
}
