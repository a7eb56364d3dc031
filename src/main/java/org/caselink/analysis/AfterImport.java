package org.caselink.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.ingest.ImportFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
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
    private static final String PENDING = CypherFiles.query("analysis/refresh-pending");
    private static final String REQUEST = CypherFiles.query("analysis/refresh-request");
    private static final String DONE = CypherFiles.query("analysis/refresh-done");

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
    private final Graph graph;
    private final Watchlist watchlist;
    private final Mode mode;
    private final NetworkRefresher refresher;

    AfterImport(
            NetworkDetection networks,
            Graph graph,
            Watchlist watchlist,
            AnalysisProperties settings,
            org.springframework.context.ApplicationContext context) {
        this.networks = networks;
        this.graph = graph;
        this.watchlist = watchlist;
        this.mode = Mode.of(
                settings.networks().afterImport(),
                context instanceof org.springframework.web.context.WebApplicationContext);
        this.refresher = new NetworkRefresher(() -> {
            refreshPending();
        });
    }

    /** The one refresher of this service: the GraphQL answers ask it whether a run is under way. */
    @Bean(destroyMethod = "stop")
    NetworkRefresher networkRefresher() {
        return refresher;
    }

    /**
     * A refresh asked for and not yet done (the service stopped or was killed during it, or before
     * it began) is done at the next start: the request is kept in the graph until a run that began
     * after it succeeds.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (mode == Mode.OFF || graph.read(PENDING, Map.of(), r -> r).isEmpty()) {
            return;
        }
        log.info("A refresh of networks and case links was left unfinished; running it again");
        if (mode == Mode.BACKGROUND) {
            refresher.request();
        } else {
            try {
                refreshPending();
            } catch (RuntimeException e) {
                log.error("Network detection left unfinished failed again: {}", e.getMessage(), e);
            }
        }
    }

    private void markPending() {
        graph.write(REQUEST, Map.of(), r -> r);
    }

    /** One refresh; the request it answers is cleared only when no newer one came in while it ran. */
    private NetworkDetection.Run refreshPending() {
        List<Object> seen = graph.read(PENDING, Map.of(), r -> r.get("since").asObject());
        var run = networks.refresh();
        if (!seen.isEmpty()) {
            graph.write(DONE, Map.of("seen", seen.getFirst()), r -> r);
        }
        return run;
    }

    /** A run as the import's summary reports it: its steps in the order they ran. */
    static org.caselink.ingest.Derivation derivation(NetworkDetection.Run run, long startNanos) {
        var t = run.timings();
        Map<String, Long> steps = new java.util.LinkedHashMap<>();
        steps.put("near-duplicates", t.similarityMs());
        steps.put("identity proposals", t.proposalsMs());
        steps.put("networks", t.detectionMs() + t.writingMs());
        steps.put("key players", t.centralityMs());
        steps.put("case links", t.caseLinksMs());
        return new org.caselink.ingest.Derivation(
                java.time.Duration.ofNanos(System.nanoTime() - startNanos), steps, false);
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
            case BACKGROUND -> {
                markPending();
                refresher.request();
                finished.derived().accept(org.caselink.ingest.Derivation.background());
            }
            case INLINE -> {
                try {
                    long start = System.nanoTime();
                    markPending();
                    finished.derived().accept(derivation(refreshPending(), start));
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
