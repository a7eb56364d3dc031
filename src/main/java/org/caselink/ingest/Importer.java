package org.caselink.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.DatabaseUnavailableException;
import org.caselink.db.Graph;
import org.caselink.write.GraphWriter;
import org.caselink.write.Records.ImportRecord;
import org.caselink.write.Records.Problem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The import pipeline that every front door runs (the {@code import} command, the upload
 * endpoint, the GraphQL mutation): read, parse and validate each record, normalise, then write
 * batches of good records, one transaction per batch, through {@link GraphWriter}. A bad record
 * is reported (file, line, field, reason) and the good ones beside it still land. A batch that
 * the database refuses is retried record by record, so one bad record cannot sink its batch.
 * Everything is merged on natural keys and evidence: importing the same data again creates nothing.
 * What a batch becomes in the graph is {@link RecordWriter}'s; the counts both threads keep are
 * {@link ImportProgress}.
 */
@Component
public class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    /** Marks an import as started; returns the ids of every import not yet finished, this one included. */
    private static final String STARTED = CypherFiles.query("ingest/import-started");

    /** Marks this import, and those it completed, as finished. */
    private static final String FINISHED = CypherFiles.query("ingest/imports-finished");

    private final Graph graph;
    private final RecordWriter records;
    private final String region;
    private final int batchSize;
    private final ApplicationEventPublisher events;

    Importer(
            Graph graph,
            GraphWriter writer,
            org.caselink.normalize.PhoneProperties phone,
            IngestProperties settings,
            ApplicationEventPublisher events) {
        this.events = events;
        this.graph = graph;
        this.records = new RecordWriter(writer);
        this.region = phone.defaultRegion();
        this.batchSize = settings.batchSize();
    }

    /** Told about progress and every problem as the import goes. */
    public interface Listener {
        default void progress(long records, long bytesRead, ImportSource source) {}

        void error(Problem problem);

        default void warning(Problem problem) {}

        /**
         * Whether whoever imports may make the existing child {@code uid} the subject of a case (see
         * {@link GraphWriter.ChildNotLinkable}): yes for an operator's import command; a signed-in
         * user only with need-to-know of the child. A record that would is rejected.
         */
        default boolean mayLinkChild(String uid) {
            return true;
        }
    }

    /**
     * The outcome of one import. {@code took} is its own wall time, from the first record read to
     * the last derived link written when the derived data was refreshed in the importing thread
     * (the commands), else to the last record committed; {@link #recordsPerSecond()} is over it.
     */
    public record Summary(
            long read,
            long imported,
            long rejected,
            long warnings,
            long nodesCreated,
            long relationshipsCreated,
            Duration took,
            Phases phases) {

        /** An import whose time was not broken down (the demo data, written in one transaction). */
        public Summary(
                long read, long imported, long rejected, long warnings, long nodes, long relationships, Duration took) {
            this(
                    read,
                    imported,
                    rejected,
                    warnings,
                    nodes,
                    relationships,
                    took,
                    new Phases(took, Duration.ZERO, took, took, null));
        }

        public double recordsPerSecond() {
            return took.toNanos() == 0 ? 0 : read * 1e9 / took.toNanos();
        }

        Summary derived(Derivation derivation, Duration total) {
            return new Summary(
                    read,
                    imported,
                    rejected,
                    warnings,
                    nodesCreated,
                    relationshipsCreated,
                    total,
                    new Phases(phases.parsing(), phases.extracting(), phases.writing(), phases.records(), derivation));
        }

        @Override
        public String toString() {
            String time;
            if (phases.derived() == null || phases.derived().inBackground()) {
                time = String.format(
                        "%.1f s (%.0f records/s)%s",
                        seconds(took),
                        recordsPerSecond(),
                        phases.derived() == null ? "" : "; derived links are being refreshed in the background");
            } else {
                time = String.format(
                        "records in %.1f s (%s), derived links in %.1f s (%s); %.1f s in all (%.0f records/s)",
                        seconds(phases.records()),
                        String.format(
                                "parse %.1f s, of which extracting contacts from ad texts %.1f s; write %.1f s",
                                seconds(phases.parsing()), seconds(phases.extracting()), seconds(phases.writing())),
                        seconds(phases.derived().took()),
                        String.join(
                                ", ",
                                phases.derived().stepsMs().entrySet().stream()
                                        .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue() / 1000.0))
                                        .toList()),
                        seconds(took),
                        recordsPerSecond());
            }
            return String.format(
                    "%d records read, %d imported, %d rejected, %d warnings; created %d nodes and %d relationships; %s",
                    read, imported, rejected, warnings, nodesCreated, relationshipsCreated, time);
        }

        private static double seconds(Duration d) {
            return d.toMillis() / 1000.0;
        }
    }

    /**
     * Where an import's time went: parsing, validating and normalising the records ({@code parsing},
     * on the reading thread, after a line is read), of which extracting phones and emails from ad
     * texts ({@code extracting}), writing them ({@code writing}, on the writing thread, overlapping it;
     * resolving identities is part of it: {@code import --profile} splits it by statement),
     * the wall time until the last record committed ({@code records}), and what the refresh after it
     * derived ({@code derived}; none when nothing changed).
     */
    public record Phases(
            Duration parsing,
            Duration extracting,
            Duration writing,
            Duration records,
            @Nullable Derivation derived) {}

    public Summary run(List<ImportSource> sources, Listener listener) {
        return run(sources, batchSize, listener);
    }

    /** {@link #run(List, Listener)} with {@code batchSize} records per transaction instead of the configured number. */
    public Summary run(List<ImportSource> sources, int batchSize, Listener listener) {
        var state = new ImportProgress(listener);
        try {
            return run(sources, batchSize, state);
        } catch (DatabaseUnavailableException e) {
            synchronized (state) {
                throw new ImportInterruptedException(state.committedBatches, state.committedRecords, state.reads, e);
            }
        }
    }

    private Summary run(List<ImportSource> sources, int batchSize, ImportProgress state) {
        long start = System.nanoTime();
        Listener listener = state.listener;
        String run = java.util.UUID.randomUUID().toString();
        // Imports that started and never finished (killed, or the database went away): this one
        // completes what they left, so what is derived from the graph is refreshed whatever it adds.
        List<String> unfinished =
                graph.write(STARTED, Map.of("id", run), r -> r.get("id").asString());
        // Parsing (JSON, validation, phone extraction) and writing each take a core: the batch
        // being written overlaps with the next one being parsed. One writer, so batches land in order.
        try (var writer = new Pipeline(state)) {
            for (ImportSource source : sources) {
                List<ImportRecord> batch = new ArrayList<>(batchSize);
                read(source, state, record -> {
                    batch.add(record);
                    if (batch.size() >= batchSize) {
                        writer.submit(List.copyOf(batch));
                        batch.clear();
                    }
                });
                writer.submit(List.copyOf(batch));
                writer.drain();
                listener.progress(state.reads, source.size(), source);
            }
        }
        derive(state);
        Duration records = Duration.ofNanos(System.nanoTime() - start);
        var summary = new Summary(
                state.reads,
                state.imported,
                state.rejected,
                state.warnings,
                state.changes.nodesCreated(),
                state.changes.relationshipsCreated(),
                records,
                new Phases(
                        Duration.ofNanos(state.parseNanos),
                        Duration.ofNanos(state.extractNanos),
                        Duration.ofNanos(state.writeNanos),
                        records,
                        null));
        // Derived data (near-duplicates, proposals, networks, case links) is refreshed by the
        // listeners: in this thread for the commands, which then report it here.
        Derivation[] derived = {null};
        events.publishEvent(new ImportFinished(
                summary, unfinished.size() > 1 || state.changes.relationshipsDeleted() > 0, d -> derived[0] = d));
        if (derived[0] != null) {
            summary = summary.derived(derived[0], Duration.ofNanos(System.nanoTime() - start));
        }
        log.info("Import finished: {}", summary);
        graph.write(FINISHED, Map.of("ids", unfinished), r -> r);
        return summary;
    }

    /**
     * Reads one source: each line parsed, validated and normalised, its problems reported, each
     * good record handed to {@code good}; the time it took counted. The online and the bulk path
     * read alike.
     */
    void read(ImportSource source, ImportProgress state, java.util.function.Consumer<ImportRecord> good) {
        RecordParser parser = new RecordParser(region, "import:" + source.name());
        source.read(raw -> {
            long read = state.read();
            long parseStart = System.nanoTime();
            var parsed = raw.refused() != null
                    ? RecordParser.refused(raw.origin(), raw.refused())
                    : raw.node() != null
                            ? parser.parse(raw.origin(), raw.node())
                            : parser.parse(raw.origin(), raw.line());
            state.parseNanos += System.nanoTime() - parseStart;
            parsed.warnings().forEach(state::warning);
            parsed.errors().forEach(state::error);
            if (parsed.record() != null) {
                good.accept(parsed.record());
            }
            if (read % 1000 == 0) {
                state.listener.progress(read, raw.bytesRead(), source);
            }
        });
        state.extractNanos += parser.extractNanos();
    }

    /**
     * The link records that named a person no record had brought yet, written once every record of
     * the import is in (or refused then, naming the person). What depends on the whole graph
     * (near-duplicate ads, identity proposals, networks, case links) is derived after the import,
     * by the refresh it asks for ({@code ImportFinished}), so it is a function of the data, not of
     * the order the records came in, where the batches ended or whether the import was interrupted.
     */
    private void derive(ImportProgress state) {
        if (!state.deferred.isEmpty()) {
            var deferred = List.copyOf(state.deferred);
            var result = graph.inWriteTransaction(tx -> {
                List<Problem> refused = records.writeDeferred(tx, deferred);
                return new BatchResult(tx.changes(), refused);
            });
            state.written(deferred.size(), result.changes(), result.refused());
        }
    }

    /** Writes batches on one background thread, at most one batch behind the reader. */
    private final class Pipeline implements AutoCloseable {
        private final ImportProgress state;
        private final java.util.concurrent.ExecutorService thread =
                java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofPlatform()
                        .name("caselink-import-writer")
                        .daemon(true)
                        .factory());
        private java.util.concurrent.@Nullable Future<?> inFlight;

        Pipeline(ImportProgress state) {
            this.state = state;
        }

        void submit(List<ImportRecord> batch) {
            drain();
            if (!batch.isEmpty()) {
                inFlight = thread.submit(() -> write(batch, state));
            }
        }

        /** Waits for the batch being written; its failure is the import's failure. */
        void drain() {
            if (inFlight == null) {
                return;
            }
            try {
                inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                inFlight = null;
            }
        }

        @Override
        public void close() {
            try {
                drain();
            } finally {
                thread.shutdownNow();
            }
        }
    }

    private void write(List<ImportRecord> batch, ImportProgress state) {
        if (batch.isEmpty()) {
            return;
        }
        Map.Entry<Graph.Changes, RecordWriter.Written> result;
        long writeStart = System.nanoTime();
        try {
            result = graph.inWriteTransaction(tx -> {
                RecordWriter.Written written = records.write(tx, batch, state);
                return Map.entry(tx.changes(), written);
            });
        } catch (DatabaseUnavailableException e) {
            throw e; // not the records' fault: the import stops, and says what committed
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                ImportRecord r = batch.getFirst();
                state.error(new Problem(r.origin(), r.key(), "record", "could not be written: " + safeReason(e)));
                return;
            }
            log.warn(
                    "A batch of {} records was refused ({}); writing its records one by one",
                    batch.size(),
                    rootMessage(e));
            for (ImportRecord r : batch) {
                write(List.of(r), state);
            }
            return;
        }
        state.writeNanos += System.nanoTime() - writeStart; // only this thread writes it
        long[] done = state.written(batch.size(), result.getKey(), result.getValue());
        events.publishEvent(new BatchCommitted(done[0], done[1]));
    }

    private record BatchResult(Graph.Changes changes, List<Problem> refused) {}

    /**
     * Why a record could not be written, as its submitter may read it: our own refusals say why in
     * their words; a database failure says its Neo4j status code and a reference, and its message
     * (which can hold Cypher, element ids and values of other records) goes to the server log only
     * under that reference.
     */
    static String safeReason(Throwable e) {
        Throwable root = e;
        String code = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.neo4j.driver.exceptions.Neo4jException n && code == null) {
                code = n.code();
            }
            root = t;
        }
        if (root.getClass().getName().startsWith("org.caselink.") && root.getMessage() != null) {
            return root.getMessage();
        }
        String reference = "IMP-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        log.warn("A record was refused by the database [{}]: {}", reference, rootMessage(e), e);
        return "the database refused it"
                + (code == null || code.isBlank() ? "" : " (" + code + ")")
                + "; reference " + reference + " in the server log";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
