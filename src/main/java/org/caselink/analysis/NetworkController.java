package org.caselink.analysis;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.graphql.Connection;
import org.caselink.graphql.Cursor;
import org.caselink.model.Case;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.caselink.model.Location;
import org.caselink.model.Values;
import org.caselink.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Networks (as the last detection left them), the network of a node or case, and their cases.
 * Reading is plain Cypher over {@code Network} nodes; {@link NetworkDetection} computes them. A
 * network's members and key players are {@link NetworkMembersController}'s, its ad timeline
 * {@link TimelineController}'s.
 */
@Controller
class NetworkController {

    private static final String LIST = CypherFiles.query("analysis/network-list");
    private static final String SUMMARY = CypherFiles.query("analysis/network-summary");
    private static final String COUNT = CypherFiles.query("analysis/network-count");
    private static final String COMPUTED_AT = CypherFiles.query("analysis/network-computed-at");
    private static final String OF = CypherFiles.query("analysis/network-of");
    private static final String CASE_NETWORKS = CypherFiles.query("analysis/case-networks");
    private static final String CASES = CypherFiles.query("analysis/network-cases");

    /** The most items a network listing returns at once (a timeline ten times as many). */
    static final int MAX_FIRST = 1000;

    private final Graph graph;
    private final NetworkDetection detection;

    private final Access access;

    NetworkController(Graph graph, NetworkDetection detection, Access access) {
        this.graph = graph;
        this.access = access;
        this.detection = detection;
    }

    record Counts(int cases, int children, int persons, int phones, int emails, int handles, int ads, int images) {}

    record Place(Location location, int ads, int cases) {}

    record Network(
            String id,
            int size,
            Counts counts,
            @Nullable OffsetDateTime firstSeen,
            @Nullable OffsetDateTime lastSeen,
            List<Place> places,
            OffsetDateTime computedAt) {}

    record NetworkList(List<Network> networks, @Nullable OffsetDateTime computedAt, boolean truncated) {}

    record NetworkRefresh(
            int networks,
            int members,
            int caseLinks,
            OffsetDateTime computedAt,
            long tookMs,
            NetworkDetection.Timings timings) {}

    @QueryMapping
    NetworkList networks(@Argument @Nullable Integer minCases, @Argument @Nullable Integer first) {
        int min = minCases(minCases);
        int max = AnalysisController.between("first", first == null ? 20 : first, 1, MAX_FIRST);
        List<String> ids = ranked(min, null, max + 1).stream().map(Ranked::id).toList();
        List<Network> networks = load(ids.subList(0, Math.min(max, ids.size())));
        return new NetworkList(networks, computedAt(networks), ids.size() > max);
    }

    /** A network's place in the list: most cases first, then the largest, then by id. */
    private record Ranked(String id, long cases, long size) {
        String cursor() {
            return Cursor.opaque(cases, size, id);
        }
    }

    private List<Ranked> ranked(int minCases, @Nullable String after, int limit) {
        String[] at = Cursor.parts(after, 3);
        var params = new HashMap<String, Object>();
        params.put("minCases", minCases);
        params.put("afterCases", at == null ? null : Cursor.number(at[0]));
        params.put("afterSize", at == null ? null : Cursor.number(at[1]));
        params.put("afterId", at == null ? null : at[2]);
        params.put("limit", limit);
        return graph.read(
                LIST,
                params,
                r -> new Ranked(
                        r.get("id").asString(),
                        r.get("cases").asLong(),
                        r.get("size").asLong()));
    }

    @QueryMapping
    Connection<Network> networksConnection(
            @Argument @Nullable Integer minCases,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataFetchingFieldSelectionSet selection) {
        int min = minCases(minCases);
        int max = AnalysisController.between("first", first == null ? 20 : first, 0, MAX_FIRST);
        List<Ranked> rows = ranked(min, after, max + 1);
        Map<String, Network> byId = new HashMap<>();
        load(rows.stream().limit(max).map(Ranked::id).toList()).forEach(n -> byId.put(n.id(), n));
        List<Ranked> page = rows.subList(0, Math.min(max, rows.size()));
        // A network replaced by a refresh between the two statements is left out of the page.
        List<Connection.Edge<Network>> edges = page.stream()
                .filter(row -> byId.containsKey(row.id()))
                .map(row -> new Connection.Edge<>(row.cursor(), byId.get(row.id()), null))
                .toList();
        int total = selection.contains("totalCount")
                ? graph.read(COUNT, Map.of("minCases", min), r -> r.get("total").asInt())
                        .getFirst()
                : 0;
        return new Connection<>(
                edges,
                new Connection.PageInfo(
                        rows.size() > max,
                        page.isEmpty() ? null : page.getLast().cursor()),
                total);
    }

    @SchemaMapping(typeName = "NetworkConnection", field = "computedAt")
    @Nullable
    OffsetDateTime connectionComputedAt(Connection<Network> page) {
        return computedAt(page.edges().stream().map(Connection.Edge::node).toList());
    }

