package org.caselink.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.caselink.db.Graph;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sustained load on the running service: {@code clients} clients, each sending its next request
 * when the last is answered, for {@code duration}, after a warm-up. Mostly the reads of
 * {@link GraphQlRequests}, those the HTTP benchmark times (a case three levels deep, a phone with its ads, a neighbourhood, paths,
 * linkedCases, search), and a share of small writes (a new case, a case's summary changed), as the
 * demo analyst with the rate limit off. Every answer must be 200 without errors. Per interval:
 * throughput, latency and the heap after a full GC; halfway, an administrator takes a backup,
 * which pauses writes (its pause and the interval's latency show what that costs).
 */
final class LoadBenchmark {

    static final String CREATE = """
            mutation($n: String!) { createCase(input: {caseNumber: $n, type: RUNAWAY, reportedAt: "2026-01-01T00:00:00Z",
              agency: "AGENCY-LOAD", state: "VA", summary: "made by the load benchmark"}) { caseNumber } }
            """;
    static final String UPDATE = """
            mutation($c: String!, $s: String!) { updateCase(caseNumber: $c, input: {summary: $s}) { caseNumber status } }
            """;
    private static final String ADMIN =
            "Basic " + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));

    private final Function<String[], ConfigurableApplicationContext> contexts;
    private final Function<String[], ConfigurableApplicationContext> services;

    /** Where progress and the report are printed: the command's output. */
    private final PrintWriter console;

    private void say(String format, Object... args) {
        Reports.say(console, format, args);
    }

    LoadBenchmark(
            PrintWriter console,
            Function<String[], ConfigurableApplicationContext> contexts,
            Function<String[], ConfigurableApplicationContext> services) {
        this.console = console;
        this.contexts = contexts;
        this.services = services;
    }

    record Settings(
            int records,
            long seed,
            int clients,
            Duration duration,
            Duration interval,
            Duration warmUp,
            double writeShare,
            boolean backup) {}

    /** One interval of the measured run. */
    record Interval(
            int index,
            long requests,
            long writes,
            long errors,
            double requestsPerSecond,
            Reports.Spread latency,
            long heapAfterGcMiB,
            boolean backupInIt) {}

    record Result(
            Settings settings,
            long nodes,
            long relationships,
            long cases,
            List<Interval> intervals,
            Reports.Spread overall,
            Map<String, Reports.Spread> byOperation,
            long requests,
            long errors,
            List<String> firstErrors,
            double requestsPerSecond,
            long backupPauseMillis,
            long backupMillis,
            double heapGrowth) {}

    Result run(Path workDir, Settings s) throws Exception {
        var imported = AnalysisBenchmark.imported(console, contexts, workDir, "load", s.records(), s.seed(), "inline");
        try (var ctx = services.apply(new String[] {
                    "caselink.embedded.data-dir=" + imported.db(),
                    // The load is the benchmark's own clients from one address, far above a person's rate.
                    "caselink.api.rate-limit.enabled=false",
                    "caselink.backup.dir=" + workDir.resolve("load-backups")
                });
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build()) {
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            Graph graph = ctx.getBean(Graph.class);
            long nodes = AnalysisBenchmark.count(graph, "MATCH (n) RETURN count(n) AS n");
            long rels = AnalysisBenchmark.count(graph, "MATCH ()-[r]->() RETURN count(r) AS n");
            long cases = AnalysisBenchmark.count(graph, "MATCH (c:Case) RETURN count(c) AS n");
            say("Graph: %,d nodes, %,d relationships, %,d cases; service at %s", nodes, rels, cases, base);
            List<GraphQlRequests.Op> reads = GraphQlRequests.operations(graph, 300, new Random(s.seed()));
            GraphQlRequests.Client client = new GraphQlRequests.Client(http, URI.create(base + "/graphql"));
            List<String> caseNumbers = reads.getFirst().samples().stream()
                    .map(v -> (String) v.get("c"))
                    .toList();
            String run = Long.toString(System.currentTimeMillis(), 36);

            long warmUpEnd = System.nanoTime() + s.warmUp().toNanos();
            long start = warmUpEnd;
            long end = start + s.duration().toNanos();
            int intervals = (int)
                    Math.ceil((double) s.duration().toNanos() / s.interval().toNanos());
            List<List<Double>> latencies = new ArrayList<>();
            List<AtomicLong> writes = new ArrayList<>();
            List<AtomicLong> errors = new ArrayList<>();
            for (int i = 0; i < intervals; i++) {
                latencies.add(Collections.synchronizedList(new ArrayList<>()));
                writes.add(new AtomicLong());
                errors.add(new AtomicLong());
            }
            Map<String, List<Double>> byOp = new ConcurrentHashMap<>();
            List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
            AtomicLong created = new AtomicLong();
            say(
                    "%d clients, %.0f%% small writes: %s of warm-up, then %s measured in intervals of %s...",
                    s.clients(), s.writeShare() * 100, text(s.warmUp()), text(s.duration()), text(s.interval()));
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < s.clients(); c++) {
                Random random = new Random(s.seed() * 1_000 + c);
                threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            return;
                        }
                        GraphQlRequests.Op op;
                        Map<String, Object> variables;
                        boolean write = random.nextDouble() < s.writeShare();
                        if (write && random.nextBoolean()) {
                            op = new GraphQlRequests.Op("createCase", CREATE, List.of());
                            variables = Map.of("n", "LOAD-" + run + "-" + created.incrementAndGet());
                        } else if (write) {
                            op = new GraphQlRequests.Op("updateCase", UPDATE, List.of());
                            variables = Map.of(
                                    "c",
                                    caseNumbers.get(random.nextInt(caseNumbers.size())),
                                    "s",
                                    "summary changed at " + Instant.now());
                        } else {
                            op = reads.get(random.nextInt(reads.size()));
                            variables =
                                    op.samples().get(random.nextInt(op.samples().size()));
                        }
                        boolean failed = false;
                        try {
                            client.send(op, variables);
                        } catch (RuntimeException e) {
                            failed = true;
                            if (firstErrors.size() < 10) {
                                firstErrors.add(op.name() + ": " + e.getMessage());
                            }
                        }
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (t0 < start) {
                            continue;
                        }
                        int i = (int) Math.min(
                                intervals - 1, (t0 - start) / s.interval().toNanos());
                        latencies.get(i).add(ms);
                        byOp.computeIfAbsent(op.name(), k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(ms);
                        if (write) {
                            writes.get(i).incrementAndGet();
                        }
                        if (failed) {
                            errors.get(i).incrementAndGet();
                        }
                    }
                }));
            }
            sleepUntil(warmUpEnd);
            long[] heap = new long[intervals];
            long backupPause = -1;
            long backupMillis = -1;
            int backupInterval = -1;
            for (int i = 0; i < intervals; i++) {
                long intervalEnd = Math.min(end, start + (i + 1) * s.interval().toNanos());
                if (s.backup() && i == intervals / 2) {
                    long b0 = System.nanoTime();
                    var answer = JsonMapper.builder()
                            .build()
                            .readTree(http.send(
                                            HttpRequest.newBuilder(URI.create(base + "/api/admin/backup"))
                                                    .header("Authorization", ADMIN)
                                                    .header("X-Caselink-Client", "load-benchmark")
                                                    .POST(HttpRequest.BodyPublishers.noBody())
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .body());
                    backupMillis = (System.nanoTime() - b0) / 1_000_000;
                    backupPause = answer.path("pauseMillis").asLong(-1);
                    backupInterval = i;
                    say(
                            "  backup %s: writes paused %d ms, %d ms in all",
                            answer.path("file"), backupPause, backupMillis);
                }
                sleepUntil(intervalEnd);
                heap[i] = heapAfterGcMiB();
                say(
                        "  interval %d: %,d requests, %,d errors, heap after GC %,d MiB",
                        i + 1, latencies.get(i).size(), errors.get(i).get(), heap[i]);
            }
            for (Thread t : threads) {
                t.join();
            }
            List<Interval> rows = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            long errorCount = 0;
            for (int i = 0; i < intervals; i++) {
                List<Double> l = latencies.get(i);
                all.addAll(l);
                errorCount += errors.get(i).get();
                double seconds = Math.min(
                                s.interval().toNanos(),
                                end - (start + i * s.interval().toNanos()))
                        / 1e9;
                rows.add(new Interval(
                        i + 1,
                        l.size(),
                        writes.get(i).get(),
                        errors.get(i).get(),
                        l.size() / seconds,
                        Reports.Spread.of(l),
                        heap[i],
                        i == backupInterval));
            }
            Map<String, Reports.Spread> ops = new java.util.TreeMap<>();
            byOp.forEach((k, v) -> ops.put(k, Reports.Spread.of(v)));
            return new Result(
                    s,
                    nodes,
                    rels,
                    cases,
                    rows,
                    Reports.Spread.of(all),
                    ops,
                    all.size(),
                    errorCount,
                    List.copyOf(firstErrors),
                    all.size() / (s.duration().toNanos() / 1e9),
                    backupPause,
                    backupMillis,
                    (double) heap[intervals - 1] / heap[0] - 1);
        }
    }

    private static String text(Duration d) {
        return org.springframework.boot.convert.DurationStyle.SIMPLE.print(d, java.time.temporal.ChronoUnit.SECONDS);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Duration.ofNanos(Math.min(left, 1_000_000_000L)));
        }
    }

    /** The heap in use after a full collection: what the service holds, not what it has yet to collect. */
    private static long heapAfterGcMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    static void write(PrintWriter console, Result r, Path markdown, Path json) throws IOException {
        Map<String, Object> machine = Reports.machine();
        StringBuilder rows = new StringBuilder();
        for (Interval i : r.intervals()) {
            rows.append(String.format(
                    Locale.ROOT,
                    "| %d%s | %,d | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %,d |%n",
                    i.index(),
                    i.backupInIt() ? " (backup)" : "",
                    i.requests(),
                    i.writes(),
                    i.errors(),
                    i.requestsPerSecond(),
                    i.latency().medianMs(),
                    i.latency().p99Ms(),
                    i.latency().maxMs(),
                    i.heapAfterGcMiB()));
        }
        StringBuilder ops = new StringBuilder();
        r.byOperation()
                .forEach((name, l) -> ops.append(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %.1f | %.1f | %.1f |%n",
                        name,
                        l.runs(),
                        l.medianMs(),
                        l.p99Ms(),
                        l.maxMs())));
        Settings s = r.settings();
        String md = String.format(
                Locale.ROOT,
                """
                # Load benchmark

                %s; %s cores, %s GiB memory, %s; run %s.

                Graph: %,d records generated (seed %d) and imported, %,d nodes, %,d relationships, %,d cases.
                %d clients (each sends its next request when the last is answered) for %s after %s of warm-up;
                %.0f%% small writes (a new case, or a case's summary changed), the rest the reads of
                `benchmark http`; the demo analyst, the rate limit off. A full GC at the end of every interval
                (its pause is in the latencies). %s

                **%,d requests, %,d errors; %.1f requests/s; median %.1f ms, p99 %.1f ms, slowest %.1f ms.
                Heap after GC: %,d MiB after the first interval, %,d MiB after the last (%+.1f%%, target within 10%%: %s).**

                | interval | requests | writes | errors | requests/s | median ms | p99 ms | max ms | heap after GC MiB |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|
                %s
                By operation:

                | operation | requests | median ms | p99 ms | max ms |
                |---|---:|---:|---:|---:|
                %s%s
                """,
                machine.get("jvm"),
                machine.get("cores"),
                machine.get("memoryGiB"),
                machine.get("os"),
                Instant.now(),
                s.records(),
                s.seed(),
                r.nodes(),
                r.relationships(),
                r.cases(),
                s.clients(),
                text(s.duration()),
                text(s.warmUp()),
                s.writeShare() * 100,
                r.backupPauseMillis() >= 0
                        ? String.format(
                                "Halfway, an administrator took a backup: writes paused %d ms, the request took %d ms.",
                                r.backupPauseMillis(), r.backupMillis())
                        : "No backup.",
                r.requests(),
                r.errors(),
                r.requestsPerSecond(),
                r.overall().medianMs(),
                r.overall().p99Ms(),
                r.overall().maxMs(),
                r.intervals().getFirst().heapAfterGcMiB(),
                r.intervals().getLast().heapAfterGcMiB(),
                r.heapGrowth() * 100,
                Math.abs(r.heapGrowth()) <= 0.10 ? "met" : "**missed**",
                rows,
                ops,
                r.firstErrors().isEmpty()
                        ? ""
                        : "\nFirst errors:\n\n    " + String.join("\n    ", r.firstErrors()) + "\n");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("machine", machine);
        out.put("result", r);
        Reports.publish(console, md, out, markdown, json);
    }
}
