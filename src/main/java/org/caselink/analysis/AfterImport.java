package org.caselink.analysis;

import org.caselink.ingest.ImportFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What analysis derives from the graph, brought up to date when an import changed it: alerts
 * for every watch the import's records came near, and the networks (when
 * caselink.analysis.networks.after-import is on). Runs in the importing thread, so an import returns with its derived data in place.
 */
@Component
class AfterImport {

    private static final Logger log = LoggerFactory.getLogger(AfterImport.class);

    private final NetworkDetection networks;
    private final Watchlist watchlist;
    private final boolean refreshNetworks;

    AfterImport(
            NetworkDetection networks,
            Watchlist watchlist,
            @Value("${caselink.analysis.networks.after-import:true}") boolean refreshNetworks) {
        this.networks = networks;
        this.watchlist = watchlist;
        this.refreshNetworks = refreshNetworks;
    }

    @EventListener
    void onImport(ImportFinished finished) {
        if (!finished.changedGraph()) {
            return;
        }
        // The import has landed: a failure here is logged, never thrown back at the importer.
        try {
            watchlist.check();
        } catch (RuntimeException e) {
            log.error("Checking the watches after an import failed: {}", e.getMessage(), e);
        }
        if (refreshNetworks) {
            try {
                networks.refresh();
            } catch (RuntimeException e) {
                log.error(
                        "Network detection after an import failed; the previous networks stay: {}", e.getMessage(), e);
            }
        }
    }
}