    /** When the networks were computed: the listed ones say it, or else the last run's summary. */
    private @Nullable OffsetDateTime computedAt(List<Network> listed) {
        return listed.isEmpty()
                ? graph.read(COMPUTED_AT, Map.of(), r -> Values.dateTime(r.get("summary"), "at"))
                        .getFirst()
                : listed.getFirst().computedAt();
    }

    private static int minCases(@Nullable Integer minCases) {
        return AnalysisController.between("minCases", minCases == null ? 2 : minCases, 1, Integer.MAX_VALUE);
    }

    @QueryMapping
    @Nullable
    Network network(@Argument String id) {
        return load(List.of(id)).stream().findFirst().orElse(null);
    }

    @QueryMapping
    @Nullable
    Network networkOf(@Argument String id) {
        // Out of sight (a handle that identifies a child the viewer has no need-to-know of): no answer,
        // the same as for an id that names nothing, so the question cannot confirm that it exists.
        return GlobalId.parse(id)
                .filter(g -> access.scope().sees(g.type(), g.key()))
                .flatMap(g -> networkOf(g.type(), g.key()))
                .orElse(null);
    }

    /** {@code Case.network} for every case of a request at once: two statements, however many cases. */
    @BatchMapping(typeName = "Case", field = "network")
    Map<Case, Network> caseNetworks(List<Case> cases) {
        Map<String, String> networkOf = new HashMap<>();
        graph.read(
                CASE_NETWORKS,
                Map.of("keys", cases.stream().map(Case::caseNumber).toList()),
                r -> networkOf.put(r.get("key").asString(), r.get("id").asString()));
        Map<String, Network> byId = new HashMap<>();
        load(List.copyOf(new LinkedHashSet<>(networkOf.values()))).forEach(n -> byId.put(n.id(), n));
        Map<Case, Network> out = new LinkedHashMap<>();
        cases.forEach(c -> Optional.ofNullable(networkOf.get(c.caseNumber()))
                .map(byId::get)
                .ifPresent(n -> out.put(c, n)));
        return out;
    }

    private Optional<Network> networkOf(EntityType type, String key) {
        return graph
                .read(
                        CypherFiles.fill(OF, "__MATCH__", type.match("n", "$key")),
                        Map.of("key", key),
                        r -> r.get("id").asString())
                .stream()
                .findFirst()
                .flatMap(id -> load(List.of(id)).stream().findFirst());
    }

    @MutationMapping
    NetworkRefresh refreshNetworks() {
        var run = detection.refresh();
        return new NetworkRefresh(
                run.networks(),
                run.members(),
                run.caseLinks(),
                run.computedAt(),
                run.took().toMillis(),
                run.timings());
    }

    /** The cases of every network a request lists, in one statement (at most max-size members each). */
    @BatchMapping(typeName = "Network", field = "cases")
    Map<Network, List<Case>> cases(List<Network> networks) {
        Map<String, List<Case>> byId = new HashMap<>();
        graph.read(
                CASES,
                Map.of("ids", networks.stream().map(Network::id).toList()),
                r -> byId.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>())
                        .add((Case) EntityType.CASE.map(r.get("c"))));
        Map<Network, List<Case>> out = new LinkedHashMap<>();
        networks.forEach(n -> out.put(n, byId.getOrDefault(n.id(), List.of())));
        return out;
    }

    /** Networks by id, in the order asked, with their summary (one statement for all). */
    private List<Network> load(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Network> byId = new HashMap<>();
        graph.read(SUMMARY, Map.of("ids", ids), r -> {
            var n = r.get("n");
            Map<String, Integer> counts = new HashMap<>();
            r.get("labels").asList(v -> v.asString()).forEach(l -> counts.merge(l, 1, Integer::sum));
            List<Place> places = r.get("places")
                    .asList(p -> new Place(
                            (Location) EntityType.LOCATION.map(p.get("location")),
                            p.get("ads").asInt(),
                            p.get("cases").asInt()));
            byId.put(
                    n.get("id").asString(),
                    new Network(
                            n.get("id").asString(),
                            n.get("size").asInt(),
                            new Counts(
                                    counts.getOrDefault("Case", 0),
                                    counts.getOrDefault("Child", 0),
                                    counts.getOrDefault("Person", 0),
                                    counts.getOrDefault("Phone", 0),
                                    counts.getOrDefault("Email", 0),
                                    counts.getOrDefault("Handle", 0),
                                    counts.getOrDefault("Ad", 0),
                                    counts.getOrDefault("Image", 0)),
                            Values.dateTime(r.get("span"), "firstSeen"),
                            Values.dateTime(r.get("span"), "lastSeen"),
                            places,
                            Values.dateTime(n, "computedAt")));
            return null;
        });
        Map<String, Network> ordered = new LinkedHashMap<>();
        ids.forEach(id -> Optional.ofNullable(byId.get(id)).ifPresent(n -> ordered.put(id, n)));
        return List.copyOf(ordered.values());
    }
}
