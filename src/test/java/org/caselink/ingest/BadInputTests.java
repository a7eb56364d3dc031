package org.caselink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.HttpApi;
import org.caselink.IntegrationTest;
import org.caselink.db.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input at scale through the upload door: one 100 MB file holding good records at its start
 * and end, a 10 MB single line, 100,000 invalid records, 5,000 lines of binary garbage and 80 MB
 * of blank lines. Every good record lands, every bad one is reported by line, the answer stays
 * small, the heap does not grow with the file, and the service answers others meanwhile.
 */
@IntegrationTest
class BadInputTests extends DatabaseProperties {

    private static final int GOOD = 200;
    private static final int INVALID = 100_000;
    private static final int GARBAGE = 5_000;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Graph graph;

    @TempDir
    Path temp;

    private static String goodCase(int i) {
        return """
                {"kind":"case","caseNumber":"BIG-%06d","type":"RUNAWAY","status":"OPEN","reportedAt":"2024-01-10T10:00:00Z",\
                "agency":"AGENCY-A","state":"VA","summary":"case %d of the big upload"}
                """.formatted(i, i).strip();
    }

    /** Writes the file; returns the line of the over-long record. */
    private long writeFile(Path file) throws Exception {
        Random random = new Random(17);
        long line = 0;
        long longLine;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int i = 0; i < GOOD / 2; i++, line++) {
                out.write((goodCase(i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            // A 10 MB record: an ad whose body is one long word.
            out.write("{\"kind\":\"ad\",\"adId\":\"AD-HUGE\",\"site\":\"x\",\"body\":\""
                    .getBytes(StandardCharsets.UTF_8));
            byte[] word = new byte[1 << 20];
            java.util.Arrays.fill(word, (byte) 'a');
            for (int i = 0; i < 10; i++) {
                out.write(word);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            longLine = ++line;
            for (int i = 0; i < INVALID; i++, line++) {
                out.write(("{\"kind\":\"case\",\"caseNumber\":\"BAD-" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
            }
            byte[] garbage = new byte[1000];
            for (int i = 0; i < GARBAGE; i++, line++) {
                random.nextBytes(garbage);
                for (int b = 0; b < garbage.length; b++) {
                    if (garbage[b] == '\n') {
                        garbage[b] = 0;
                    }
                }
                garbage[0] = 1; // never a blank line
                out.write(garbage);
                out.write('\n');
            }
            byte[] blank = (" ".repeat(999) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 81_000; i++, line++) {
                out.write(blank);
            }
            for (int i = GOOD / 2; i < GOOD; i++, line++) {
                out.write((goodCase(i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return longLine;
    }

    @Test
    void aHundredMegabyteUploadOfMostlyBadInputLandsEveryGoodRecordAndReportsEveryBadOne() throws Exception {
        fixtures.clear();
        Path file = temp.resolve("big.jsonl");
        long longLine = writeFile(file);
        assertThat(Files.size(file)).isGreaterThan(100_000_000L);

        String boundary = "caselinkBigUpload";
        var body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.jsonl\"\r\n"
                        + "Content-Type: application/x-ndjson\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpClient http = HttpClient.newHttpClient();

        // Meanwhile another user keeps asking (signed in and answered once before: the first
        // request of a context pays for sign-in and compilation); and the heap is sampled.
        assertThat(new HttpApi(port)
                        .post("/graphql", "{\"query\":\"{ cases(first: 1) { totalCount } }\"}")
                        .statusCode())
                .isEqualTo(200);
        List<Long> otherMs = Collections.synchronizedList(new ArrayList<>());
        List<Integer> otherStatus = Collections.synchronizedList(new ArrayList<>());
        AtomicLong peakHeap = new AtomicLong();
        System.gc();
        long heapBefore =
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        var api = new HttpApi(port);
        // Twice a second on a schedule (a request slower than that delays the next, never overlaps it).
        var other = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        other.scheduleWithFixedDelay(
                () -> {
                    long start = System.nanoTime();
                    try {
                        otherStatus.add(api.post("/graphql", "{\"query\":\"{ cases(first: 1) { totalCount } }\"}")
                                .statusCode());
                    } catch (Exception e) {
                        otherStatus.add(-1);
                    }
                    otherMs.add((System.nanoTime() - start) / 1_000_000);
                    peakHeap.accumulateAndGet(
                            ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed(),
                            Math::max);
                },
                0,
                500,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/import"))
                            .header("Authorization", HttpApi.authorization())
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .header("X-Caselink-Client", "test")
                            .POST(body)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            other.shutdown();
            other.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        long tookMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(response.statusCode())
                .as(response.body().substring(0, Math.min(500, response.body().length())))
                .isEqualTo(200);
        assertThat(response.body().length()).as("answer size").isLessThan(1_000_000);
        JsonNode report = JsonMapper.builder().build().readTree(response.body());
        assertThat(report.path("imported").asLong()).isEqualTo(GOOD);
        assertThat(report.path("rejected").asLong()).isEqualTo(1 + INVALID + GARBAGE);
        JsonNode first = report.path("errors").get(0);
        assertThat(first.path("line").asLong()).isEqualTo(longLine);
        assertThat(first.path("reason").asString())
                .contains("10,485,")
                .contains("at most 1,048,576")
                .contains("nothing of it was read");
        assertThat(report.path("errors").get(1).path("field").asString()).isNotBlank();
        assertThat(report.path("errors")).hasSize(ImportController.MAX_LISTED);
        assertThat(graph.read(
                                "MATCH (c:Case) WHERE c.caseNumber STARTS WITH 'BIG-' RETURN count(c) AS n",
                                Map.of(),
                                r -> r.get("n").asLong())
                        .getFirst())
                .isEqualTo(GOOD);
        assertThat(graph.read(
                                "MATCH (a:Ad {adId: 'AD-HUGE'}) RETURN count(a) AS n",
                                Map.of(),
                                r -> r.get("n").asLong())
                        .getFirst())
                .isZero();

        assertThat(otherStatus).isNotEmpty().allMatch(s -> s == 200);
        long slowest = Collections.max(otherMs);
        System.out.printf(
                "100 MB upload: %,d ms; another user's %d requests meanwhile, slowest %d ms; heap %,d MiB before,"
                        + " %,d MiB at most during%n",
                tookMs, otherMs.size(), slowest, heapBefore >> 20, peakHeap.get() >> 20);
        System.out.println("  each, ms: " + otherMs);
        assertThat(slowest)
                .as("another user's slowest answer during the upload, ms")
                .isLessThan(5_000);
    }
}
