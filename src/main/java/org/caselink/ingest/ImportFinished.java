package org.caselink.ingest;

/**
 * Published when an import has finished and its records are in the graph: features that derive
 * something from the graph (networks, watchlist alerts) react to it.
 */
public record ImportFinished(Importer.Summary summary) {

    /** Whether the import changed the graph at all (re-importing the same data does not). */
    public boolean changedGraph() {
        return summary.nodesCreated() > 0 || summary.relationshipsCreated() > 0;
    }
}
