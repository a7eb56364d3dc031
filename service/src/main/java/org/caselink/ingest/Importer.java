package org.caselink.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caselink.db.DatabaseUnavailableException;
import org.caselink.db.Graph;
import org.caselink.model.EntityType;
import org.caselink.write.GraphWriter;
import org.caselink.write.Provenance;
import org.caselink.write.Records.AdRecord;
import org.caselink.write.Records.CaseRecord;
import org.caselink.write.Records.ImportRecord;
import org.caselink.write.Records.LinkRecord;
import org.caselink.write.Records.PersonIn;
import org.caselink.write.Records.Problem;
import org.caselink.write.Rows.AdRow;
import org.caselink.write.Rows.AssociationRow;
import org.caselink.write.Rows.CaseRow;
import org.caselink.write.Rows.ChildRow;
import org.caselink.write.Rows.ContactRow;
import org.caselink.write.Rows.PersonRow;
import org.caselink.write.Rows.PlaceRow;
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
 */
@Component
public class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    private final Graph graph;
    private final GraphWriter writer;
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
        this.writer = writer;
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

    /** The outcome of one import. */
    public record Summary(
            long read,
            long imported,
            long rejected,
            long warnings,
            long nodesCreated,
            long relationshipsCreated,
            Duration took) {

        public double recordsPerSecond() {
            return took.toNanos() == 0 ? 0 : read * 1e9 / took.toNanos();
        }

        @Override
        public String toString() {
            return String.format(
                    "%d records read, %d imported, %d rejected, %d warnings; created %d nodes and %d relationships; %.1f s (%.0f records/s)",
                    read,
                    imported,
                    rejected,
                    warnings,
                    nodesCreated,
                    relationshipsCreated,
                    took.toMillis() / 1000.0,
                    recordsPerSecond());
        }
    }

    public Summary run(List<ImportSource> sources, Listener listener) {
        return run(sources, batchSize, listener);
    }

    /** {@link #run(List, Listener)} with {@code batchSize} records per transaction instead of the configured number. */
    public Summary run(List<ImportSource> sources, int batchSize, Listener listener) {
        var state = new State(listener);
        try {
            return run(sources, batchSize, state);
        } catch (DatabaseUnavailableException e) {
            synchronized (state) {
                throw new ImportInterruptedException(state.committedBatches, state.committedRecords, state.reads, e);
            }
        }
    }

    private Summary run(List<ImportSource> sources, int batchSize, State state) {
        long start = System.nanoTime();
        Listener listener = state.listener;
        String run = java.util.UUID.randomUUID().toString();
        // Imports that started and never finished (killed, or the database went away): this one
        // completes what they left, so what is derived from the graph is refreshed whatever it adds.
        List<String> unfinished =
                graph.write(UNFINISHED, Map.of("id", run), r -> r.get("id").asString());
        // Parsing (JSON, validation, phone extraction) and writing each take a core: the batch
        // being written overlaps with the next one being parsed. One writer, so batches land in order.
        try (var writer = new Pipeline(state)) {
            for (ImportSource source : sources) {
                RecordParser parser = new RecordParser(region, "import:" + source.name());
                List<ImportRecord> batch = new ArrayList<>(batchSize);
                source.read(raw -> {
                    long read = state.read();
                    var parsed = raw.refused() != null
                            ? RecordParser.refused(raw.origin(), raw.refused())
                            : raw.node() != null
                                    ? parser.parse(raw.origin(), raw.node())
                                    : parser.parse(raw.origin(), raw.line());
                    parsed.warnings().forEach(state::warning);
                    parsed.errors().forEach(state::error);
                    if (parsed.record() != null) {
                        batch.add(parsed.record());
                        if (batch.size() >= batchSize) {
                            writer.submit(List.copyOf(batch));
                            batch.clear();
                        }
                    }
                    if (read % 1000 == 0) {
                        listener.progress(read, raw.bytesRead(), source);
                    }
                });
                writer.submit(List.copyOf(batch));
                writer.drain();
                listener.progress(state.reads, source.size(), source);
            }
        }
        derive(state);
        var summary = new Summary(
                state.reads,
                state.imported,
                state.rejected,
                state.warnings,
                state.changes.nodesCreated(),
                state.changes.relationshipsCreated(),
                Duration.ofNanos(System.nanoTime() - start));
        log.info("Import finished: {}", summary);
        events.publishEvent(
                new ImportFinished(summary, unfinished.size() > 1 || state.changes.relationshipsDeleted() > 0));
        graph.write(FINISHED, Map.of("ids", unfinished), r -> r);
        return summary;
    }

    /** Marks an import as started; returns the ids of every import not yet finished, this one included. */
    private static final String UNFINISHED = """
            CREATE (:UnfinishedImport {id: $id, startedAt: datetime()})
            WITH 1 AS one
            MATCH (u:UnfinishedImport)
            RETURN u.id AS id
            """;

    private static final String FINISHED = "UNWIND $ids AS id MATCH (u:UnfinishedImport {id: id}) DELETE u";

    /**
     * The link records that named a person no record had brought yet, written once every record of
     * the import is in (or refused then, naming the person). What depends on the whole graph
     * (near-duplicate ads, identity proposals, networks, case links) is derived after the import,
     * by the refresh it asks for ({@code ImportFinished}), so it is a function of the data, not of
     * the order the records came in, where the batches ended or whether the import was interrupted.
     */
    private void derive(State state) {
        if (!state.deferred.isEmpty()) {
            var deferred = List.copyOf(state.deferred);
            var result = graph.inWriteTransaction(tx -> {
                List<LinkRecord> missing = links(tx, deferred);
                Set<String> known = new HashSet<>();
                tx.run(
                        "UNWIND $ids AS id MATCH (p:Person {personId: id}) RETURN id",
                        Map.of(
                                "ids",
                                missing.stream()
                                        .flatMap(l -> java.util.stream.Stream.of(l.from(), l.to()))
                                        .toList()),
                        r -> known.add(r.get("id").asString()));
                return new BatchResult(
                        tx.changes(),
                        missing.stream().map(l -> unknownPerson(l, known)).toList());
            });
            state.written(deferred.size(), result.changes(), result.refused());
        }
    }

    /** Writes batches on one background thread, at most one batch behind the reader. */
    private final class Pipeline implements AutoCloseable {
        private final State state;
        private final java.util.concurrent.ExecutorService thread =
                java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofPlatform()
                        .name("caselink-import-writer")
                        .daemon(true)
                        .factory());
        private java.util.concurrent.@Nullable Future<?> inFlight;

        Pipeline(State state) {
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

    /** Counts shared by the reading thread and the writing one; the listener is called under its lock. */
    private static final class State implements GraphWriter.ChildGate {
        final Listener listener;
        long reads;
        long imported;
        long rejected;
        long warnings;
        Graph.Changes changes = Graph.Changes.NONE;
        /** Link records naming a person no record had brought yet: written once every record is in. */
        final List<LinkRecord> deferred = new ArrayList<>();

        long committedBatches;
        long committedRecords;

        State(Listener listener) {
            this.listener = listener;
        }

        /** Children this import made: it may go on naming them, whoever it runs for. */
        final Set<String> madeChildren = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public boolean mayLink(String uid) {
            return madeChildren.contains(uid) || listener.mayLinkChild(uid);
        }

        @Override
        public void made(String uid) {
            madeChildren.add(uid);
        }

        synchronized void derived(Graph.Changes more) {
            changes = changes.plus(more);
        }

        synchronized long read() {
            return ++reads;
        }

        synchronized void error(Problem p) {
            rejected++;
            listener.error(p);
        }

        synchronized void warning(Problem p) {
            warnings++;
            listener.warning(p);
        }

        synchronized void written(int records, Graph.Changes more, List<Problem> refused) {
            changes = changes.plus(more);
            imported += records - refused.size();
            refused.forEach(this::error);
        }

        /**
         * A batch committed (its deferred link records count once they are written); returns how
         * many batches and records of the import have committed so far.
         */
        synchronized long[] written(int records, Graph.Changes more, Written batch) {
            written(records - batch.deferred().size(), more, List.of());
            deferred.addAll(batch.deferred());
            committedRecords += records;
            return new long[] {++committedBatches, committedRecords};
        }
    }

    private void write(List<ImportRecord> batch, State state) {
        if (batch.isEmpty()) {
            return;
        }
        Map.Entry<Graph.Changes, Written> result;
        try {
            result = graph.inWriteTransaction(tx -> {
                Written written = writeBatch(tx, batch, state);
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
        long[] done = state.written(batch.size(), result.getKey(), result.getValue());
        events.publishEvent(new BatchCommitted(done[0], done[1]));
    }

    private record BatchResult(Graph.Changes changes, List<Problem> refused) {}

    /** What one batch wrote: the link records left for the end of the import, and where derived links start. */
    record Written(List<LinkRecord> deferred) {}

    /** Writes one batch inside one transaction. */
    Written writeBatch(Graph.Tx tx, List<ImportRecord> batch, GraphWriter.ChildGate children) {
        List<CaseRecord> cases = batch.stream()
                .filter(CaseRecord.class::isInstance)
                .map(CaseRecord.class::cast)
                .toList();
        List<AdRecord> ads = batch.stream()
                .filter(AdRecord.class::isInstance)
                .map(AdRecord.class::cast)
                .toList();
        List<LinkRecord> links = batch.stream()
                .filter(LinkRecord.class::isInstance)
                .map(LinkRecord.class::cast)
                .toList();
        List<ContactRow> contacts = new ArrayList<>();
        List<PlaceRow> places = new ArrayList<>();

        writer.cases(
                tx,
                cases.stream()
                        .map(c -> new CaseRow(
                                c.caseNumber(),
                                c.type(),
                                c.status(),
                                c.reportedAt(),
                                c.agency(),
                                c.state(),
                                c.summary(),
                                ev(c)))
                        .toList());
        List<CaseRecord> withChild =
                cases.stream().filter(c -> c.child() != null).toList();
        List<String> childUids = writer.children(
                tx,
                withChild.stream()
                        .map(c -> new ChildRow(
                                c.caseNumber(),
                                null,
                                c.child().childId(),
                                c.child().firstName(),
                                c.child().lastName(),
                                c.child().dob(),
                                c.child().sex(),
                                ev(c)))
                        .toList(),
                children);
        for (int i = 0; i < withChild.size(); i++) {
            String uid = childUids.get(i);
            Provenance ev = ev(withChild.get(i));
            withChild
                    .get(i)
                    .child()
                    .contacts()
                    .forEach(k -> contacts.add(new ContactRow(EntityType.CHILD, uid, k, ev)));
        }
        List<PersonRow> personRows = new ArrayList<>();
        List<PersonIn> personIns = new ArrayList<>();
        List<Provenance> personEvs = new ArrayList<>();
        for (CaseRecord c : cases) {
            for (PersonIn p : c.persons()) {
                personRows.add(new PersonRow(
                        c.caseNumber(),
                        p.role(),
                        null,
                        p.personId(),
                        p.firstName(),
                        p.lastName(),
                        p.aliases(),
                        p.dob(),
                        ev(c)));
                personIns.add(p);
                personEvs.add(ev(c));
            }
        }
        List<String> personUids = writer.persons(tx, personRows);
        for (int i = 0; i < personUids.size(); i++) {
            String uid = personUids.get(i);
            Provenance ev = personEvs.get(i);
            personIns.get(i).contacts().forEach(k -> contacts.add(new ContactRow(EntityType.PERSON, uid, k, ev)));
        }
        for (CaseRecord c : cases) {
            c.contacts().forEach(k -> contacts.add(new ContactRow(EntityType.CASE, c.caseNumber(), k, ev(c))));
            c.locations()
                    .forEach(
                            l -> places.add(new PlaceRow(EntityType.CASE, c.caseNumber(), l.city(), l.state(), ev(c))));
        }

        writer.ads(
                tx,
                ads.stream()
                        .map(a -> new AdRow(
                                a.adId(),
                                a.site(),
                                a.url(),
                                a.postedAt(),
                                a.city(),
                                a.state(),
                                a.title(),
                                a.body(),
                                a.imageHashes(),
                                ev(a)))
                        .toList());
        for (AdRecord a : ads) {
            a.contacts().forEach(k -> contacts.add(new ContactRow(EntityType.AD, a.adId(), k, ev(a))));
            Provenance fromText = new Provenance(a.source() + ":text", a.adId(), a.postedAt());
            a.extracted().forEach(k -> contacts.add(new ContactRow(EntityType.AD, a.adId(), k, fromText)));
            if (a.city() != null && a.state() != null) {
                places.add(new PlaceRow(EntityType.AD, a.adId(), a.city(), a.state(), ev(a)));
            }
        }
        writer.contacts(tx, contacts);
        writer.places(tx, places);
        // A link may name a person whose record comes later in the import: it waits for the end.
        List<LinkRecord> later = links(tx, links);
        return new Written(later);
    }

    /** Writes the link records whose two people are in the graph; returns the others, unwritten. */
    private List<LinkRecord> links(Graph.Tx tx, List<LinkRecord> links) {
        if (links.isEmpty()) {
            return List.of();
        }
        Set<String> ids = new java.util.TreeSet<>();
        links.forEach(l -> {
            ids.add(l.from());
            ids.add(l.to());
        });
        Map<String, String> uidOf = new HashMap<>();
        tx.run(
                "UNWIND $ids AS id MATCH (p:Person {personId: id}) RETURN id, p.uid AS uid",
                Map.of("ids", List.copyOf(ids)),
                r -> {
                    uidOf.put(r.get("id").asString(), r.get("uid").asString());
                    return null;
                });
        List<LinkRecord> missing = new ArrayList<>();
        List<AssociationRow> rows = new ArrayList<>();
        for (LinkRecord l : links) {
            if (!uidOf.containsKey(l.from()) || !uidOf.containsKey(l.to())) {
                missing.add(l);
            } else {
                rows.add(new AssociationRow(
                        uidOf.get(l.from()), uidOf.get(l.to()), new Provenance(l.source(), "link:" + l.key(), null)));
            }
        }
        writer.associations(tx, rows);
        return missing;
    }

    /** Why a link record could not be written once every record was in. */
    private static Problem unknownPerson(LinkRecord l, Set<String> known) {
        boolean from = !known.contains(l.from());
        return new Problem(
                l.origin(),
                l.key(),
                from ? "from" : "to",
                "no person with personId " + (from ? l.from() : l.to()) + " in the graph or anywhere in the import");
    }

    private static Provenance ev(CaseRecord c) {
        return new Provenance(c.source(), c.caseNumber(), c.reportedAt());
    }

    private static Provenance ev(AdRecord a) {
        return new Provenance(a.source(), a.adId(), a.postedAt());
    }

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
