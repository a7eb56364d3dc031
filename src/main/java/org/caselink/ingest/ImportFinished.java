package org.caselink.ingest;

import java.util.function.Consumer;

/**
 * Published when an import has finished and its records are in the graph: features that derive
 * something from the graph (networks, watchlist alerts) react to it. A listener that derives in the
 * publishing thread tells {@code derived} what it did, for the import's summary.
 */
public record ImportFinished(Importer.Summary summary, boolean refreshAnyway, Consumer<Derivation> derived) {

    public ImportFinished(Importer.Summary summary) {
        this(summary, false, d -> {});
    }

    /**
     * Whether what is derived from the graph needs refreshing: the import created something
     * (re-importing the same data does not), withdrew a derived link, or completed an import that
     * never finished (killed after its last record but before its derived data was refreshed).
     */
    public boolean changedGraph() {
        return summary.nodesCreated() > 0 || summary.relationshipsCreated() > 0 || refreshAnyway;
    }
}
