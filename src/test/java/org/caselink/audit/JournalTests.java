package org.caselink.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.caselink.TestDatabase;
import org.caselink.db.EmbeddedNeo4jProperties;
import org.caselink.db.Graph;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded mode's audit journal: what it writes a third party can check, and what a crash
 * leaves is recovered at the next start. A database of its own, because the journal is the chain's
 * only writer: the last tests stop the service's journal and open new ones on its folder, as the
 * next start would.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"caselink.demo.enabled=false", "caselink.embedded.page-cache=32MB"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JournalTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerOwn(registry, "journal");
        registry.add("caselink.audit.background", () -> "false");
    }

    @Autowired
    AuditLog audit;

    @Autowired
    Graph graph;

    @Autowired
    EmbeddedNeo4jProperties embedded;

    private Path dir() {
        return embedded.dataDir().toAbsolutePath().normalize().resolve("audit-journal");
    }

    private List<String> journalLines() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir())) {
            for (Path f : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    @Test
    @Order(1)
    void eachAnsweredEventIsALineOnDiskThatAStandardJcsLibraryRecomputesAndTheGraphGetsItToo() throws Exception {
        List<AuditEvent> appended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            appended.add(audit.append(
                    "graphql", "QUERY", "journal-user", "AGENCY-A", "SUCCESS", Map.of("i", i, "name", "Zoë ✓")));
        }
        List<String> lines = journalLines();
        String prev = null;
        for (AuditEvent e : appended) {
            String line = lines.stream()
                    .filter(l -> l.contains("\"seq\":" + e.seq() + ","))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("seq " + e.seq() + " is not in the journal"));
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.readValue(line, Map.class);
            assertThat(m.remove("hash")).isEqualTo(e.hash());
            String canonical = new JsonCanonicalizer(JSON.writeValueAsString(m)).getEncodedString();
            assertThat(EventText.sha256(canonical)).isEqualTo(e.hash());
            if (prev != null) {
                assertThat(e.prevHash()).isEqualTo(prev);
            }
            prev = e.hash();
        }
        // Readers see what was answered: the graph has caught up before they read.
        assertThat(audit.query(new AuditQuery("journal-user", null, null, null, null, null, 10)))
                .containsExactlyElementsOf(appended.reversed());
        ChainReport report = audit.verify();
        assertThat(report.intact()).as(report.reason()).isTrue();
    }

    @Test
    @Order(2)
    void aRestartShipsWhatTheGraphLacksDropsALineACrashCutOffAndTheChainGoesOn() throws Exception {
        audit.append("admin", "ADMIN", "journal-user", null, "SUCCESS", Map.of("step", "before the stop"));
        audit.destroy(); // the service's journal stops, as at a stop: everything shipped
        AuditHead head = AuditHead.read(graph);

        // A crash after three events were flushed to the journal but before the graph had them,
        // and in the middle of writing a fourth.
        List<String> lines = new ArrayList<>();
        String prev = head.hash();
        List<String> hashes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            var f = new EventText.Fields(
                    head.seq() + i,
                    Instant.now(),
                    "graphql",
                    "QUERY",
                    "crash-user",
                    null,
                    "SUCCESS",
                    CanonicalJson.write(Map.of("i", i)),
                    prev);
            prev = f.hash();
            hashes.add(prev);
            lines.add(f.line(prev));
        }
        Path segment = dir().resolve("%020d.jsonl".formatted(head.seq() + 1));
        Files.writeString(
                segment,
                String.join("\n", lines) + "\n" + lines.getFirst().substring(0, 40),
                StandardOpenOption.CREATE_NEW);

        Journal journal = new Journal(dir(), graph, Clock.systemUTC());
        try {
            AuditHead recovered = AuditHead.read(graph);
            assertThat(recovered.seq()).isEqualTo(head.seq() + 3);
            assertThat(recovered.hash()).isEqualTo(hashes.getLast());
            assertThat(new ChainVerifier(graph).verify().intact()).isTrue();

            // The next event chains on from the recovered ones.
            var next = journal.store(List.of(new AuditWriter.Pending(
                    "admin", "ADMIN", "crash-user", null, "SUCCESS", "{}", new CompletableFuture<>())));
            assertThat(next.getFirst().seq()).isEqualTo(head.seq() + 4);
            assertThat(next.getFirst().prevHash()).isEqualTo(hashes.getLast());
            journal.awaitShipped(journal.written(), java.time.Duration.ofSeconds(10));
            assertThat(new ChainVerifier(graph).verify().intact()).isTrue();
        } finally {
            journal.close();
        }
        try (Stream<Path> files = Files.list(dir())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the crashed segment, shipped, is gone")
                    .doesNotContain(segment.getFileName().toString());
        }
    }

    @Test
    @Order(3)
    void aDamagedOrForeignJournalStopsTheStartAndSaysWhereNothingIsShipped() throws Exception {
        AuditHead head = AuditHead.read(graph);
        try (Stream<Path> shipped = Files.list(dir())) {
            for (Path p : shipped.toList()) {
                Files.delete(p); // the last journal's segment: everything in it is in the graph
            }
        }
        var f = new EventText.Fields(
                head.seq() + 1, Instant.now(), "graphql", "QUERY", "crash-user", null, "SUCCESS", "{}", head.hash());
        String good = f.line(f.hash());
        Path segment = dir().resolve("%020d.jsonl".formatted(head.seq() + 1));

        // An event altered on disk.
        Files.writeString(segment, good.replace("SUCCESS", "FAILURE") + "\n");
        assertThatThrownBy(() -> new Journal(dir(), graph, Clock.systemUTC()))
                .hasMessageContaining(segment.toString() + " line 1")
                .hasMessageContaining("altered");

        // A journal that belongs to another database: its last event is not the graph's.
        var foreign = new EventText.Fields(
                head.seq(), Instant.now(), "graphql", "QUERY", "x", null, "SUCCESS", "{}", AuditLog.GENESIS);
        Files.writeString(segment, foreign.line(foreign.hash()) + "\n");
        assertThatThrownBy(() -> new Journal(dir(), graph, Clock.systemUTC())).hasMessageContaining("another database");

        // A gap between the graph and the journal.
        var later = new EventText.Fields(
                head.seq() + 2, Instant.now(), "graphql", "QUERY", "x", null, "SUCCESS", "{}", head.hash());
        Files.writeString(segment, later.line(later.hash()) + "\n");
        assertThatThrownBy(() -> new Journal(dir(), graph, Clock.systemUTC()))
                .hasMessageContaining("does not follow the database's last event");

        assertThat(AuditHead.read(graph)).isEqualTo(head);
        Files.delete(segment);
    }

    @Test
    @Order(4)
    void withTheJournalTurnedOffWhatAnEarlierRunLeftStillGoesIntoTheGraphFirst() throws Exception {
        AuditHead head = AuditHead.read(graph);
        var f = new EventText.Fields(
                head.seq() + 1, Instant.now(), "graphql", "QUERY", "left-user", null, "SUCCESS", "{}", head.hash());
        Files.createDirectories(dir());
        Files.writeString(dir().resolve("%020d.jsonl".formatted(head.seq() + 1)), f.line(f.hash()) + "\n");

        Journal.retire(dir(), graph, Clock.systemUTC());

        assertThat(AuditHead.read(graph).seq()).isEqualTo(head.seq() + 1);
        assertThat(AuditHead.read(graph).hash()).isEqualTo(f.hash());
        assertThat(dir()).doesNotExist();
        assertThat(new ChainVerifier(graph).verify().intact()).isTrue();
    }
}
