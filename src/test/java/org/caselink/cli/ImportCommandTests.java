package org.caselink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.caselink.CaselinkApplication;
import org.caselink.GraphDump;
import org.caselink.generator.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * The import command as an operator runs it: exit codes, the error file, a second run that changes
 * nothing, a clear word when a running service holds the database, and a kill -9 in the middle of
 * an import that loses no committed batch and leaves nothing doubled after the import is run again.
 */
@org.caselink.Slow
class ImportCommandTests {

    @TempDir
    Path dir;

    private record Outcome(int exit, String out) {}

    private static Outcome cli(String... args) {
        var out = new java.io.StringWriter();
        int exit = Cli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(System.err, true), args);
        return new Outcome(exit, out.toString());
    }

    /** What the import wrote: the audit trail aside (a killed run and its rerun record more events). */
    private static Map<String, Long> counts(Path dataDir) {
        var dbms = new DatabaseManagementServiceBuilder(dataDir).build();
        try (var tx = dbms.database("neo4j").beginTx()) {
            var r = tx.execute("""
                    RETURN COUNT { MATCH (n) WHERE NOT n:AuditEvent } AS nodes, COUNT { MATCH ()-[r]->() } AS rels,
                           COUNT { MATCH (c:Case) WITH c.caseNumber AS k, count(*) AS n WHERE n > 1 RETURN k } AS dupes
                    """).next();
            return Map.of("nodes", (Long) r.get("nodes"), "rels", (Long) r.get("rels"), "duplicateCases", (Long)
                    r.get("dupes"));
        } finally {
            dbms.shutdown();
        }
    }

    @Test
    void reportsRejectedRecordsInAnErrorFileAndExitsNonZero() throws Exception {
        Path file = dir.resolve("in.jsonl");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "{\"kind\":\"ad\",\"adId\":\"AD-1\",\"site\":\"s\",\"postedAt\":\"2021-03-05T22:00:00Z\",\"body\":\"call 703 555 0142\"}",
                        "{\"kind\":\"ad\",\"adId\":\"AD-2\",\"site\":\"s\",\"postedAt\":\"soon\"}",
                        "{\"kind\":\"case\",\"caseNumber\":\"MC-1\",\"type\":\"RUNAWAY\",\"status\":\"OPEN\",\"reportedAt\":\"2021-03-04T10:00:00Z\",\"agency\":\"A\"}"));
        Path data = dir.resolve("data");
        Outcome first = cli("import", file.toString(), "--data-dir", data.toString());
        assertThat(first.exit()).isEqualTo(1);
        assertThat(first.out()).contains("3 records read, 2 imported, 1 rejected");
        // The summary's time runs to the last derived link (the command derives in its own thread),
        // with where it went: the records (parsing, extracting, writing), then each step of the derivation.
        assertThat(first.out())
                .containsPattern(
                        "records in \\d+\\.\\d s \\(parse \\d+\\.\\d s, of which extracting contacts from ad texts"
                                + " \\d+\\.\\d s; write \\d+\\.\\d s\\), derived links in"
                                + " \\d+\\.\\d s \\(near-duplicates \\d+\\.\\d s, identity proposals \\d+\\.\\d s, networks"
                                + " \\d+\\.\\d s, key players \\d+\\.\\d s, case links \\d+\\.\\d s\\); \\d+\\.\\d s in all"
                                + " \\(\\d+ records/s\\)");
        Path errors = Path.of(file + ".errors.jsonl");
        assertThat(Files.readAllLines(errors))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("\"line\":2", "\"field\":\"postedAt\"", "\"key\":\"AD-2\"", "ISO 8601"));

        Outcome second = cli("import", file.toString(), "--data-dir", data.toString(), "--profile");
        // Nothing new: nothing to derive, and the summary says no more than the records' time.
        assertThat(second.out()).contains("created 0 nodes and 0 relationships").doesNotContain("derived links");
        // --profile: the write statements' time, each by its first line (a named query's comment).
        assertThat(second.out()).containsPattern("(?m)^ +\\d+\\.\\d s +\\d+ x  // ");
        // Each run is in the audit trail, before it ran and with what it did, as the OS user.
        var dbms = new DatabaseManagementServiceBuilder(data).build();
        try (var tx = dbms.database("neo4j").beginTx()) {
            List<String> imports = new java.util.ArrayList<>();
            tx.execute("MATCH (e:AuditEvent {type: 'IMPORT'}) RETURN e.outcome AS o, e.user AS u, e.details AS d"
                            + " ORDER BY e.seq")
                    .forEachRemaining(r -> {
                        assertThat((String) r.get("u")).startsWith("cli:");
                        imports.add(r.get("o") + " " + r.get("d"));
                    });
            assertThat(imports).hasSize(4);
            assertThat(imports.get(0)).startsWith("STARTED");
            assertThat(imports.get(1)).startsWith("PARTIAL").contains("\"imported\":2", "\"rejected\":1");
        } finally {
            dbms.shutdown();
        }
    }

    /** Nodes per label and relationships per type: the shape of what an import wrote. */
    private static Map<String, Long> shape(Path dataDir) {
        var dbms = new DatabaseManagementServiceBuilder(dataDir).build();
        try (var tx = dbms.database("neo4j").beginTx()) {
            Map<String, Long> out = new java.util.TreeMap<>();
            tx.execute("MATCH (n) WHERE NOT n:AuditEvent UNWIND labels(n) AS l RETURN l AS k, count(*) AS n UNION ALL "
                            + "MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n")
                    .forEachRemaining(r -> out.put((String) r.get("k"), (Long) r.get("n")));
            return out;
        } finally {
            dbms.shutdown();
        }
    }

    @Test
    void whereTheBatchesEndChangesNothing() throws Exception {
        Path file = dir.resolve("set.jsonl");
        Generator.write(new Generator.Config(700, 700, 23), file, dir.resolve("set.truth.json"));
        Path large = dir.resolve("large-batches");
        Path small = dir.resolve("small-batches");
        assertThat(cli("import", file.toString(), "--data-dir", large.toString())
                        .exit())
                .isZero();
        assertThat(cli("import", file.toString(), "--data-dir", small.toString(), "--batch-size", "40")
                        .exit())
                .isZero();
        assertThat(shape(large)).containsKeys("Person", "Child", "SIMILAR_TEXT", "SIMILAR_IMAGE", "POSSIBLE_SAME_AS");
        var expected = GraphDump.of(large);
        var actual = GraphDump.of(small);
        assertThat(actual).as(GraphDump.difference(expected, actual)).isEqualTo(expected);
    }

    @Test
    void saysSoWhenARunningServiceHoldsTheDatabase() throws Exception {
        Path data = dir.resolve("held");
        Path file = dir.resolve("one.jsonl");
        Files.writeString(
                file,
                "{\"kind\":\"case\",\"caseNumber\":\"MC-1\",\"type\":\"RUNAWAY\",\"status\":\"OPEN\",\"reportedAt\":\"2021-03-04T10:00:00Z\",\"agency\":\"A\"}\n");
        try (var service = new org.springframework.boot.builder.SpringApplicationBuilder(CaselinkApplication.class)
                .run("--caselink.embedded.data-dir=" + data, "--server.port=0", "--caselink.demo.enabled=false")) {
            var err = new java.io.StringWriter();
            int exit = Cli.run(
                    new java.io.PrintWriter(System.out, true),
                    new java.io.PrintWriter(err, true),
                    "import",
                    file.toString(),
                    "--data-dir",
                    data.toString());
            assertThat(exit).isNotZero();
            assertThat(err.toString())
                    .contains("in use", "-F files=@FILE http://localhost:8080/api/import")
                    .doesNotContain("\tat ", "Exception");
        }
    }

    /**
     * A kill -9 after a known number of committed batches (the child import holds there and says
     * so, see {@link HoldAfterBatches}), then the same import again: the graph is the clean import's,
     * node for node and relationship for relationship, every property included.
     */
    @Test
    void aKilledImportLosesNoCommittedBatchAndResumesToExactlyTheCleanGraph() throws Exception {
        Path file = dir.resolve("big.jsonl");
        Generator.write(new Generator.Config(1500, 1500, 11), file, dir.resolve("big.truth.json"));

        Path clean = dir.resolve("clean");
        assertThat(cli(
                                "import",
                                file.toString(),
                                "--data-dir",
                                clean.toString(),
                                "--errors",
                                dir.resolve("e0").toString())
                        .exit())
                .isZero();
        var expected = GraphDump.of(clean);
        assertThat(expected)
                .anyMatch(l -> l.contains("-[POSSIBLE_SAME_AS"))
                .anyMatch(l -> l.contains("-[SIMILAR_TEXT"))
                .anyMatch(l -> l.contains("-[MEMBER_OF"));

        Path killed = dir.resolve("killed");
        Path held = dir.resolve("held-after");
        Process child = importInChildJvm(file, killed, 7, held);
        await().atMost(Duration.ofSeconds(180)).until(() -> Files.exists(held) || !child.isAlive());
        assertThat(held)
                .as("the child's import committed 7 batches and held; its log:\n%s", childLog())
                .exists();
        assertThat(Files.readString(held)).isEqualTo("7 700");
        assertThat(child.isAlive()).isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the store
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Map<String, Long> partial = counts(killed);
        assertThat(partial.get("nodes"))
                .as("the committed batches are there after the kill")
                .isPositive()
                .isLessThan(counts(clean).get("nodes"));

        assertThat(cli(
                                "import",
                                file.toString(),
                                "--data-dir",
                                killed.toString(),
                                "--errors",
                                dir.resolve("e2").toString())
                        .exit())
                .isZero();
        var resumed = GraphDump.of(killed);
        assertThat(resumed).as(GraphDump.difference(expected, resumed)).isEqualTo(expected);
        assertThat(counts(killed).get("duplicateCases")).isZero();
    }

    private String childLog() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Process importInChildJvm(Path file, Path dataDir, int holdAfterBatches, Path marker) throws Exception {
        List<String> cmd = org.caselink.ChildJvm.java(
                "-Xmx1g",
                "-Dcontext.listener.classes=" + HoldAfterBatches.class.getName(),
                "-Dcaselink.test.hold-after=" + holdAfterBatches,
                "-Dcaselink.test.hold-marker=" + marker,
                "-Dcaselink.ids.key=" + System.getProperty("caselink.ids.key"));
        cmd.addAll(List.of(
                Main.class.getName(),
                "import",
                file.toString(),
                "--data-dir",
                dataDir.toString(),
                "--batch-size",
                "100",
                "--errors",
                dir.resolve("e1").toString()));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
    }
}
