package org.caselink.analysis;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.caselink.analysis.Explorer.Deadline;
import org.caselink.analysis.Explorer.Hop;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.graphql.Cursor;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.caselink.model.Evidence;
import org.caselink.model.Values;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Watches and the alerts they raise. An analyst watches a node (a missing child's phone, a case,
 * a suspect) within a number of hops. A check walks each watch's neighbourhood (the same walk as
 * {@code neighbourhood}: evidence relationships, hubs not expanded), and every relationship created
 * since the watch was last checked becomes an alert for the record behind it, with the path from
 * the watched node to it (kept as global ids, which outlive the database's internal ids). One
 * alert per watch and record, however often the check runs.
 *
 * <p>Checks run after every import and, in the background, every caselink.analysis.watches.check-every
 * (one minute by default), which catches records written by mutations and retries a watch whose
 * last check failed. Each watch keeps how far it has been checked ({@code checkedUpTo}); a check
 * looks back caselink.analysis.watches.overlap before that mark, so a transaction that started
 * before the mark but committed after it is not missed (what it finds twice raises nothing twice).
 */
@Component
class Watchlist {

    private static final Logger log = LoggerFactory.getLogger(Watchlist.class);
    private static final String LIST = CypherFiles.query("analysis/watch-list");
    private static final String RAISE = CypherFiles.query("analysis/alert-create");

    private static final String CHECKED = CypherFiles.query("analysis/watch-checked");

    private final Graph graph;
    private final Explorer explorer;
    private final Duration overlap;
    private final ReentrantLock checking = new ReentrantLock();

    Watchlist(Graph graph, Explorer explorer, AnalysisProperties settings) {
        this.graph = graph;
        this.explorer = explorer;
        this.overlap = settings.watches().overlap();
    }

    record Watch(
            String id,
            Entity target,
            String targetElementId,
            int hops,
            @Nullable String note,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime checkedUpTo)
            implements org.caselink.model.Guarded {

        /**
         * Shown to a viewer entitled to its target: one who sees the node and, for a child, has
         * need-to-know of it (a watch on a child says who is being looked for).
         */
        @Override
        public boolean visibleTo(org.caselink.model.Visibility visibility) {
            return visibility.sees(target)
                    && (!(target instanceof org.caselink.model.Child c) || visibility.knowsChild(c.uid()));
        }

        /** The watch's place among the active ones: newest first, then by id. */
        String cursor() {
            return new Cursor(createdAt, id).encode();
        }

        static Watch from(Record r) {
            var w = r.get("w");
            return new Watch(
                    w.get("id").asString(),
                    EntityType.ofLabel(r.get("label").asString()).map(r.get("n")),
                    r.get("target").asString(),
                    w.get("hops").asInt(),
                    Values.string(w, "note"),
                    Values.dateTime(w, "createdAt"),
                    Values.dateTime(w, "checkedUpTo"));
        }
    }

    List<Watch> active(@Nullable String id, int limit) {
        return active(id, null, limit);
    }

    /** Active watches, newest first, after a keyset cursor ({@link Watch#cursor}); null for the newest. */
    List<Watch> active(@Nullable String id, @Nullable String after, int limit) {
        var params = new HashMap<String, Object>(Cursor.keyset(after));
        params.put("id", id);
        params.put("limit", limit);
        return graph.read(LIST, params, Watch::from);
    }

    /**
     * Checks every active watch for relationships created since its last check (less the overlap);
     * returns the alerts raised. A watch whose check fails keeps its mark and is checked again next
     * time. One check at a time.
     */
    int check() {
        checking.lock();
        try {
            int raised = 0;
            // One mark for the run, taken before any walk: every walk starts after it.
            OffsetDateTime mark = graph.now();
            for (Watch w : active(null, Integer.MAX_VALUE)) {
                try {
                    raised += check(w, since(w));
                    graph.write(CHECKED, Map.of("id", w.id(), "mark", mark), r -> r);
                } catch (RuntimeException e) {
                    log.error("Could not check watch {}; it is checked again next time: {}", w.id(), e.getMessage(), e);
                }
            }
            if (raised > 0) {
                log.info("Watches raised {} alerts", raised);
            }
            return raised;
        } finally {
            checking.unlock();
        }
    }

    /** Where a watch's next check starts: its mark less the overlap, never before the watch began. */
    private OffsetDateTime since(Watch w) {
        if (w.checkedUpTo() == null) {
            return w.createdAt();
        }
        OffsetDateTime back = w.checkedUpTo().minus(overlap);
        return back.isBefore(w.createdAt()) ? w.createdAt() : back;
    }

    /** Walks one watch's neighbourhood and raises an alert per new record found in it. */
    @SuppressWarnings("unchecked")
    private int check(Watch w, OffsetDateTime since) {
        Deadline deadline = explorer.deadline();
        Map<String, String> parent = new HashMap<>();
        Set<String> visited = new HashSet<>(Set.of(w.targetElementId()));
        Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
        List<String> frontier = List.of(w.targetElementId());
        for (int d = 1; d <= w.hops() && !frontier.isEmpty(); d++) {
            List<String> next = new ArrayList<>();
            for (Hop hop : explorer.expand(frontier, LinkType.EVIDENCE, d, deadline)) {
                Evidence ev = hop.crossing().evidence();
                if (ev.ingestedAt() != null && !ev.ingestedAt().isBefore(since)) {
                    // Derived links (similarity, source caselink:...) share one record id: each pair is its own record.
                    String record = ev.recordId() == null || ev.source().startsWith("caselink:")
                            ? hop.crossing().rel()
                            : ev.recordId();
                    String key = w.id() + "|" + ev.source() + "|" + record;
                    if (!alerts.containsKey(key)) {
                        List<String> path = chain(parent, hop.from());
                        if (!path.contains(hop.to().id())) {
                            path.add(hop.to().id());
                        }
                        var a = new HashMap<String, Object>();
                        a.put("key", key);
                        a.put("id", "AL-" + UUID.randomUUID());
                        a.put("source", ev.source());
                        a.put("recordId", ev.recordId());
                        a.put("observedAt", ev.observedAt());
                        a.put("ingestedAt", ev.ingestedAt());
                        a.put("pathNodes", path);
                        alerts.put(key, a);
                    }
                }
                String to = hop.to().id();
                if (visited.add(to)) {
                    parent.put(to, hop.from());
                    if (!hop.to().isHub(explorer.hubDegree)) {
                        next.add(to);
                    }
                }
            }
            frontier = next;
        }
        if (alerts.isEmpty()) {
            return 0;
        }
        // The path as global ids: element ids can be reused by other nodes once a node is deleted.
        Set<String> onPaths = new HashSet<>();
        alerts.values().forEach(a -> onPaths.addAll((List<String>) a.get("pathNodes")));
        Map<String, Entity> nodes = explorer.nodes(onPaths, deadline);
        alerts.values()
                .forEach(a -> a.put(
                        "pathNodes",
                        ((List<String>) a.get("pathNodes"))
                                .stream()
                                        .filter(nodes::containsKey)
                                        .map(id -> nodes.get(id).getId())
                                        .toList()));
        return graph.write(
                        RAISE,
                        Map.of("watch", w.id(), "alerts", List.copyOf(alerts.values())),
                        r -> r.get("raised").asInt())
                .getFirst();
    }

    /** The nodes from the watched one to {@code end}, along the walk's first discoveries. */
    private static List<String> chain(Map<String, String> parent, String end) {
        List<String> path = new ArrayList<>();
        for (String at = end; at != null; at = parent.get(at)) {
            path.addFirst(at);
        }
        return path;
    }
}
