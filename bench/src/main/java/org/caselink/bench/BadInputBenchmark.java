package org.caselink.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.caselink.db.Graph;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input at scale through the upload door of a running service: files of mostly bad records
 * (invalid records of five kinds, binary garbage, a 10 MB line, a line of a million brackets) with
 * good cases spread through them, at each size asked for (100 MB and 1 GB by default). For each:
 * whether every good record landed and every bad one was counted, how fast, the heap (its peak, and
 * its peak after a collection, which does not grow with the file if memory is bounded), and how
 * another user fared who kept asking twice a second meanwhile.
 */
final class BadInputBenchmark {

    private static final String ANALYST =
            "Basic " + Base64.getEncoder().encodeToString("analyst:analyst-demo".getBytes(StandardCharsets.UTF_8));
    private static final String OTHER_QUERY = "{\"query\":\"{ cases(first: 1) { totalCount } }\"}";

    private final PrintWriter console;
    private final Function<String[], ConfigurableApplicationContext> services;

    BadInputBenchmark(PrintWriter console, Function<String[], ConfigurableApplicationContext> services) {
        this.console = console;
        this.services = services;
    }

    private void say(String format, Object... args) {
        Reports.say(console, format, args);
    }

    /** What was written: how many records of each sort, and the file's size. */
    record Planted(long bytes, long records, long good, long bad) {}

    /** One size's run. */
    record Run(
            long megabytes,
            Planted planted,
            long imported,
            long rejected,
            boolean everyGoodLanded,
            boolean everyBadCounted,
            double seconds,
            double megabytesPerSecond,
            double recordsPerSecond,
            long peakHeapMiB,
            long peakHeapAfterGcMiB,
            long maxHeapMiB,
            int otherRequests,
            int otherFailures,
            Reports.Spread otherLatency) {}

    record Result(String when, Map<String, Object> machine, List<Run> runs) {}

