package org.caselink.ingest;

import org.caselink.db.DatabaseUnavailableException;

/**
 * An import stopped because the database could not be reached. The batches that committed before
 * are in the graph; running the same import again completes it (records already written change
 * nothing, and the derived links are refreshed then). A {@link DatabaseUnavailableException}, so every
 * front door answers it as one (UNAVAILABLE in GraphQL, 503 over HTTP), with this message.
 */
public class ImportInterruptedException extends DatabaseUnavailableException {

    private final long committedBatches;
    private final long committedRecords;
    private final long read;

    ImportInterruptedException(
            long committedBatches, long committedRecords, long read, DatabaseUnavailableException cause) {
        super(
                String.format(
                        "The import stopped: the database could not be reached after %d batches (%d records) had committed,"
                                + " of %d records read; those are in the graph. Run the same import again once the database"
                                + " answers: what is already written changes nothing, and the rest lands.",
                        committedBatches, committedRecords, read),
                cause);
        this.committedBatches = committedBatches;
        this.committedRecords = committedRecords;
        this.read = read;
    }

    public long committedBatches() {
        return committedBatches;
    }

    public long committedRecords() {
        return committedRecords;
    }

    public long read() {
        return read;
    }
}
