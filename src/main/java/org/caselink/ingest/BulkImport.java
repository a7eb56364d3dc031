package org.caselink.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.EmbeddedNeo4jProperties;
import org.caselink.db.Graph;
import org.caselink.db.OfflineImport;
import org.caselink.write.BulkGraph;
import org.caselink.write.Records.LinkRecord;
import org.caselink.write.Records.Problem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The bulk path for a first load ({@code import --bulk}): the records are read, validated and
 * mapped exactly as the online import reads them ({@link Importer#read}, {@link RecordWriter}),
 * but into a graph in memory ({@link BulkGraph}) that Neo4j's offline importer writes as the new
 * store ({@link OfflineImport}); the service then starts on it, its migrations make the schema,
 * and the same derivation as after every import (near-duplicates, identity proposals, networks,
 * key players, case links) runs over it. It takes three steps, because the store can be written
 * only while the database is stopped: {@link #prepare} (database running: checks it is empty,
 * builds the files), {@link #load} (database stopped), {@link #finish} (database running again).
 *
 * <p>For an empty embedded database only: it replaces the store, so it refuses one that holds
 * anything but what every first start writes (the ids key and the audit trail, which it carries
 * into the new store), and a database server (NEO4J_URI), whose files it cannot reach.
 */
@Component
public class BulkImport {

    private static final String NOT_EMPTY = CypherFiles.query("ingest/bulk-not-empty");
    private static final String CARRIED = CypherFiles.query("ingest/bulk-carried");
    private static final String EMPTY_LISTS = CypherFiles.query("ingest/bulk-empty-lists");
    private static final String AWAIT_INDEXES = CypherFiles.query("ingest/bulk-await-indexes");

    private final Graph graph;
    private final Importer importer;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<EmbeddedNeo4jProperties> embedded;

    BulkImport(
            Graph graph,
            Importer importer,
            ApplicationEventPublisher events,
            ObjectProvider<EmbeddedNeo4jProperties> embedded) {
        this.graph = graph;
        this.importer = importer;
        this.events = events;
        this.embedded = embedded;
    }

    /** The bulk path cannot run here; the message says why and what to do instead. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What {@link #prepare} built: the files for the importer, the counts for the summary, and
     * the time so far.
     */
    public record Prepared(
            Path home,
            Path work,
            BulkGraph.Files files,
            long read,
            long imported,
            long rejected,
            long warnings,
            long nodes,
            long relationships,
            Map<String, Integer> labels,
            Duration parsing,
            Duration extracting,
            Duration building,
            long startNanos) {}

    /**
     * Checks that the database is the embedded one and empty, reads every source (reporting each
     * bad record to {@code listener}, as the online import does) and writes the graph's CSV files
     * into a folder of the data folder ({@link #cleanUp} removes it).
     */
    public Prepared prepare(List<ImportSource> sources, Importer.Listener listener) throws IOException {
        long start = System.nanoTime();
        EmbeddedNeo4jProperties props = embedded.getIfAvailable();
        if (props == null) {
            throw new Refused("import --bulk writes the files of the embedded database and cannot reach a database"
                    + " server's (NEO4J_URI is set). Import without --bulk, or run neo4j-admin database import"
                    + " on the server.");
        }
        List<String> held = graph.read(
                NOT_EMPTY,
                Map.of(),
                r -> String.format("%,d %s", r.get("n").asLong(), r.get("label").asString()));
        if (!held.isEmpty()) {
            throw new Refused("import --bulk is for an empty database: it replaces the whole store, and this one"
                    + " holds " + String.join(", ", held) + ". Import without --bulk (the online import adds to"
                    + " what is there), or point --data-dir at a new folder.");
        }
        Path home = props.dataDir().toAbsolutePath().normalize();
        Path work = home.resolve("bulk-import");
        cleanUp(work);
        var state = new ImportProgress(listener);
        BulkGraph bulk = new BulkGraph(OffsetDateTime.now(ZoneOffset.UTC));
        var records = new RecordWriter(bulk);
        List<LinkRecord> links = new ArrayList<>();
        long[] buildNanos = {0};
        for (ImportSource source : sources) {
            // Each record mapped as it is read (a million parsed records are not held at once), one
            // at a time: a record that cannot be mapped is rejected alone, as online.
            importer.read(source, state, r -> {
                if (r instanceof LinkRecord l) {
                    links.add(l); // written once every person is in, as the online import's deferred links
                    return;
                }
                long t = System.nanoTime();
                try {
                    records.write(null, List.of(r), state);
                    state.imported++;
                } catch (RuntimeException e) {
                    state.error(new Problem(
                            r.origin(), r.key(), "record", "could not be written: " + Importer.safeReason(e)));
                }
                buildNanos[0] += System.nanoTime() - t;
            });
            listener.progress(state.reads, source.size(), source);
        }
        long t = System.nanoTime();
        List<org.caselink.write.Rows.AssociationRow> associations = new ArrayList<>();
        for (LinkRecord l : links) {
            String from = bulk.personUid(l.from());
            String to = bulk.personUid(l.to());
            if (from == null || to == null) {
                state.error(RecordWriter.unknownPerson(
                        l, from == null ? java.util.Set.of(l.to()) : java.util.Set.of(l.from())));
            } else {
                associations.add(RecordWriter.association(l, from, to));
                state.imported++;
            }
        }
        bulk.associations(null, associations);
        carry(bulk);
        BulkGraph.Files files = bulk.write(work);
        buildNanos[0] += System.nanoTime() - t;
        return new Prepared(
                home,
                work,
                files,
                state.reads,
                state.imported,
                state.rejected,
                state.warnings,
                bulk.nodeCount(),
                bulk.relationshipCount(),
                bulk.labelCounts(),
                Duration.ofNanos(state.parseNanos),
                Duration.ofNanos(state.extractNanos),
                Duration.ofNanos(buildNanos[0]),
                start);
    }

    /** The ids key and the audit trail, into the new store as they are (see bulk-carried.cypher). */
    private void carry(BulkGraph bulk) {
        graph.read(CARRIED, Map.of(), r -> {
            bulk.carry(r.get("labels").asList(v -> v.asString()), r.get("props").asMap());
            return null;
        });
    }

    /** Removes the CSV files the bulk path wrote (they hold the records' text). */
    public static void cleanUp(Path work) throws IOException {
        if (java.nio.file.Files.exists(work)) {
            try (var files = java.nio.file.Files.walk(work)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
        }
    }

    /** Writes the prepared files as the embedded database's new store; the database must be stopped. */
    public static OfflineImport.Result load(Prepared prepared) throws IOException {
        // The store it replaces holds the ids key and the audit trail: kept aside until the new one
        // is written, and put back if the importer fails.
        List<Path> stores = List.of(
                prepared.home().resolve("data/databases/neo4j"), prepared.home().resolve("data/transactions/neo4j"));
        Path before = prepared.work().resolve("before");
        for (int i = 0; i < stores.size(); i++) {
            copy(stores.get(i), before.resolve(String.valueOf(i)));
        }
        try {
            return OfflineImport.run(
                    prepared.home(),
                    prepared.files().nodes(),
                    prepared.files().relationships(),
                    prepared.files().multiline(),
                    BulkGraph.ARRAY_DELIMITER);
        } catch (IOException | RuntimeException e) {
            for (int i = 0; i < stores.size(); i++) {
                cleanUp(stores.get(i));
                copy(before.resolve(String.valueOf(i)), stores.get(i));
            }
            throw e;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!java.nio.file.Files.exists(from)) {
            return;
        }
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * On the new store, once the service has started on it (its migrations made the schema): the
     * empty lists the importer could not write, then the derivation every import asks for. Returns
     * the import's summary, timed from the first record read to the last derived link written.
     */
    public Importer.Summary finish(Prepared prepared, OfflineImport.Result loaded) {
        // The migrations made the indexes; they fill in the background: the derivation waits for them.
        graph.write(AWAIT_INDEXES, Map.of(), r -> r);
        for (var e : prepared.files().emptyLists()) {
            String pattern = e.relationship() ? "()-[x:`" + e.name() + "`]->()" : "(x:`" + e.name() + "`)";
            String cypher = CypherFiles.fill(EMPTY_LISTS, "__PATTERN__", pattern, "__PROPERTY__", e.property());
            while (graph.write(cypher, Map.of("batch", 50_000), r -> r.get("n").asLong())
                            .getFirst()
                    > 0) {
                // another batch
            }
        }
        Duration records = Duration.ofNanos(System.nanoTime() - prepared.startNanos());
        var summary = new Importer.Summary(
                prepared.read(),
                prepared.imported(),
                prepared.rejected(),
                prepared.warnings(),
                prepared.nodes(),
                prepared.relationships(),
                records,
                new Importer.Phases(
                        prepared.parsing(),
                        prepared.extracting(),
                        prepared.building().plus(loaded.took()),
                        records,
                        null));
        Derivation[] derived = {null};
        events.publishEvent(new ImportFinished(summary, true, d -> derived[0] = d));
        return derived[0] == null
                ? summary
                : summary.derived(derived[0], Duration.ofNanos(System.nanoTime() - prepared.startNanos()));
    }
}