    Result run(List<Long> megabytes, long seed, Path workDir) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (long mb : megabytes) {
            Path dir = workDir.resolve("bad-input-" + mb + "mb");
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
            Files.createDirectories(dir);
            Path file = dir.resolve("bad.jsonl");
            say("Writing about %,d MB of mostly bad input into %s...", mb, file);
            Planted planted = write(file, mb * 1_000_000, seed);
            say(
                    "  %,d bytes: %,d records, %,d good and %,d bad (invalid, garbage, a 10 MB line, deep nesting)",
                    planted.bytes(), planted.records(), planted.good(), planted.bad());
            runs.add(upload(dir, file, mb, planted));
        }
        return new Result(Instant.now().toString(), Reports.machine(), runs);
    }

    /**
     * Writes {@code target} bytes or a little more: good cases (one in fifty records) spread
     * through invalid records that rotate over five kinds, padded to the size; one in fifty lines of
     * binary garbage; a 10 MB line and a line of a million opening brackets near the start.
     */
    static Planted write(Path file, long target, long seed) throws IOException {
        Random random = new Random(seed);
        long bytes = 0;
        long records = 0;
        long good = 0;
        // About 1,000 bytes a record: a 1 GB file holds about a million of them.
        String pad = "lorem ipsum dolor ".repeat(50);
        byte[] garbage = new byte[1000];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            bytes += line(
                    out,
                    "{\"kind\":\"ad\",\"adId\":\"HUGE\",\"site\":\"x\",\"body\":\"" + "a".repeat(10 << 20) + "\"}");
            bytes += line(out, "[".repeat(1_000_000));
            records += 2;
            while (bytes < target) {
                String text;
                if (records % 50 == 7) {
                    text = """
                            {"kind":"case","caseNumber":"BAD-INPUT-%08d","type":"RUNAWAY","status":"OPEN",\
                            "reportedAt":"2024-01-10T10:00:00Z","agency":"AGENCY-A","state":"VA","summary":"good case %d"}""".formatted(good, good);
                    good++;
                } else if (records % 50 == 23) {
                    random.nextBytes(garbage);
                    for (int b = 0; b < garbage.length; b++) {
                        if (garbage[b] == '\n' || garbage[b] == '\r') {
                            garbage[b] = 0;
                        }
                    }
                    garbage[0] = 1; // never a blank line
                    out.write(garbage);
                    out.write('\n');
                    bytes += garbage.length + 1;
                    records++;
                    continue;
                } else {
                    text = switch ((int) (records % 5)) {
                        case 0 ->
                            "{\"kind\":\"case\",\"caseNumber\":\"BAD-" + records + "\",\"summary\":\"" + pad + "\"}";
                        case 1 ->
                            "{\"kind\":\"ad\",\"adId\":\"BAD-AD-" + records
                                    + "\",\"site\":\"x\",\"postedAt\":\"2024-13-45T00:00:00Z\",\"body\":\"" + pad
                                    + "\"}";
                        case 2 -> "{\"kind\":\"nonsense\",\"text\":\"" + pad + "\"}";
                        case 3 -> "{\"kind\":\"case\",\"caseNumber\":\"BROKEN-" + records + "\",\"summary\":\"" + pad;
                        default -> "[\"not\",\"an\",\"object\",\"" + pad + "\"]";
                    };
                }
                bytes += line(out, text);
                records++;
            }
        }
        return new Planted(Files.size(file), records, good, records - good);
    }

    private static int line(OutputStream out, String text) throws IOException {
        byte[] b = (text + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(b);
        return b.length;
    }

    private Run upload(Path dir, Path file, long mb, Planted planted) throws Exception {
        try (var ctx = services.apply(new String[] {
                    "caselink.embedded.data-dir=" + dir.resolve("db"),
                    "caselink.api.rate-limit.enabled=false",
                    // The networks after an import are another benchmark's subject; this one times the door.
                    "caselink.analysis.networks.after-import=false"
                });
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build()) {
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            Graph graph = ctx.getBean(Graph.class);
            HttpRequest other = HttpRequest.newBuilder(URI.create(base + "/graphql"))
                    .header("Authorization", ANALYST)
                    .header("Content-Type", "application/json")
                    .header("X-Caselink-Client", "benchmark")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(OTHER_QUERY))
                    .build();
            // The other user signs in and is answered once before: the first request pays for both.
            http.send(other, HttpResponse.BodyHandlers.ofString());

            List<Double> otherMs = Collections.synchronizedList(new ArrayList<>());
            AtomicLong otherFailures = new AtomicLong();
            System.gc();
            var heap = new HeapWatch();
            var meanwhile = Executors.newSingleThreadScheduledExecutor();
            meanwhile.scheduleAtFixedRate(
                    () -> {
                        long t = System.nanoTime();
                        try {
                            var r = http.send(other, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200 || r.body().contains("\"errors\"")) {
                                otherFailures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            otherFailures.incrementAndGet();
                        }
                        otherMs.add((System.nanoTime() - t) / 1e6);
                        // Every 5 s a full collection, and what it leaves: the live data at that moment.
                        if (otherMs.size() % 10 == 0) {
                            heap.liveNow();
                        }
                    },
                    0,
                    500,
                    TimeUnit.MILLISECONDS);
            String boundary = "caselinkBadInput";
            var body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString("--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"bad.jsonl\"\r\n"
                            + "Content-Type: application/x-ndjson\r\n\r\n"),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
            say("  Uploading to %s/api/import while another user asks twice a second...", base);
            long t0 = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/import"))
                                .header("Authorization", ANALYST)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .header("X-Caselink-Client", "benchmark")
                                .POST(body)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } finally {
                meanwhile.shutdown();
                meanwhile.awaitTermination(60, TimeUnit.SECONDS);
                heap.close();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the upload was answered " + response.statusCode() + ": "
                        + response.body()
                                .substring(0, Math.min(500, response.body().length())));
            }
            JsonNode report = JsonMapper.builder().build().readTree(response.body());
            long imported = report.path("imported").asLong();
            long rejected = report.path("rejected").asLong();
            long landed = AnalysisBenchmark.count(
                    graph, "MATCH (c:Case) WHERE c.caseNumber STARTS WITH 'BAD-INPUT-' RETURN count(c) AS n");
            long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
            var run = new Run(
                    mb,
                    planted,
                    imported,
                    rejected,
                    imported == planted.good() && landed == planted.good(),
                    rejected == planted.bad(),
                    seconds,
                    planted.bytes() / 1e6 / seconds,
                    planted.records() / seconds,
                    heap.beforeGc() >> 20,
                    heap.afterGc() >> 20,
                    max >> 20,
                    otherMs.size(),
                    (int) otherFailures.get(),
                    Reports.Spread.of(otherMs.isEmpty() ? List.of(0.0) : otherMs));
            say(
                    "  %.1f s, %,.1f MB/s: %,d imported (%,d planted), %,d rejected (%,d planted); heap peak %,d MiB,"
                            + " after GC %,d MiB; the other user: %,d requests, %d failed, slowest %.0f ms",
                    seconds,
                    run.megabytesPerSecond(),
                    imported,
                    planted.good(),
                    rejected,
                    planted.bad(),
                    run.peakHeapMiB(),
                    run.peakHeapAfterGcMiB(),
                    run.otherRequests(),
                    run.otherFailures(),
                    run.otherLatency().maxMs());
            return run;
        }
    }

    /**
     * The heap while it watches: the most it held just before a collection (its peak, as near as can
     * be known, from the collectors' own notifications), and the most it held right after a full
     * collection forced every 5 s (live data: what an import keeps, not garbage waiting for a
     * collection of the old generation).
     */
    private static final class HeapWatch implements AutoCloseable {
        private final AtomicLong before = new AtomicLong();
        private final AtomicLong live = new AtomicLong();
        private final List<Runnable> removals = new ArrayList<>();

        HeapWatch() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    javax.management.NotificationListener listener = (n, handback) -> {
                        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                            return;
                        }
                        var info = GarbageCollectionNotificationInfo.from(
                                (javax.management.openmbean.CompositeData) n.getUserData());
                        before.accumulateAndGet(heapOf(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                    };
                    emitter.addNotificationListener(listener, null, null);
                    removals.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (javax.management.ListenerNotFoundException e) {
                            // already gone
                        }
                    });
                }
            }
        }

        private static long heapOf(Map<String, java.lang.management.MemoryUsage> pools) {
            long sum = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                var usage = pools.get(pool.getName());
                if (pool.getType() == MemoryType.HEAP && usage != null) {
                    sum += usage.getUsed();
                }
            }
            return sum;
        }

        long beforeGc() {
            return Math.max(
                    before.get(),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        /** The most the heap held after a full collection, forced every 5 s while the upload ran. */
        long afterGc() {
            return live.get();
        }

        void liveNow() {
            System.gc();
            live.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        @Override
        public void close() {
            removals.forEach(Runnable::run);
        }
    }

    static void write(PrintWriter console, Result r, Path markdown, Path json) throws IOException {
        StringBuilder md = new StringBuilder(String.format(
                Locale.ROOT,
                """
                # caselink bad-input benchmark

                %s; %d cores, %s.

                Each file is uploaded to `POST /api/import` of a service on a fresh embedded database
                while another user asks `cases(first: 1)` twice a second. One record in fifty is a good
                case, one in fifty a line of binary garbage; the rest are invalid records of five kinds
                (missing fields, an impossible date, an unknown kind, broken JSON, not an object), plus
                a 10 MB line and a line of a million brackets. Time is the upload's, from the first
                byte sent to the report received. "Heap after GC" is the most the heap held after a
                full collection, forced every 5 s while the upload ran (live data); "Heap peak" the most
                it held just before any collection (from the collectors' notifications).

                | File | Records | Good landed | Bad counted | Time s | MB/s | Records/s | Heap peak MiB | Heap after GC MiB | Other user: requests / failed / median / slowest ms |
                |---:|---:|---|---|---:|---:|---:|---:|---:|---|
                """,
                r.when(),
                (Integer) r.machine().get("cores"),
                r.machine().get("jvm")));
        for (Run run : r.runs()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %,d MB | %,d | %s (%,d of %,d) | %s (%,d of %,d) | %.1f | %.1f | %,.0f | %,d | %,d | %d / %d / %.0f / %.0f |%n",
                    run.planted().bytes() / 1_000_000,
                    run.planted().records(),
                    run.everyGoodLanded() ? "yes" : "**no**",
                    run.imported(),
                    run.planted().good(),
                    run.everyBadCounted() ? "yes" : "**no**",
                    run.rejected(),
                    run.planted().bad(),
                    run.seconds(),
                    run.megabytesPerSecond(),
                    run.recordsPerSecond(),
                    run.peakHeapMiB(),
                    run.peakHeapAfterGcMiB(),
                    run.otherRequests(),
                    run.otherFailures(),
                    run.otherLatency().medianMs(),
                    run.otherLatency().maxMs()));
        }
        md.append(String.format(
                Locale.ROOT,
                "%nMax heap %,d MiB. Command: `./caselink benchmark bad-input`.%n",
                r.runs().isEmpty() ? 0 : r.runs().getFirst().maxHeapMiB()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("when", r.when());
        out.put("machine", r.machine());
        out.put("runs", r.runs());
        Reports.publish(console, md.toString(), out, markdown, json);
    }
}
