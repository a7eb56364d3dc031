package org.caselink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caselink.GraphDump;
import org.caselink.generator.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * The bulk path ({@code import --bulk}) against the online import of the same files: the same
 * graph, node for node and relationship for relationship with every property (the times things
 * were written aside), the derived links included (networks, key players, near-duplicates,
 * identity proposals); the same rejected records; the ids key and the audit trail carried into
 * the new store; and a clear refusal of a database that holds anything.
 */
class BulkImportTests {

    @TempDir
    Path dir;

    private record Outcome(int exit, String out, String err) {}

    private static Outcome cli(String... args) {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int exit = Cli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    /**
     * Records a generator does not write: a person and a child named by several records in
     * different orders (the name from the earliest record, every other spelling an alias), a case
     * moved to another agency, quotes, commas and semicolons in the text, a child with nothing
     * known of it, a link to nobody, and a bad record.
     */
    private static final List<String> HOSTILE = List.of("""
            {"kind":"case","caseNumber":"MC-X-1","type":"RUNAWAY","status":"OPEN","reportedAt":"2024-05-02T10:00:00Z","agency":"AG-1","summary":"said \\"bye\\", left at 9, a;b","child":{"childId":"CH-X","firstName":"Ann","lastName":"Lee","dob":"2010-01-02","sex":"F"},"persons":[{"personId":"P-X","role":"SUSPECT","firstName":"Bob","lastName":"Ray","aliases":["B-Man","Bobby; R"]}]}""", """
            {"kind":"case","caseNumber":"MC-X-2","type":"RUNAWAY","status":"OPEN","reportedAt":"2024-04-01T10:00:00Z","agency":"AG-2","child":{"childId":"CH-X","firstName":"Anne","lastName":"Lee"},"persons":[{"personId":"P-X","role":"ASSOCIATE","firstName":"Robert","lastName":"Ray","aliases":[]}]}""", """
            {"kind":"case","caseNumber":"MC-X-1","type":"RUNAWAY","status":"CLOSED","reportedAt":"2024-05-02T10:00:00Z","agency":"AG-3","source":"other"}""", """
            {"kind":"case","caseNumber":"MC-X-3","type":"RUNAWAY","status":"OPEN","reportedAt":"2024-06-01T10:00:00Z","agency":"AG-1","child":{}}""", """
            {"kind":"link","from":"P-X","to":"P-NOBODY","type":"ASSOCIATED_WITH","source":"tips"}""", """
            {"kind":"ad","adId":"AD-Y","site":"s","postedAt":"2024-01-01T00:00:00Z","title":"","body":"new in town \\"Lexi\\"\\ncall 703-555-0142, ask; now","images":["abcd"]}""", """
            {"kind":"ad","adId":"AD-X","site":"s","postedAt":"not a time"}""");

    private Path data() throws Exception {
        Path file = dir.resolve("in.jsonl");
        Generator.write(new Generator.Config(600, 600, 17), file, dir.resolve("in.truth.json"));
        Files.writeString(
                file,
                String.join("\n", HOSTILE) + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        return file;
    }

    @Test
    void givesTheGraphTheOnlineImportGives() throws Exception {
        Path file = data();
        Path online = dir.resolve("online");
        Path bulk = dir.resolve("bulk");
        // Walks that reach their cap on visited nodes, as the largest networks of real data do: which
        // nodes a capped walk keeps must not depend on where each store put them (the two stores
        // hold the same graph with other internal ids), or the two would find other case links.
        System.setProperty("caselink.analysis.max-visited", "40");
        Outcome a;
        Outcome b;
        try {
            a = cli("import", file.toString(), "--data-dir", online.toString(), "--errors", dir + "/a.errors");
            b = cli("import", file.toString(), "--data-dir", bulk.toString(), "--errors", dir + "/b.errors", "--bulk");
        } finally {
            System.clearProperty("caselink.analysis.max-visited");
        }
        assertThat(a.exit()).as(a.out()).isEqualTo(1);
        assertThat(b.exit()).as(b.out() + b.err()).isEqualTo(1);
        // The same records read, imported and rejected, for the same reasons.
        assertThat(counts(b.out())).isEqualTo(counts(a.out()));
        assertThat(Files.readAllLines(dir.resolve("a.errors"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Files.readAllLines(dir.resolve("b.errors")))
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(dir.resolve("a.errors")));
        assertThat(b.out()).contains("derived links in");

        var expected = GraphDump.of(online);
        var actual = GraphDump.of(bulk);
        assertThat(actual).as(() -> GraphDump.difference(expected, actual)).isEqualTo(expected);
        // Not an empty comparison: the derived links are there.
        assertThat(expected).anyMatch(l -> l.startsWith("node Network:"));
        assertThat(expected).anyMatch(l -> l.contains("-[POSSIBLE_SAME_AS"));
        assertThat(expected).anyMatch(l -> l.contains("-[SIMILAR_TEXT"));
        // A text that spans lines went through the importer as one value (its file read as multiline).
        assertThat(expected).anyMatch(l -> l.startsWith("node Ad:AD-Y") && l.contains("\"Lexi\"\ncall"));
        assertThat(expected.stream().filter(l -> l.contains("-[CASE_LINK")).count())
                .isGreaterThan(100);
        assertThat(expected)
                .anyMatch(l -> l.startsWith("node Person:") && l.contains("aliases=[B-Man,Bob Ray,Bobby; R,]"));
        // A case recorded twice in one batch, moved to another agency by the second record, has that
        // owner (the online import once ended both ownerships, and left the case with none).
        assertThat(expected.stream().filter(l -> l.startsWith("rel Case:MC-X-1 -[OWNED_BY")))
                .singleElement()
                .satisfies(l -> assertThat(l).endsWith("source=other]-> Agency:AG-3"));

        // The ids key, the audit trail (both runs, chained) and the schema are in the new store.
        var dbms = new DatabaseManagementServiceBuilder(bulk).build();
        try (var tx = dbms.database("neo4j").beginTx()) {
            var r = tx.execute("""
                    RETURN COUNT { MATCH (k:__IdKey) } AS keys,
                           COLLECT { MATCH (e:AuditEvent {type: 'IMPORT'}) RETURN e.outcome ORDER BY e.seq } AS imports
                    """).next();
            assertThat(r.get("keys")).isEqualTo(1L);
            assertThat(r.get("imports")).isEqualTo(List.of("STARTED", "PARTIAL"));
        } finally {
            dbms.shutdown();
        }
        try (var ctx = Contexts.context("caselink.embedded.data-dir=" + bulk)) {
            var chain = ctx.getBean(org.caselink.audit.AuditLog.class).verify();
            assertThat(chain.intact()).as(chain.reason()).isTrue();
        }
    }

    /** "N records read, N imported, N rejected" of a summary line. */
    private static String counts(String summary) {
        var m = java.util.regex.Pattern.compile("\\d+ records read, \\d+ imported, \\d+ rejected")
                .matcher(summary);
        assertThat(m.find()).as(summary).isTrue();
        return m.group();
    }

    @Test
    void refusesADatabaseThatHoldsAnything() throws Exception {
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, HOSTILE.getFirst() + "\n");
        Path data = dir.resolve("data");

        assertThat(cli("import", file.toString(), "--data-dir", data.toString()).exit())
                .isZero();
        Map<String, Long> before = shape(data);

        Outcome refused = cli("import", file.toString(), "--data-dir", data.toString(), "--bulk");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("import --bulk is for an empty database", "1 Case", "without --bulk");
        assertThat(dir.resolve("one.jsonl.errors.jsonl")).doesNotExist();
        // Nothing written: the store is the one it was (the refusal is audited).
        assertThat(shape(data)).isEqualTo(before);
    }

    /** Nodes per label and relationships, the audit trail aside. */
    private static Map<String, Long> shape(Path data) {
        var dbms = new DatabaseManagementServiceBuilder(data).build();
        try (var tx = dbms.database("neo4j").beginTx()) {
            Map<String, Long> out = new java.util.TreeMap<>();
            tx.execute(
                            "MATCH (n) WHERE NOT n:AuditEvent AND NOT n:AuditHead UNWIND labels(n) AS l"
                                    + " RETURN l AS k, count(*) AS n UNION ALL MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n")
                    .forEachRemaining(r -> out.put((String) r.get("k"), (Long) r.get("n")));
            return out;
        } finally {
            dbms.shutdown();
        }
    }
}
