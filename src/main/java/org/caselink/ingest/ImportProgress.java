package org.caselink.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caselink.db.Graph;
import org.caselink.write.GraphWriter;
import org.caselink.write.Records.LinkRecord;
import org.caselink.write.Records.Problem;

/**
 * The bookkeeping of one import, shared by the thread that reads and the one that writes: what was
 * read, imported, rejected and warned about (the {@link Importer.Summary}), the batches and records
 * committed so far (what an interrupted import reports, {@link ImportInterruptedException}), the link
 * records waiting for the end, and the children this import made. Apart from {@link Importer}
 * because it is the state both threads touch: every count changes under its lock, and the
 * listener is called under it.
 */
final class ImportProgress implements GraphWriter.ChildGate {
    final Importer.Listener listener;
    long reads;
    long imported;
    long rejected;
    long warnings;
    Graph.Changes changes = Graph.Changes.NONE;
    /** Link records naming a person no record had brought yet: written once every record is in. */
    final List<LinkRecord> deferred = new ArrayList<>();

    /** Time in reading and parsing records (the reading thread's) and in writing them (the writer's). */
    long parseNanos;

    /** Of the parsing, extracting phones and emails from ad texts. */
    long extractNanos;

    long writeNanos;

    long committedBatches;
    long committedRecords;

    ImportProgress(Importer.Listener listener) {
        this.listener = listener;
    }

    /** Children this import made: it may go on naming them, whoever it runs for. */
    private final Set<String> madeChildren = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public boolean mayLink(String uid) {
        return madeChildren.contains(uid) || listener.mayLinkChild(uid);
    }

    @Override
    public void made(String uid) {
        madeChildren.add(uid);
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
    synchronized long[] written(int records, Graph.Changes more, RecordWriter.Written batch) {
        written(records - batch.deferred().size(), more, List.of());
        deferred.addAll(batch.deferred());
        committedRecords += records;
        return new long[] {++committedBatches, committedRecords};
    }
}
