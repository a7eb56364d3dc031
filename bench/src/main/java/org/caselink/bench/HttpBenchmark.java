package org.caselink.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.caselink.bench.GraphQlRequests.Client;
import org.caselink.bench.GraphQlRequests.Op;
import org.caselink.db.Graph;
import org.caselink.db.StatementListener;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * GraphQL over HTTP against the real service, started in this JVM on a database that is already
 * imported (and, for {@code linkedCases}, analysed). For each operation: latency at 1, 8 and 32
 * concurrent clients, throughput, the Cypher statements it ran, and its floor: those very
 * statements, with the same parameters, replayed through the bare Neo4j driver in this JVM, every
 * record read. The ratio (GraphQL end to end / floor) is what HTTP, GraphQL, JSON and caselink's
 * own code add to Neo4j's work. Ends with the process's resident memory. The operations and the
 * client are {@link GraphQlRequests}; {@link HttpReport} writes the report.
 */
final class HttpBenchmark {

    /**
     * One operation at one level of concurrency; {@code cpuMsPerRequest} is the CPU time this JVM's
     * threads spent per request, by what they are (Neo4j, the driver, the web server and GraphQL,
     * the load generator): where the time goes, measured, not guessed.
     */
    record Level(int clients, Reports.Spread latency, double requestsPerSecond, Map<String, Double> cpuMsPerRequest) {}

    /** What was measured for one operation. */
    record OpResult(
            String operation,
            List<Level> levels,
            Reports.Spread floor,
            double ratio,
            int statementsMin,
            int statementsMax,
            int smallestAnswerBytes,
            int largestAnswerBytes,
            int smallestAnswerBytesAtMostStatements,
            boolean statementsGrowWithAnswer) {

        Level at(int clients) {
            return levels.stream()
                    .filter(l -> l.clients() == clients)
                    .findFirst()
                    .orElseThrow();
        }
    }

    record Result(
            long nodes,
            long relationships,
            long cases,
            long caseLinks,
            int requests,
            List<OpResult> operations,
            long residentMiB,
            long peakResidentMiB,
            long maxHeapMiB) {}

    private final java.util.function.BiFunction<List<?>, String[], ConfigurableApplicationContext> services;

    /** Hands each read the service runs to the list it is given, while one is: see {@link #measure}. */
    private final Recorder recorder = new Recorder();

    /** Where progress and the report are printed: the command's output. */
    private final PrintWriter console;

    private void say(String format, Object... args) {
        Reports.say(console, format, args);
    }

    HttpBenchmark(
            PrintWriter console,
            java.util.function.BiFunction<List<?>, String[], ConfigurableApplicationContext> services) {
        this.console = console;
        this.services = services;
    }

    /** The service's reads, recorded while a list is open: the statements one GraphQL operation ran. */
    static final class Recorder implements StatementListener {
        private volatile List<StatementListener.Statement> into;

        @Override
        public void ran(StatementListener.Statement statement, long nanos) {
            var list = into;
            if (list != null && !statement.write()) {
                list.add(statement);
            }
        }

        /** Records every read from now until the handle is closed; one recording at a time. */
        AutoCloseable into(List<StatementListener.Statement> list) {
            into = list;
            return () -> into = null;
        }
    }

