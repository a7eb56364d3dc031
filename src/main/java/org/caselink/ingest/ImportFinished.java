package org.caselink.ingest;

import java.time.OffsetDateTime;

/**
 * Published when an import has finished and its records are in the graph: features that derive
 * something from the graph (networks, watchlist alerts) react to it. {@code since} is the
 * database's clock when the import started: every relationship it created has an
 * {@code ingestedAt} at or after it.
 */
public record ImportFinished(Importer.Summary summary, OffsetDateTime since) {

    /** Whether the import changed the graph at all (re-importing the same data does not). */
    public boolean changedGraph() {
        return summary.nodesCreated() > 0 || summary.relationshipsCreated() > 0;
    }
}
