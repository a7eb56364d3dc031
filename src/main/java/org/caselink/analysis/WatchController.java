package org.caselink.analysis;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caselink.analysis.AnalysisController.Path;
import org.caselink.analysis.Watchlist.Watch;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.graphql.Connection;
import org.caselink.graphql.Cursor;
import org.caselink.graphql.InvalidInputException;
import org.caselink.model.Evidence;
import org.caselink.model.GlobalId;
import org.caselink.model.Values;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Watches and alerts through GraphQL; {@link Watchlist} raises the alerts when it checks the watches. */
@Controller
class WatchController {

    private static final String CREATE = CypherFiles.query("analysis/watch-create");
    private static final String ALERTS = CypherFiles.query("analysis/alert-list");
    /** How alert-list finds its alerts: by id, by watch, or all; each uses its own index. */
    // Generated from alert-list's __FROM__ shape, by id (WatchTests): a fragment
    private static final String BY_ID = "MATCH (al:Alert {id: $id})-[:RAISED_BY]->(w:Watch)";
    // Generated from alert-list's __FROM__ shape, by watch (WatchTests): a fragment
    private static final String BY_WATCH = "MATCH (al:Alert)-[:RAISED_BY]->(w:Watch {id: $watch})";
    // Generated from alert-list's __FROM__ shape, all (WatchTests): a fragment
    private static final String ALL = "MATCH (al:Alert)-[:RAISED_BY]->(w:Watch)";
    private static final String ACKNOWLEDGE = CypherFiles.query("analysis/alert-acknowledge");
    private static final String STOP = CypherFiles.query("analysis/watch-stop");
    private static final int MAX_FIRST = 1000;

    private final Graph graph;
    private final Watchlist watchlist;
    private final Explorer explorer;

    private final org.caselink.security.Access access;

    WatchController(Graph graph, Watchlist watchlist, Explorer explorer, org.caselink.security.Access access) {
        this.access = access;
        this.graph = graph;
        this.watchlist = watchlist;
        this.explorer = explorer;
    }

    enum AlertStatus {
        OPEN,
        ACKNOWLEDGED
    }

    record Alert(
            String id,
            Watch watch,
            AlertStatus status,
            OffsetDateTime createdAt,
            Evidence record,
            List<String> pathNodes,
            @Nullable OffsetDateTime acknowledgedAt,
            @Nullable String acknowledgeNote)
            implements org.caselink.model.Guarded {

        /**
         * Shown only to a viewer entitled to the watch (see {@link Watch#visibleTo}) who sees every
         * node of the path. The path is kept as global ids: they are checked as such (a check by
         * element id alone let every path through).
         */
        @Override
        public boolean visibleTo(org.caselink.model.Visibility visibility) {
            return watch.visibleTo(visibility) && pathNodes.stream().allMatch(visibility::seesId);
        }
    }

