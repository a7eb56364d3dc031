package org.caselink.analysis;

import java.util.Locale;
import org.caselink.ingest.ImportFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * What analysis derives from the graph, brought up to date when an import changed it: alerts
 * for every watch the import's records came near (in the importing thread: an import returns with
 * its alerts raised), and the networks and case pairs, as caselink.analysis.networks.after-import
 * says: {@code background} (a whole-graph pass must not hold the request that imported one record;
 * runs are coalesced, see {@link NetworkRefresher}), {@code inline} (in the importing thread), or
 * {@code off}; {@code auto}, the default, is background in the web service and inline without a
 * web server (the commands, which exit when done).
 */
@Configuration(proxyBeanMethods = false)
class AfterImport {

    private static final Logger log = LoggerFactory.getLogger(AfterImport.class);

    enum Mode {
        BACKGROUND,
        INLINE,
        OFF;

        static Mode of(String value, boolean web) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "auto", "true" -> web ? BACKGROUND : INLINE;
                case "background" -> BACKGROUND;
                case "inline" -> INLINE;
                case "off", "false" -> OFF;
                default ->
                    throw new IllegalStateException(
                            "caselink.analysis.networks.after-import must be auto, background, inline or off, not '"
                                    + value + "'");
            };
        }
    }

    private final NetworkDetection networks;
    private final Watchlist watchlist;
    private final Mode mode;
    private final NetworkRefresher refresher;

    AfterImport(
            NetworkDetection networks,
            Watchlist watchlist,
            @Value("${caselink.analysis.networks.after-import:auto}") String mode,
            org.springframework.context.ApplicationContext context) {
        this.networks = networks;
        this.watchlist = watchlist;
        this.mode = Mode.of(mode, context instanceof org.springframework.web.context.WebApplicationContext);
        this.refresher = new NetworkRefresher(networks::refresh);
    }

    /** The one refresher of this service: the GraphQL answers ask it whether a run is under way. */
    @Bean(destroyMethod = "stop")
    NetworkRefresher networkRefresher() {
        return refresher;
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
        switch (mode) {
            case BACKGROUND -> refresher.request();
            case INLINE -> {
                try {
                    networks.refresh();
                } catch (RuntimeException e) {
                    log.error(
                            "Network detection after an import failed; the previous networks stay: {}",
                            e.getMessage(),
                            e);
                }
            }
            case OFF -> {}
        }
    }
}
