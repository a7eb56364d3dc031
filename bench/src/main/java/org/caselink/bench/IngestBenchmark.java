package org.caselink.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.caselink.db.Graph;
import org.caselink.generator.Generator;
import org.caselink.ingest.BulkImport;
import org.caselink.ingest.ImportSource;
import org.caselink.ingest.Importer;
import org.caselink.write.Records.Problem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ingest benchmark: a generated data set imported through the real pipeline into a fresh
 * embedded database, from the first record read to the last derived link written (near-duplicates,
 * identity proposals, networks, case links: the import's own summary), then its floor: the very
 * nodes and relationships that import produced, written again into another fresh database by bare
 * {@code UNWIND ... CREATE} statements with only the uniqueness constraints the model needs (none of
 * the pipeline's helper indexes, full-text indexes or helper properties), which is what Neo4j
 * itself needs for the same graph. The report gives both times, their ratio and where the
 * import's time went.
 */
final class IngestBenchmark {

    /** Rows per transaction for the floor's bare statements. */
    private static final int FLOOR_BATCH = 10_000;

    record Result(
            long records,
            long rejected,
            long nodes,
            long relationships,
            Duration importTime,
            Duration floorTime,
            int batchSize,
            long seed,
            int naiveRecords,
            Duration naiveTime,
            Map<String, Object> refresh,
            Importer.Phases phases,
            int floorIndexesDropped,
            @org.jspecify.annotations.Nullable Bulk bulk) {

        /** Whether the online import ran (a bulk-only run at a million records leaves it out). */
        boolean online() {
            return !importTime.isZero();
        }

        double recordsPerSecond() {
            return online() ? records * 1e9 / importTime.toNanos() : 0;
        }

        double floorRecordsPerSecond() {
            return floorTime.isZero() ? 0 : records * 1e9 / floorTime.toNanos();
        }

        double ratio() {
            return floorTime.isZero() ? 0 : (double) importTime.toNanos() / floorTime.toNanos();
        }

        double naiveRecordsPerSecond() {
            return naiveRecords == 0 ? 0 : naiveRecords * 1e9 / naiveTime.toNanos();
        }

        /** The pipeline's records per second over the naive loop's: above 1 when the pipeline is faster. */
        double ratioToNaive() {
            return naiveRecords == 0 ? 0 : recordsPerSecond() / naiveRecordsPerSecond();
        }
    }

    /**
     * The bulk path's figures: its summary (first record read to last derived link), the time in
     * building the graph and its CSV files, in Neo4j's offline importer, and in starting on the new
     * store (migrations, index population); whether it wrote the graph the online import wrote.
     */
    record Bulk(
            Importer.Summary summary,
            Duration building,
            Duration offline,
            Duration restart,
            String sameGraph,
            long peakHeapBytes) {
        double recordsPerSecond() {
            return summary.recordsPerSecond();
        }
    }

    private record NodeRow(String id, List<String> labels, Map<String, Object> props) {}

    private record RelRow(String type, String start, String end, Map<String, Object> props) {}

    private final Function<String[], ConfigurableApplicationContext> contexts;

    /** Where progress and the report are printed: the command's output. */
    private final PrintWriter console;

    private void say(String format, Object... args) {
        Reports.say(console, format, args);
    }

    IngestBenchmark(PrintWriter console, Function<String[], ConfigurableApplicationContext> contexts) {
        this.console = console;
        this.contexts = contexts;
    }

    /**
     * Imports, then writes the floor, then (when {@code naiveRecords} > 0) saves the first records
     * again one entity per call through Spring Data Neo4j into a third database; with {@code
     * analyse}, it then runs network detection and case links on the imported database so that it
     * can be served and queried (the HTTP benchmark), and reports how long that took.
     */
    Result run(int records, long seed, int batchSize, Path workDir, int naiveRecords, boolean analyse)
            throws IOException {
        return run(records, seed, batchSize, workDir, naiveRecords, analyse, true, true, true);
    }

    /**
     * As above, with either pipeline left out: {@code online} (the import's own pipeline) or
     * {@code bulk} (import --bulk through Neo4j's offline importer). The floor copies the graph the
     * first one wrote (both write the same graph: {@code BulkImportTests}).
     */
    Result run(
            int records,
            long seed,
            int batchSize,
            Path workDir,
            int naiveRecords,
            boolean analyse,
            boolean online,
            boolean bulk,
            boolean withFloor)
            throws IOException {
        Files.createDirectories(workDir);
        Path data = workDir.resolve("ingest-" + records + "-" + seed + ".jsonl");
        say("Generating about %,d records (seed %d) into %s", records, seed, data);
        Generator.write(
                new Generator.Config(records / 2, records - records / 2, seed), data, Path.of(data + ".truth.json"));

        Path importDb = fresh(workDir.resolve("import-db"));
        Importer.Summary summary = null;
        List<NodeRow> nodes = null;
        List<RelRow> rels = null;
        Map<String, Object> derivedCounts = Map.of();
        // The online import's ids key, for the bulk path's database: every uid is keyed by it, so two
        // databases compare node for node only under one key.
        String idsKey = "";
        if (online) {
            try (var ctx = contexts.apply(new String[] {
                "caselink.embedded.data-dir=" + importDb,
                "caselink.ingest.batch-size=" + batchSize,
                // The import is measured to its last derived link, as the import command runs it.
                "caselink.analysis.networks.after-import=inline",
                // Reading the whole graph back for the floor is one statement: a million nodes take minutes.
                "caselink.neo4j.transaction-timeout=2h",
                "caselink.embedded.transaction-timeout=2h"
            })) {
                say("Importing through the pipeline (batches of %d)...", batchSize);
                summary = ctx.getBean(Importer.class).run(List.of(ImportSource.of(data)), new Importer.Listener() {
                    @Override
                    public void error(Problem problem) {}
                });
                say("  %s", summary);
                Graph graph = ctx.getBean(Graph.class);
                derivedCounts = derivedCounts(graph);
                nodes = nodes(graph);
                rels = relationships(graph);
                idsKey = graph.read(
                                "MATCH (k:__IdKey) RETURN k.secret AS secret",
                                Map.of(),
                                r -> r.get("secret").asString(""))
                        .getFirst();
                if (idsKey.isEmpty()) {
                    // A configured key is kept in the graph only as its fingerprint.
                    idsKey = ctx.getEnvironment().getProperty("caselink.ids.key", "");
                }
            }
        }
        Bulk bulkRun = null;
        if (bulk) {
            bulkRun = bulk(data, fresh(workDir.resolve("bulk-db")), idsKey, derivedCounts, nodes, rels);
            if (nodes == null && !withFloor) {
                summary = bulkRun.summary();
                nodes = List.of();
                rels = List.of();
            } else if (nodes == null) {
                try (var ctx = contexts.apply(new String[] {
                    "caselink.embedded.data-dir=" + workDir.resolve("bulk-db"),
                    "caselink.ids.key=" + idsKey,
                    "caselink.neo4j.transaction-timeout=2h",
                    "caselink.embedded.transaction-timeout=2h"
                })) {
                    Graph graph = ctx.getBean(Graph.class);
                    derivedCounts = derivedCounts(graph);
                    nodes = nodes(graph);
                    rels = relationships(graph);
                }
                summary = bulkRun.summary();
            }
        }
        if (summary == null || nodes == null || rels == null) {
            throw new IllegalArgumentException("neither pipeline ran");
        }

        Path floorDb = fresh(workDir.resolve("floor-db"));
        Duration floor = Duration.ZERO;
        int floorIndexesDropped = 0;
        long nodeCount = summary.nodesCreated();
        long relCount = summary.relationshipsCreated();
        if (withFloor) {
            try (var ctx = contexts.apply(new String[] {"caselink.embedded.data-dir=" + floorDb})) {
                say(
                        "Floor: the same %,d nodes and %,d relationships by bare UNWIND ... CREATE...",
                        nodes.size(), rels.size());
                Graph floorGraph = ctx.getBean(Graph.class);
                floorIndexesDropped = onlyUniqueness(floorGraph);
                floor = floor(floorGraph, nodes, rels);
                nodeCount = nodes.size();
                relCount = rels.size();
                say("  %.1f s", floor.toMillis() / 1000.0);
            }
        }
        nodes = null;
        rels = null;
        Duration naive = Duration.ZERO;
        int naiveSaved = 0;
        if (naiveRecords > 0) {
            try (var ctx = contexts.apply(new String[] {
                "caselink.embedded.data-dir=" + fresh(workDir.resolve("naive-db")),
                // Spring Data Neo4j logs Neo4j's notes on the statements it generates, one per save.
                "logging.level.org.springframework.data.neo4j=ERROR"
            })) {
                say(
                        "Naive floor: the first %,d records saved one entity per call through Spring Data Neo4j...",
                        naiveRecords);
                long start = System.nanoTime();
                naiveSaved = NaiveSaveLoop.run(
                        ctx.getBean(org.springframework.data.neo4j.core.Neo4jTemplate.class),
                        data,
                        naiveRecords,
                        ctx.getEnvironment().getProperty("caselink.phone.default-region", "US"));
                naive = Duration.ofNanos(System.nanoTime() - start);
                say(
                        "  %,d records in %.1f s (%,.0f records/s)",
                        naiveSaved, naive.toMillis() / 1000.0, naiveSaved * 1e9 / naive.toNanos());
            }
        }
        Map<String, Object> refresh = Map.of();
        var derived = summary.phases().derived();
        if (analyse && derived != null && !derived.inBackground()) {
            // The import derived its networks and case links already: the graph can be queried.
            refresh = new LinkedHashMap<>(derivedCounts);
            refresh.put("seconds", derived.took().toMillis() / 1000.0);
            refresh.put("inImport", true);
        } else if (analyse) {
            try (var ctx = contexts.apply(new String[] {"caselink.embedded.data-dir=" + importDb})) {
                say("Network detection and case links on the imported graph, so that it can be queried...");
                long start = System.nanoTime();
                @SuppressWarnings("unchecked")
                var networks = (Map<String, Object>) AnalysisBenchmark.execute(
                                ctx.getBean(org.springframework.graphql.ExecutionGraphQlService.class),
                                "mutation { refreshNetworks { networks members caseLinks } }",
                                Map.of())
                        .get("refreshNetworks");
                refresh = new LinkedHashMap<>(networks);
                refresh.put("seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
                say("  %s", refresh);
            }
        }
        return new Result(
                summary.read(),
                summary.rejected(),
                nodeCount,
                relCount,
                online ? summary.took() : Duration.ZERO,
                floor,
                batchSize,
                seed,
                naiveSaved,
                naive,
                refresh,
                online
                        ? summary.phases()
                        : new Importer.Phases(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, null),
                floorIndexesDropped,
                bulkRun);
    }

    /**
     * The bulk path as {@code import --bulk} runs it, into a fresh database: prepared with the
     * database running, the store written with it stopped, then the service started on it to make
     * the schema and derive the links. Its time runs from the first record read to the last
     * derived link, the database's restart included.
     */
    private Bulk bulk(
            Path data,
            Path db,
            String idsKey,
            Map<String, Object> onlineCounts,
            @org.jspecify.annotations.Nullable List<NodeRow> onlineNodes,
            @org.jspecify.annotations.Nullable List<RelRow> onlineRels)
            throws IOException {
        say("Importing through the bulk path (import --bulk, Neo4j's offline importer)...");
        // Peak heap from here: the JVM's heap pools' peaks, reset now (the online import came before).
        var heap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .toList();
        System.gc();
        heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        BulkImport.Prepared prepared;
        String key = "caselink.ids.key=" + idsKey;
        try (var ctx = contexts.apply(new String[] {"caselink.embedded.data-dir=" + db, key})) {
            prepared = ctx.getBean(BulkImport.class).prepare(List.of(ImportSource.of(data)), problem -> {});
        }
        say("  graph and CSV files built: %,d nodes, %,d relationships", prepared.nodes(), prepared.relationships());
        var loaded = BulkImport.load(prepared);
        BulkImport.cleanUp(prepared.work());
        say("  store written by the offline importer in %.1f s", loaded.took().toMillis() / 1000.0);
        long restartStart = System.nanoTime();
        try (var ctx = contexts.apply(new String[] {
            "caselink.embedded.data-dir=" + db,
            key,
            "caselink.analysis.networks.after-import=inline",
            "caselink.neo4j.transaction-timeout=2h",
            "caselink.embedded.transaction-timeout=2h"
        })) {
            Duration restart = Duration.ofNanos(System.nanoTime() - restartStart);
            Importer.Summary summary = ctx.getBean(BulkImport.class).finish(prepared, loaded);
            say("  %s", summary);
            String same = "not compared (the online import did not run)";
            if (onlineNodes != null && onlineRels != null) {
                Graph graph = ctx.getBean(Graph.class);
                var online = shape(onlineNodes, onlineRels);
                online.putAll(onlineCounts);
                var bulk = shape(nodes(graph), relationships(graph));
                bulk.putAll(derivedCounts(graph));
                same = online.equals(bulk)
                        ? "yes: the same nodes per label, relationships per type, networks, members and case links"
                        : "NO: online " + online + ", bulk " + bulk;
                say("  same graph as the online import: %s", same);
            }
            long peak = heap.stream()
                    .mapToLong(pool -> pool.getPeakUsage().getUsed())
                    .sum();
            return new Bulk(summary, prepared.building(), loaded.took(), restart, same, peak);
        }
    }

    /** Nodes per label set and relationships per type. */
    private static Map<String, Object> shape(List<NodeRow> nodes, List<RelRow> rels) {
        Map<String, Object> out = new java.util.TreeMap<>();
        nodes.forEach(n -> out.merge("nodes " + n.labels(), 1L, (a, b) -> (Long) a + (Long) b));
        rels.forEach(r -> out.merge("relationships " + r.type(), 1L, (a, b) -> (Long) a + (Long) b));
        return out;
    }

    private static Map<String, Object> derivedCounts(Graph graph) {
        Map<String, Object> out = new LinkedHashMap<>(counts(graph));
        // Not only as many: the same pairs with the same scores and distances.
        var digest = new java.util.zip.CRC32C();
        graph.read(
                "MATCH (a:Case)-[r:CASE_LINK]->(b:Case) RETURN a.caseNumber + ' ' + b.caseNumber + ' ' + r.score + ' '"
                        + " + r.distance AS line ORDER BY line",
                Map.of(),
                r -> {
                    digest.update((r.get("line").asString() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return null;
                });
        out.put("caseLinksDigest", Long.toHexString(digest.getValue()));
        return out;
    }

    private static Map<String, Object> counts(Graph graph) {
        return graph.read(
                        "RETURN COUNT { (:Network) } AS networks, COUNT { ()-[:MEMBER_OF]->(:Network) } AS members,"
                                + " COUNT { (:Case)-[:CASE_LINK]->(:Case) } AS caseLinks",
                        Map.of(),
                        r -> Map.<String, Object>of(
                                "networks", r.get("networks").asLong(),
                                "members", r.get("members").asLong(),
                                "caseLinks", r.get("caseLinks").asLong()))
                .getFirst();
    }

    private static List<NodeRow> nodes(Graph graph) {
        return graph.read(
                "MATCH (n) WHERE NOT n:__Migration AND NOT n:__IdKey AND NOT n:AuditEvent AND NOT n:AuditHead RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props",
                Map.of(),
                r -> new NodeRow(
                        r.get("id").asString(),
                        r.get("labels").asList(v -> v.asString()),
                        r.get("props").asMap()));
    }

    private static List<RelRow> relationships(Graph graph) {
        return graph.read(
                "MATCH (a)-[r]->(b) WHERE NOT a:__Migration AND NOT a:__IdKey AND NOT a:AuditEvent RETURN type(r) AS type, elementId(a) AS s, elementId(b) AS e, properties(r) AS props",
                Map.of(),
                r -> new RelRow(
                        r.get("type").asString(),
                        r.get("s").asString(),
                        r.get("e").asString(),
                        r.get("props").asMap()));
    }

    /**
     * Properties the pipeline keeps only for its own bookkeeping (which record gave a name, every
     * spelling seen, the text the full-text index reads, the similarity bands of older releases):
     * the floor leaves them out, as it leaves out their indexes.
     */
    static final java.util.Set<String> HELPER_PROPERTIES = java.util.Set.of(
            "nameRank", "dobRank", "sexRank", "nameForms", "givenAliases", "aliasText", "block1", "block2");

    private static final java.util.regex.Pattern BANDS = java.util.regex.Pattern.compile("(tb|ib)[0-9]+");

    private static boolean helper(String property) {
        return HELPER_PROPERTIES.contains(property) || BANDS.matcher(property).matches();
    }

    /**
     * Drops every index a uniqueness constraint does not own (full-text, range, point), keeping the
     * token lookups; returns how many.
     */
    private int onlyUniqueness(Graph graph) {
        List<String> dropped = graph.read(
                "SHOW INDEXES YIELD name, type, owningConstraint WHERE owningConstraint IS NULL AND type <> 'LOOKUP' RETURN name",
                Map.of(),
                r -> r.get("name").asString());
        for (String name : dropped) {
            graph.write("DROP INDEX `" + name.replace("`", "``") + "`", Map.of(), r -> r);
        }
        say("  (dropped %d indexes not owned by a uniqueness constraint)", dropped.size());
        return dropped.size();
    }

    /** Creates the nodes (grouped by label set) and then the relationships (by type), timed together. */
    private Duration floor(Graph graph, List<NodeRow> nodes, List<RelRow> rels) {
        long start = System.nanoTime();
        Map<String, String> newId = new HashMap<>(nodes.size() * 2);
        Map<List<String>, List<NodeRow>> byLabels = new LinkedHashMap<>();
        nodes.forEach(n ->
                byLabels.computeIfAbsent(n.labels(), k -> new ArrayList<>()).add(n));
        byLabels.forEach((labels, group) -> {
            String cypher = "UNWIND $rows AS r CREATE (n" + labelsOf(labels)
                    + ") SET n = r.props RETURN r.id AS old, elementId(n) AS id";
            long t = System.nanoTime();
            for (List<NodeRow> chunk : chunks(group)) {
                List<Map<String, Object>> rows = chunk.stream()
                        .map(n -> Map.<String, Object>of("id", n.id(), "props", withoutHelpers(n.props())))
                        .toList();
                graph.inWriteTransaction(tx -> tx.run(cypher, Map.of("rows", rows), r -> {
                    newId.put(r.get("old").asString(), r.get("id").asString());
                    return null;
                }));
            }
            say("    %,8d %-30s %6.1f s", group.size(), labels, (System.nanoTime() - t) / 1e9);
        });
        Map<String, List<RelRow>> byType = new LinkedHashMap<>();
        rels.forEach(
                r -> byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r));
        byType.forEach((type, group) -> {
            String cypher = "UNWIND $rows AS r MATCH (a) WHERE elementId(a) = r.s MATCH (b) WHERE elementId(b) = r.e"
                    + " CREATE (a)-[x:`" + type.replace("`", "``") + "`]->(b) SET x = r.props";
            long t = System.nanoTime();
            for (List<RelRow> chunk : chunks(group)) {
                List<Map<String, Object>> rows = chunk.stream()
                        .map(r -> Map.<String, Object>of(
                                "s", newId.get(r.start()), "e", newId.get(r.end()), "props", r.props()))
                        .toList();
                graph.inWriteTransaction(tx -> {
                    tx.run(cypher, Map.of("rows", rows));
                    return null;
                });
            }
            say("    %,8d %-30s %6.1f s", group.size(), type, (System.nanoTime() - t) / 1e9);
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        var written = graph.read(
                "RETURN COUNT { MATCH (n) WHERE NOT n:__Migration AND NOT n:__IdKey AND NOT n:AuditEvent AND NOT n:AuditHead } AS nodes, COUNT { MATCH ()-[r]->() } AS rels",
                Map.of(),
                r -> List.of(r.get("nodes").asLong(), r.get("rels").asLong()));
        if (!written.getFirst().equals(List.of((long) nodes.size(), (long) rels.size()))) {
            throw new IllegalStateException("the floor wrote " + written.getFirst() + " nodes and relationships, not "
                    + nodes.size() + " and " + rels.size());
        }
        return took;
    }

    private static Map<String, Object> withoutHelpers(Map<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>(props);
        out.keySet().removeIf(IngestBenchmark::helper);
        return out;
    }

    private static String labelsOf(List<String> labels) {
        StringBuilder b = new StringBuilder();
        labels.forEach(l -> b.append(":`").append(l.replace("`", "``")).append('`'));
        return b.toString();
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += FLOOR_BATCH) {
            out.add(all.subList(i, Math.min(all.size(), i + FLOOR_BATCH)));
        }
        return out;
    }

    private static Path fresh(Path dir) throws IOException {
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        return dir;
    }

    /** The bulk path's rows: its time, where it went, its rate, and whether it wrote the same graph. */
    private static String bulkRows(Result r) {
        var b = r.bulk();
        if (b == null) {
            return "";
        }
        var p = b.summary().phases();
        StringBuilder rows = new StringBuilder(String.format(
                Locale.ROOT,
                """
                | Bulk path (`import --bulk`), first record read to last derived link | %.1f s | |
                | - records read, parsed, mapped to the graph and written as CSV files (parsing and validating %.1f s, of which extracting contacts from ad texts %.1f s) | %.1f s | |
                | - Neo4j's offline importer writing the store | %.1f s | |
                | - starting on the new store: migrations make the schema, indexes populate | %.1f s | |
                | - records in, in all | %.1f s | |
                """,
                b.summary().took().toMillis() / 1000.0,
                p.parsing().toMillis() / 1000.0,
                p.extracting().toMillis() / 1000.0,
                b.building().plus(p.parsing()).toMillis() / 1000.0,
                b.offline().toMillis() / 1000.0,
                b.restart().toMillis() / 1000.0,
                p.records().toMillis() / 1000.0));
        if (p.derived() == null) {
            rows.append("| - derived links | **not derived: the derivation failed (the log says why); the time and"
                    + " rate are the records' alone** | |\n");
        } else {
            rows.append(String.format(
                    Locale.ROOT,
                    "| - derived links, in all | %.1f s | |%n",
                    p.derived().took().toMillis() / 1000.0));
            p.derived()
                    .stepsMs()
                    .forEach((step, ms) -> rows.append(
                            String.format(Locale.ROOT, "| &nbsp;&nbsp;- %s | %.1f s | |%n", step, ms / 1000.0)));
        }
        rows.append(String.format(
                Locale.ROOT,
                """
                | **Bulk records per second** | **%,.0f** | >= 50,000 at 1,000,000 records |
                | **Bulk / floor** | **%.2fx** | |
                | Same graph as the online import | %s | |
                | Peak heap during the bulk path (sum of the heap pools' peaks; -Xmx %.1f GiB) | %.2f GiB | <= 4 GiB at 1,000,000 records |
                """,
                b.recordsPerSecond(),
                r.floorTime().isZero()
                        ? 0
                        : (double) b.summary().took().toNanos() / r.floorTime().toNanos(),
                b.sameGraph(),
                Runtime.getRuntime().maxMemory() / (double) (1L << 30),
                b.peakHeapBytes() / (double) (1L << 30)));
        return rows.toString();
    }

    private static String bulkVerdict(Result r) {
        if (r.bulk() == null) {
            return "";
        }
        if (r.bulk().summary().phases().derived() == null) {
            return "; bulk path: its derivation failed, so it did not finish";
        }
        return r.bulk().recordsPerSecond() >= 50_000
                ? "; bulk path: target met"
                : String.format(
                        Locale.ROOT,
                        "; bulk path: %,.0f records/s, below 50,000",
                        r.bulk().recordsPerSecond());
    }

    private static String naiveRows(Result r) {
        String rows = r.naiveRecords() == 0
                ? ""
                : String.format(
                        Locale.ROOT,
                        """
                        | Naive floor: the first %,d records, one entity per call through Spring Data Neo4j | %.1f s (%,.0f records/s) | |
                        | **Pipeline records/s over naive records/s** | **%.2fx** | |
                        """,
                        r.naiveRecords(),
                        r.naiveTime().toMillis() / 1000.0,
                        r.naiveRecordsPerSecond(),
                        r.ratioToNaive());
        if (r.refresh().containsKey("inImport")) {
            rows += String.format(
                    Locale.ROOT,
                    "| Networks and case links left for `benchmark http` (%s networks, %s case links) | derived by the import | |%n",
                    r.refresh().get("networks"),
                    r.refresh().get("caseLinks"));
        } else if (!r.refresh().isEmpty()) {
            rows += String.format(
                    Locale.ROOT,
                    "| Then network detection and case links (%s networks, %s case links) | %s s | |%n",
                    r.refresh().get("networks"),
                    r.refresh().get("caseLinks"),
                    r.refresh().get("seconds"));
        }
        return rows;
    }

    /** Where the import's time went: a row per phase, for the report. */
    static String phaseRows(Importer.Phases p) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "| - records read, parsed and written (parsing and validating %.1f s on the reading thread, of which extracting contacts from ad texts %.1f s; writing %.1f s on another thread, overlapping) | %.1f s | |%n",
                p.parsing().toMillis() / 1000.0,
                p.extracting().toMillis() / 1000.0,
                p.writing().toMillis() / 1000.0,
                p.records().toMillis() / 1000.0));
        if (p.derived() != null && !p.derived().inBackground()) {
            b.append(String.format(
                    Locale.ROOT,
                    "| - derived links, in all | %.1f s | |%n",
                    p.derived().took().toMillis() / 1000.0));
            p.derived()
                    .stepsMs()
                    .forEach((step, ms) -> b.append(
                            String.format(Locale.ROOT, "| &nbsp;&nbsp;- %s | %.1f s | |%n", step, ms / 1000.0)));
        }
        return b.toString();
    }

    /** The report, as Markdown for people and JSON for machines. */
    static void write(PrintWriter console, Result r, Path markdown, Path json) throws IOException {
        Map<String, Object> machine = Reports.machine();
        String verdict = !r.online()
                ? "online import not run"
                : r.floorTime().isZero()
                        ? "floor not run"
                        : r.recordsPerSecond() >= 10_000 && r.ratio() <= 2.0
                                ? "targets met"
                                : "target missed: "
                                        + (r.recordsPerSecond() < 10_000 ? "records/s below 10,000" : "")
                                        + (r.recordsPerSecond() < 10_000 && r.ratio() > 2 ? "; " : "")
                                        + (r.ratio() > 2 ? "more than 2x the floor" : "");
        String md = String.format(
                Locale.ROOT,
                """
                # Ingest benchmark

                %s; %s cores, %s GiB memory, %s; run %s.

                | Figure | Value | Target |
                |---|---:|---:|
                | Records imported (rejected) | %,d (%d) | 100,000 |
                | Nodes / relationships written | %,d / %,d | |
                | Import through the pipeline (batches of %d), first record read to last derived link | %.1f s | |
                %s| **Records per second** | **%,.0f** | >= 10,000 |
                | Floor: bare `UNWIND ... CREATE` of the same graph, uniqueness constraints only, no helper properties | %.1f s (%,.0f records/s) | |
                | **Pipeline / floor** | **%.2fx** | <= 2x |
                %s%s
                Verdict: %s.
                """,
                machine.get("os"),
                machine.get("cores"),
                machine.get("memoryGiB"),
                machine.get("jvm"),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                r.records(),
                r.rejected(),
                r.nodes(),
                r.relationships(),
                r.batchSize(),
                r.importTime().toMillis() / 1000.0,
                phaseRows(r.phases()),
                r.recordsPerSecond(),
                r.floorTime().toMillis() / 1000.0,
                r.floorRecordsPerSecond(),
                r.ratio(),
                bulkRows(r),
                naiveRows(r),
                verdict + bulkVerdict(r));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "ingest");
        out.put("machine", machine);
        out.put("seed", r.seed());
        out.put("batchSize", r.batchSize());
        out.put("records", r.records());
        out.put("rejected", r.rejected());
        out.put("nodes", r.nodes());
        out.put("relationships", r.relationships());
        out.put("importSeconds", r.importTime().toMillis() / 1000.0);
        out.put("recordsPerSecond", Math.round(r.recordsPerSecond()));
        out.put("floorSeconds", r.floorTime().toMillis() / 1000.0);
        out.put("ratioToFloor", Math.round(r.ratio() * 100) / 100.0);
        out.put("floorIndexesDropped", r.floorIndexesDropped());
        out.put("naiveRecords", r.naiveRecords());
        out.put("naiveSeconds", r.naiveTime().toMillis() / 1000.0);
        out.put("naiveRecordsPerSecond", Math.round(r.naiveRecordsPerSecond() * 100) / 100.0);
        out.put("pipelineOverNaive", Math.round(r.ratioToNaive() * 100) / 100.0);
        out.put("analysis", r.refresh());
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("parsingSeconds", r.phases().parsing().toMillis() / 1000.0);
        phases.put("extractingSeconds", r.phases().extracting().toMillis() / 1000.0);
        phases.put("writingSeconds", r.phases().writing().toMillis() / 1000.0);
        phases.put("recordsSeconds", r.phases().records().toMillis() / 1000.0);
        if (r.phases().derived() != null) {
            phases.put("derivedSeconds", r.phases().derived().took().toMillis() / 1000.0);
            phases.put("derivedStepsMs", r.phases().derived().stepsMs());
        }
        out.put("phases", phases);
        out.put("targetsMet", r.recordsPerSecond() >= 10_000 && r.ratio() <= 2.0);
        if (r.bulk() != null) {
            var b = r.bulk();
            Map<String, Object> bulk = new LinkedHashMap<>();
            bulk.put("seconds", b.summary().took().toMillis() / 1000.0);
            bulk.put("recordsPerSecond", Math.round(b.recordsPerSecond()));
            if (!r.floorTime().isZero()) {
                bulk.put(
                        "ratioToFloor",
                        Math.round(b.summary().took().toNanos()
                                        * 100.0
                                        / r.floorTime().toNanos())
                                / 100.0);
            }
            bulk.put("parsingSeconds", b.summary().phases().parsing().toMillis() / 1000.0);
            bulk.put("extractingSeconds", b.summary().phases().extracting().toMillis() / 1000.0);
            bulk.put("buildingSeconds", b.building().toMillis() / 1000.0);
            bulk.put("offlineImporterSeconds", b.offline().toMillis() / 1000.0);
            bulk.put("restartSeconds", b.restart().toMillis() / 1000.0);
            bulk.put("recordsSeconds", b.summary().phases().records().toMillis() / 1000.0);
            if (b.summary().phases().derived() != null) {
                bulk.put("derivedSeconds", b.summary().phases().derived().took().toMillis() / 1000.0);
                bulk.put("derivedStepsMs", b.summary().phases().derived().stepsMs());
            }
            bulk.put("sameGraphAsOnline", b.sameGraph());
            bulk.put("peakHeapBytes", b.peakHeapBytes());
            bulk.put("targetMet", b.recordsPerSecond() >= 50_000);
            out.put("bulk", bulk);
        }
        Reports.publish(console, md, out, markdown, json);
    }
}
