package org.caselink.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.GraphDump;
import org.caselink.IntegrationTest;
import org.caselink.TestDatabase;
import org.caselink.audit.AuditLog;
import org.caselink.cli.Cli;
import org.caselink.db.Graph;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup taken from the running service while writers keep writing, restored into a new folder
 * by the restore command: every node, relationship and audit event is there, and the chain
 * verifies. Also: who may ask for one, a folder that is not empty, a damaged file.
 */
@IntegrationTest
class BackupTests extends DatabaseProperties {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Graph graph;

    @Autowired
    AuditLog audit;

    @Value("${caselink.backup.dir}")
    Path backupDir;

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void graph() {
        fixtures.load();
    }

    private HttpResponse<String> askForBackup(@Nullable String user, boolean header) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/backup"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (header) {
            request.header("X-Caselink-Client", "test");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Outcome(int exit, String out) {}

    private static Outcome restore(Path file, Path dataDir) {
        var buffer = new java.io.StringWriter();
        var both = new java.io.PrintWriter(buffer, true);
        int exit = Cli.run(both, both, "restore", file.toString(), "--data-dir", dataDir.toString());
        return new Outcome(exit, buffer.toString());
    }

    @Test
    void onlyAnAdminMayAskAndOnlyWithTheClientHeader() throws Exception {
        assertThat(askForBackup(null, true).statusCode()).isEqualTo(401);
        for (String user : new String[] {"analyst", "casemanager", "auditor", "partner-a"}) {
            assertThat(askForBackup(user, true).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(askForBackup("admin", false).statusCode()).isEqualTo(400);
    }

    @Test
    void aBackupTakenUnderWritesRestoresWithEveryNodeRelationshipAndAuditEvent() throws Exception {
        if (TestDatabase.CONTAINER) {
            // External mode: the server's own tools back it up; the service says so.
            assertThat(askForBackup("admin", true).statusCode()).isEqualTo(409);
            return;
        }
        // Writers keep writing (audit events, each chained to the one before, and nodes) throughout.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        Thread[] writers = new Thread[4];
        for (int w = 0; w < writers.length; w++) {
            int id = w;
            writers[w] = Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    long n = written.incrementAndGet();
                    audit.append("test", "BACKUP_PROBE", "writer-" + id, null, "SUCCESS", Map.of("n", n));
                    graph.write("CREATE (:BackupProbe {n: $n})", Map.of("n", n), r -> r);
                }
            });
        }
        HttpResponse<String> answer;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> written.get() >= 50);
            answer = askForBackup("admin", true);
            long before = written.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> written.get() >= before + 50);
        } finally {
            stop.set(true);
            for (Thread t : writers) {
                t.join();
            }
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode report = json.readTree(answer.body());
        System.out.println("backup under 4 writers: " + report);
        Path file = backupDir.resolve(report.path("file").asString());
        assertThat(file).exists();
        assertThat(report.path("auditEvents").asLong()).isGreaterThan(50);
        assertThat(report.path("pauseMillis").asLong()).isLessThan(10_000);

        Path restored = temp.resolve("restored");
        Outcome outcome = restore(file, restored);
        assertThat(outcome.exit()).as(outcome.out()).isZero();
        assertThat(outcome.out())
                .contains("(the backup says %,d, %,d, %,d)"
                        .formatted(
                                report.path("nodes").asLong(),
                                report.path("relationships").asLong(),
                                report.path("auditEvents").asLong()))
                .contains("Audit chain intact: %,d events checked"
                        .formatted(report.path("auditEvents").asLong()));
        // What the writers had committed before the pause, not what they wrote after it.
        var probes = GraphDump.of(restored).stream()
                .filter(l -> l.startsWith("node BackupProbe"))
                .count();
        assertThat(probes).isPositive().isLessThan(written.get());
    }

    @Test
    void aQuietDatabaseRestoresToTheSameGraphAndARestoreRefusesWhatItCannotTrust() throws Exception {
        if (TestDatabase.CONTAINER) {
            return; // the test above checks the refusal in external mode
        }
        var source = GraphDump.of(graph);
        var answer = askForBackup("admin", true);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Path file = backupDir.resolve(json.readTree(answer.body()).path("file").asString());

        Path restored = temp.resolve("same");
        Outcome outcome = restore(file, restored);
        assertThat(outcome.exit()).as(outcome.out()).isZero();
        var copy = GraphDump.of(restored);
        assertThat(copy).as(GraphDump.difference(source, copy)).isEqualTo(source);

        // Not into a folder that holds anything.
        Outcome again = restore(file, restored);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.out()).contains("is not empty");

        // A file altered after the backup: named, and nothing is left behind.
        Path damaged = temp.resolve("damaged.zip");
        try (ZipFile in = new ZipFile(file.toFile());
                var out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (var e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith("neostore.nodestore.db")
                        && entry.getName().contains("/neo4j/")) {
                    bytes[bytes.length / 2] ^= 1;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Path target = temp.resolve("from-damaged");
        Outcome refused = restore(damaged, target);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).contains("is damaged").contains("neostore.nodestore.db: SHA-256");
        assertThat(target).doesNotExist();
    }
}