    @MutationMapping
    Watch watch(@Argument String id, @Argument @Nullable Integer hops, @Argument @Nullable String note) {
        int h = AnalysisController.between("hops", hops == null ? 2 : hops, 1, explorer.maxHops);
        // A node out of the viewer's sight is refused as one that does not exist.
        org.caselink.security.Scope scope = access.scope();
        GlobalId target = GlobalId.parse(id)
                .filter(g -> scope.sees(g.type(), g.key()))
                .orElseThrow(() -> new InvalidInputException("id", "finds no node"));
        // A watch on a child tells who is being looked for: it takes need-to-know of the child.
        if (target.type() == org.caselink.model.EntityType.CHILD && !scope.knowsChild(target.key())) {
            throw new InvalidInputException("id", "names a child you have no need-to-know of");
        }
        var params = new HashMap<String, Object>();
        params.put("key", target.key());
        params.put("id", "W-" + UUID.randomUUID());
        params.put("hops", h);
        params.put("note", note);
        graph.write(CypherFiles.fill(CREATE, "__MATCH__", target.type().match("n", "$key")), params, r -> r).stream()
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("id", "finds no node"));
        return watchlist.active((String) params.get("id"), 1).getFirst();
    }

    @MutationMapping
    boolean unwatch(@Argument String watchId) {
        // A watch the viewer is not entitled to is one that does not exist.
        var scope = access.scope();
        if (watchlist.active(watchId, 1).stream().noneMatch(w -> w.visibleTo(scope))) {
            return false;
        }
        return !graph.write(STOP, Map.of("id", watchId), r -> r).isEmpty();
    }

    record WatchList(List<Watch> watches, boolean truncated) {}

    record AlertList(List<Alert> alerts, boolean truncated) {}

    @QueryMapping
    WatchList watches(@Argument @Nullable Integer first) {
        int max = AnalysisController.between("first", first == null ? 50 : first, 1, MAX_FIRST);
        List<Watch> found = watchlist.active(null, max + 1);
        var cut = Cut.of(found, max);
        return new WatchList(cut.kept(), cut.truncated());
    }

    @QueryMapping
    AlertList alerts(
            @Argument @Nullable AlertStatus status,
            @Argument @Nullable String watchId,
            @Argument @Nullable Integer first) {
        int max = AnalysisController.between("first", first == null ? 50 : first, 1, MAX_FIRST);
        List<Alert> found = alerts(status, watchId, null, max + 1);
        var cut = Cut.of(found, max);
        return new AlertList(cut.kept(), cut.truncated());
    }

    @QueryMapping
    Connection<Watch> watchesConnection(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataFetchingFieldSelectionSet selection) {
        int max = AnalysisController.between("first", first == null ? 50 : first, 0, MAX_FIRST);
        var scope = access.scope();
        java.util.function.BiFunction<String, Integer, List<Watch>> rows =
                (at, limit) -> watchlist.active(null, at, limit);
        java.util.function.Predicate<Watch> visible = w -> w.visibleTo(scope);
        int total = selection.contains("totalCount") ? Connection.countVisible(rows, visible, Watch::cursor) : 0;
        return Connection.ofVisible(max, after, rows, visible, Watch::cursor, total);
    }

    @QueryMapping
    Connection<Alert> alertsConnection(
            @Argument @Nullable AlertStatus status,
            @Argument @Nullable String watchId,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataFetchingFieldSelectionSet selection) {
        int max = AnalysisController.between("first", first == null ? 50 : first, 0, MAX_FIRST);
        var scope = access.scope();
        java.util.function.BiFunction<String, Integer, List<Alert>> rows =
                (at, limit) -> alerts(status, watchId, null, at, limit);
        java.util.function.Predicate<Alert> visible = a -> a.visibleTo(scope);
        java.util.function.Function<Alert, String> cursor = a -> new Cursor(a.createdAt(), a.id()).encode();
        int total = selection.contains("totalCount") ? Connection.countVisible(rows, visible, cursor) : 0;
        return Connection.ofVisible(max, after, rows, visible, cursor, total);
    }

    @MutationMapping
    Alert acknowledgeAlert(@Argument String alertId, @Argument @Nullable String note) {
        var params = new HashMap<String, Object>();
        params.put("id", alertId);
        params.put("note", note);
        // An alert the viewer may not see is one that does not exist: it is not acknowledged either.
        var scope = access.scope();
        if (alerts(null, null, alertId, 1).stream().noneMatch(a -> a.visibleTo(scope))
                || graph.write(ACKNOWLEDGE, params, r -> r).isEmpty()) {
            throw new InvalidInputException("alertId", "finds no alert");
        }
        return alerts(null, null, alertId, 1).getFirst();
    }

    /** The paths of every alert a request lists: four statements at most, however many alerts. */
    @BatchMapping(typeName = "Alert", field = "path")
    Map<Alert, Path> paths(List<Alert> alerts) {
        var deadline = explorer.deadline();
        // The path is kept as global ids (alerts from earlier builds kept element ids: those are
        // used as they are); a node merged or deleted since drops out of it.
        Map<String, String> elements = explorer.resolve(
                alerts.stream().flatMap(a -> a.pathNodes().stream()).collect(Collectors.toSet()), deadline);
        Map<Alert, List<String>> ids = new LinkedHashMap<>();
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (Alert alert : alerts) {
            List<String> path = alert.pathNodes().stream()
                    .map(id -> GlobalId.parse(id).isPresent() ? elements.get(id) : id)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            ids.put(alert, path);
            for (int i = 0; i + 1 < path.size(); i++) {
                pairs.add(List.of(path.get(i), path.get(i + 1)));
            }
        }
        var steps = explorer.steps(pairs, LinkType.EVIDENCE, deadline);
        var nodes = explorer.nodes(ids.values().stream().flatMap(List::stream).collect(Collectors.toSet()), deadline);
        Map<Alert, Path> out = new LinkedHashMap<>();
        ids.forEach((alert, path) -> out.put(
                alert,
                AnalysisController.path(
                        path.stream().filter(nodes::containsKey).toList(),
                        (x, y) -> steps.getOrDefault(List.of(x, y), List.of()),
                        nodes)));
        return out;
    }

    /** One alert by its id, whatever its status (node(id) of an Alert). */
    java.util.Optional<Alert> alert(String alertId) {
        return alerts(null, null, alertId, 1).stream().findFirst();
    }

    private List<Alert> alerts(
            @Nullable AlertStatus status, @Nullable String watchId, @Nullable String alertId, int limit) {
        return alerts(status, watchId, alertId, null, limit);
    }

    private List<Alert> alerts(
            @Nullable AlertStatus status,
            @Nullable String watchId,
            @Nullable String alertId,
            @Nullable String after,
            int limit) {
        var params = new HashMap<String, Object>(Cursor.keyset(after));
        params.put("status", status == null ? null : status.name());
        params.put("watch", watchId);
        params.put("id", alertId);
        params.put("limit", limit);
        String from = alertId != null ? BY_ID : watchId != null ? BY_WATCH : ALL;
        return graph.read(CypherFiles.fill(ALERTS, "__FROM__", from), params, r -> {
            var al = r.get("al");
            return new Alert(
                    al.get("id").asString(),
                    Watch.from(r),
                    AlertStatus.valueOf(al.get("status").asString()),
                    Values.dateTime(al, "createdAt"),
                    new Evidence(
                            al.get("source").asString(),
                            Values.string(al, "recordId"),
                            Values.dateTime(al, "observedAt"),
                            Values.dateTime(al, "ingestedAt")),
                    al.get("pathNodes").asList(Value::asString),
                    Values.dateTime(al, "acknowledgedAt"),
                    Values.string(al, "acknowledgeNote"));
        });
    }
}