    /**
     * {@code warmUp}: requests per operation before anything is timed, sent by 8 clients. The JIT
     * compiles a hot method after about 10,000 calls; a few hundred requests left the web and
     * GraphQL layers half-compiled, at about 1.5 times the CPU per request.
     */
    Result run(Path dataDir, int samples, int requests, int warmUp, List<Integer> clients, long seed, List<String> only)
            throws Exception {
        try (var ctx = services.apply(List.of(recorder), new String[] {
                    "caselink.embedded.data-dir=" + dataDir,
                    "caselink.analysis.networks.after-import=false",
                    "caselink.analysis.watches.background=false",
                    // The load is the benchmark's own clients from one address, far above a person's rate.
                    "caselink.api.rate-limit.enabled=false"
                });
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build()) {
            URI uri = URI.create(
                    "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port") + "/graphql");
            Graph graph = ctx.getBean(Graph.class);
            Driver driver = ctx.getBean(Driver.class);
            SessionConfig session = SessionConfig.builder()
                    .withDatabase(ctx.getEnvironment().getProperty("caselink.neo4j.database", "neo4j"))
                    .withDefaultAccessMode(org.neo4j.driver.AccessMode.READ)
                    .build();
            long nodes = AnalysisBenchmark.count(
                    graph,
                    "MATCH (n) WHERE NOT n:__Migration AND NOT n:__IdKey AND NOT n:AuditEvent AND NOT n:AuditHead RETURN count(n) AS n");
            long rels = AnalysisBenchmark.count(graph, "MATCH ()-[r]->() RETURN count(r) AS n");
            long cases = AnalysisBenchmark.count(graph, "MATCH (c:Case) RETURN count(c) AS n");
            long links = AnalysisBenchmark.count(graph, "MATCH (:Case)-[l:CASE_LINK]->(:Case) RETURN count(l) AS n");
            say(
                    "Graph: %,d nodes, %,d relationships, %,d cases, %,d case links; service at %s",
                    nodes, rels, cases, links, uri);
            if (links == 0) {
                say("  No case links: linkedCases will find none (run refreshNetworks first to measure it fully).");
            }
            List<Op> ops = GraphQlRequests.operations(graph, samples, new Random(seed)).stream()
                    .filter(op -> only.isEmpty() || only.stream().anyMatch(op.name()::startsWith))
                    .toList();
            Client client = new Client(http, uri);

            say("Checking every answer, then warming up (%,d requests of each operation)...", warmUp);
            for (Op op : ops) {
                op.samples().forEach(v -> client.check(op, v));
            }
            for (Op op : ops) {
                level(op, client, 8, warmUp);
            }
            List<OpResult> results = new ArrayList<>();
            for (Op op : ops) {
                results.add(measure(op, client, graph, driver, session, requests, clients));
            }
            long[] rss = Reports.residentMiB();
            say(
                    "Resident memory of this JVM (service and load generator): %,d MiB now, %,d MiB at peak",
                    rss[0], rss[1]);
            return new Result(
                    nodes,
                    rels,
                    cases,
                    links,
                    requests,
                    results,
                    rss[0],
                    rss[1],
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    private OpResult measure(
            Op op,
            Client client,
            Graph graph,
            Driver driver,
            SessionConfig session,
            int requests,
            List<Integer> clients)
            throws Exception {
        say("%s:", op.name());
        // One client, each sample once, with its statements recorded: the statement count and the floor.
        List<List<StatementListener.Statement>> statements = new ArrayList<>();
        List<int[]> sizes = new ArrayList<>();
        for (Map<String, Object> v : op.samples()) {
            List<StatementListener.Statement> ran = Collections.synchronizedList(new ArrayList<>());
            int bytes;
            try (var recording = recorder.into(ran)) {
                bytes = client.check(op, v).length();
            }
            statements.add(List.copyOf(ran));
            sizes.add(new int[] {bytes, ran.size()});
        }
        sizes.sort(java.util.Comparator.comparingInt(a -> a[0]));
        int smallest = sizes.getFirst()[0];
        int largest = sizes.getLast()[0];
        int smallestAtMost = smallestAtMostStatements(sizes);
        boolean grows = statementsGrow(sizes);
        List<Double> floor = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            List<StatementListener.Statement> ran = statements.get(i % statements.size());
            long start = System.nanoTime();
            // The least the driver can do: one session, each statement in an auto-commit transaction.
            try (var s = driver.session(session)) {
                for (StatementListener.Statement st : ran) {
                    s.run(st.cypher(), st.params()).list();
                }
            }
            floor.add((System.nanoTime() - start) / 1e6);
        }
        List<Level> levels = new ArrayList<>();
        for (int c : clients) {
            levels.add(level(op, client, c, requests));
        }
        var floorSpread = Reports.Spread.of(floor);
        IntSummary counts = IntSummary.of(statements.stream().map(List::size).toList());
        var result = new OpResult(
                op.name(),
                levels,
                floorSpread,
                levels.getFirst().latency().medianMs() / floorSpread.medianMs(),
                counts.min(),
                counts.max(),
                smallest,
                largest,
                smallestAtMost,
                grows);
        for (Level l : levels) {
            say(
                    "  %2d clients: median %.2f ms, p95 %.2f, p99 %.2f; %,.0f requests/s",
                    l.clients(),
                    l.latency().medianMs(),
                    l.latency().p95Ms(),
                    l.latency().p99Ms(),
                    l.requestsPerSecond());
        }
        say(
                "  floor (bare driver, same statements): median %.2f ms; ratio %.2f; statements %d..%d for answers"
                        + " of %,d..%,d bytes (the most already at %,d bytes)",
                floorSpread.medianMs(), result.ratio(), counts.min(), counts.max(), smallest, largest, smallestAtMost);
        return result;
    }

    /** The smallest answer (bytes) among those that took the most statements; {@code sizes} holds (bytes, statements). */
    static int smallestAtMostStatements(List<int[]> sizes) {
        int most = sizes.stream().mapToInt(a -> a[1]).max().orElse(0);
        return sizes.stream()
                .filter(a -> a[1] == most)
                .mapToInt(a -> a[0])
                .min()
                .orElse(0);
    }

    /**
     * Whether statements grow with the answer, as N+1 loading does: then the most statements are
     * only reached by the largest answers. A count that depends only on whether a nested field had
     * anything to load (a case with or without children) is reached by small answers too: so the
     * most statements any answer took must already be taken by one at most half the largest's size.
     */
    static boolean statementsGrow(List<int[]> sizes) {
        int most = sizes.stream().mapToInt(a -> a[1]).max().orElse(0);
        int largest = sizes.stream().mapToInt(a -> a[0]).max().orElse(0);
        return sizes.stream().anyMatch(a -> a[1] != most) && 2L * smallestAtMostStatements(sizes) > largest;
    }

    private record IntSummary(int min, int max) {
        static IntSummary of(List<Integer> values) {
            return new IntSummary(Collections.min(values), Collections.max(values));
        }
    }

    /** {@code requests} requests shared by {@code clients} threads, each sending its next one when the last is answered. */
    private static Level level(Op op, Client client, int clients, int requests) throws Exception {
        double[] ms = new double[requests];
        AtomicInteger next = new AtomicInteger();
        Map<Long, String[]> cpuBefore = threadCpu();
        Map<Long, String[]> cpuAfter;
        long start = System.nanoTime();
        AtomicInteger threads = new AtomicInteger();
        try (ExecutorService pool =
                Executors.newFixedThreadPool(clients, r -> new Thread(r, "load-" + threads.incrementAndGet()))) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        var v = op.samples().get(i % op.samples().size());
                        long t0 = System.nanoTime();
                        client.send(op, v);
                        ms[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            // Read while the load threads live: a thread that has ended no longer reports its CPU time.
            cpuAfter = threadCpu();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> all = new ArrayList<>(requests);
        for (double m : ms) {
            all.add(m);
        }
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String group : List.of("neo4j", "driver", "web", "load", "other")) {
            cpu.put(group, 0.0);
        }
        cpuAfter.forEach((id, after) -> {
            long was = cpuBefore.containsKey(id) ? Long.parseLong(cpuBefore.get(id)[1]) : 0;
            cpu.merge(group(after[0]), (Long.parseLong(after[1]) - was) / 1e6 / requests, Double::sum);
        });
        cpu.replaceAll((k, v) -> Math.round(v * 100) / 100.0);
        return new Level(clients, Reports.Spread.of(all), requests / seconds, cpu);
    }

    /** CPU time of every live thread of this JVM, in ns, with its name. */
    private static Map<Long, String[]> threadCpu() {
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, String[]> out = new java.util.HashMap<>();
        for (var info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info != null) {
                long ns = bean.getThreadCpuTime(info.getThreadId());
                if (ns >= 0) {
                    out.put(info.getThreadId(), new String[] {info.getThreadName(), String.valueOf(ns)});
                }
            }
        }
        return out;
    }

    /** What a thread works for, by its name. */
    static String group(String thread) {
        if (thread.startsWith("neo4j.")) {
            return "neo4j";
        }
        if (thread.startsWith("Neo4jDriverIO")) {
            return "driver";
        }
        if (thread.startsWith("http-nio")) {
            return "web";
        }
        if (thread.startsWith("load-") || thread.startsWith("HttpClient-")) {
            return "load";
        }
        return "other";
    }
}
