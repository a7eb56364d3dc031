package org.caselink.analysis;

import graphql.schema.DataFetchingEnvironment;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.model.Ad;
import org.caselink.model.Case;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.caselink.model.Location;
import org.caselink.model.Values;
import org.caselink.security.Access;
import org.caselink.security.Scope;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Networks (as the last detection left them), their key players, and ad timelines with the travel
 * circuit they draw. Reading is plain Cypher over {@code Network} nodes; {@link NetworkDetection}
 * computes them.
 */
@Controller
class NetworkController {

    private static final String LIST = CypherFiles.query("analysis/network-list");
    private static final String SUMMARY = CypherFiles.query("analysis/network-summary");
    private static final String OF = CypherFiles.query("analysis/network-of");
    private static final String MEMBERS = CypherFiles.query("analysis/network-members");
    private static final String TIMELINE = CypherFiles.query("analysis/timeline");
    private static final int MAX_FIRST = 1000;

    /** The data loader that ranks the members of every network a request lists, per ranking asked. */
    private static final String RANKINGS = "networkRankings";

    private final Graph graph;
    private final NetworkDetection detection;

    private final Access access;

    NetworkController(Graph graph, NetworkDetection detection, BatchLoaderRegistry registry, Access access) {
        this.graph = graph;
        this.access = access;
        this.detection = detection;
        registry.<Ranking, List<Ranked>>forName(RANKINGS)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> rank(keys)));
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

    record Members(List<Entity> nodes, boolean truncated) {}

    record KeyPlayer(int rank, Entity node, double betweenness, double pageRank, int degree)
            implements org.caselink.model.Guarded {
        @Override
        public boolean visibleTo(org.caselink.model.Visibility visibility) {
            return visibility.sees(node);
        }
    }

    enum Centrality {
        BETWEENNESS("betweenness"),
        PAGE_RANK("pageRank"),
        DEGREE("degree");

        /** The MEMBER_OF property it is kept in: the only values {@code $by} takes. */
        final String property;

        Centrality(String property) {
            this.property = property;
        }
    }

    record TimelineEvent(
            OffsetDateTime postedAt, Ad ad, @Nullable Location location) implements org.caselink.model.Guarded {
        @Override
        public boolean visibleTo(org.caselink.model.Visibility visibility) {
            return visibility.sees(ad) && (location == null || visibility.sees(location));
        }
    }

    record CircuitStop(Location location, OffsetDateTime from, OffsetDateTime to, int ads) {}

    record Timeline(List<TimelineEvent> events, List<CircuitStop> circuit, boolean truncated) {}

    @QueryMapping
    NetworkList networks(@Argument @Nullable Integer minCases, @Argument @Nullable Integer first) {
        int min = AnalysisController.between("minCases", minCases == null ? 2 : minCases, 1, Integer.MAX_VALUE);
        int max = AnalysisController.between("first", first == null ? 20 : first, 1, MAX_FIRST);
        List<String> ids = graph.read(
                LIST,
                Map.of("minCases", min, "limit", max + 1),
                r -> r.get("id").asString());
        List<Network> networks = load(ids.subList(0, Math.min(max, ids.size())));
        OffsetDateTime computedAt = networks.isEmpty()
                ? graph.read(
                                "MATCH (n:Network) RETURN {at: max(n.computedAt)} AS summary",
                                Map.of(),
                                r -> Values.dateTime(r.get("summary"), "at"))
                        .getFirst()
                : networks.getFirst().computedAt();
        return new NetworkList(networks, computedAt, ids.size() > max);
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
                "UNWIND $keys AS key MATCH (:Case {caseNumber: key})-[:MEMBER_OF]->(n:Network) RETURN key, n.id AS id",
                Map.of("keys", cases.stream().map(Case::caseNumber).toList()),
                r -> networkOf.put(r.get("key").asString(), r.get("id").asString()));
        Map<String, Network> byId = new HashMap<>();
        load(List.copyOf(new java.util.LinkedHashSet<>(networkOf.values()))).forEach(n -> byId.put(n.id(), n));
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
                "UNWIND $ids AS id MATCH (c:Case)-[:MEMBER_OF]->(:Network {id: id})"
                        + " RETURN id, c ORDER BY c.reportedAt, c.caseNumber",
                Map.of("ids", networks.stream().map(Network::id).toList()),
                r -> byId.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>())
                        .add((Case) EntityType.CASE.map(r.get("c"))));
        Map<Network, List<Case>> out = new LinkedHashMap<>();
        networks.forEach(n -> out.put(n, byId.getOrDefault(n.id(), List.of())));
        return out;
    }

    @SchemaMapping(typeName = "Network")
    CompletableFuture<Members> members(
            Network network,
            @Argument @Nullable List<EntityType> types,
            @Argument @Nullable Integer first,
            DataFetchingEnvironment env) {
        int max = AnalysisController.between("first", first == null ? 100 : first, 1, MAX_FIRST);
        return ranked(env, network, Centrality.PAGE_RANK, types, max + 1)
                .thenApply(ranked ->
                        new Members(ranked.stream().limit(max).map(Ranked::node).toList(), ranked.size() > max));
    }

    @SchemaMapping(typeName = "Network")
    CompletableFuture<List<KeyPlayer>> keyPlayers(
            Network network,
            @Argument @Nullable Centrality by,
            @Argument @Nullable List<EntityType> types,
            @Argument @Nullable Integer first,
            DataFetchingEnvironment env) {
        int max = AnalysisController.between("first", first == null ? 3 : first, 1, MAX_FIRST);
        return ranked(
                        env,
                        network,
                        by == null ? Centrality.BETWEENNESS : by,
                        types == null ? List.of(EntityType.PERSON) : types,
                        max)
                .thenApply(ranked -> {
                    List<KeyPlayer> out = new ArrayList<>();
                    for (Ranked r : ranked) {
                        out.add(new KeyPlayer(out.size() + 1, r.node(), r.betweenness(), r.pageRank(), r.degree()));
                    }
                    return out;
                });
    }

    @SchemaMapping(typeName = "Network", field = "timeline")
    Timeline networkTimeline(Network network, @Argument @Nullable Integer first) {
        return graph
                .read(
                        "MATCH (n:Network {id: $id}) RETURN elementId(n) AS id",
                        Map.of("id", network.id()),
                        r -> r.get("id").asString())
                .stream()
                .findFirst()
                .map(id -> timelineOf(id, first, access.scope()))
                .orElseGet(() -> new Timeline(List.of(), List.of(), false));
    }

    @QueryMapping
    Timeline timeline(@Argument String id, @Argument @Nullable Integer first) {
        Scope scope = access.scope();
        // A partner's timeline starts only from a node in its scope, and never from a network:
        // networks are computed over every agency's cases.
        boolean narrowed = scope.allowedElementList() != null;
        // Nor from a node out of sight (a hidden child's handle, for an analyst): a timeline would
        // tell that it exists.
        if ((narrowed && id.startsWith("NW-"))
                || (!id.startsWith("NW-")
                        && GlobalId.parse(id)
                                .filter(g -> scope.sees(g.type(), g.key()))
                                .isEmpty())) {
            return new Timeline(List.of(), List.of(), false);
        }
        Optional<String> node = id.startsWith("NW-")
                ? graph
                        .read(
                                "MATCH (n:Network {id: $id}) RETURN elementId(n) AS id",
                                Map.of("id", id),
                                r -> r.get("id").asString())
                        .stream()
                        .findFirst()
                : GlobalId.parse(id)
                        .flatMap(g -> graph
                                .read(
                                        "MATCH " + g.type().match("n", "$key") + " RETURN elementId(n) AS id",
                                        Map.of("key", g.key()),
                                        r -> r.get("id").asString())
                                .stream()
                                .findFirst());
        return node.map(n -> timelineOf(n, first, scope)).orElseGet(() -> new Timeline(List.of(), List.of(), false));
    }

    private Timeline timelineOf(String elementId, @Nullable Integer first, Scope scope) {
        int max = AnalysisController.between("first", first == null ? 200 : first, 1, MAX_FIRST * 10);
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("id", elementId);
        params.put("limit", max + 1);
        params.put("allowed", scope.allowedElementList());
        params.put("records", scope.allowedRecords());
        params.put("hidden", scope.hiddenElementList());
        List<TimelineEvent> events = graph.read(TIMELINE, params, r -> {
            Ad ad = (Ad) EntityType.AD.map(r.get("ad"));
            Location l = r.get("l").isNull() ? null : (Location) EntityType.LOCATION.map(r.get("l"));
            return new TimelineEvent(ad.postedAt(), ad, l);
        });
        var cut = Cut.of(events, max);
        return new Timeline(cut.kept(), circuit(cut.kept()), cut.truncated());
    }

    /** Consecutive ads in one place collapse into one stop; ads with no place are skipped. */
    static List<CircuitStop> circuit(List<TimelineEvent> events) {
        List<CircuitStop> stops = new ArrayList<>();
        for (TimelineEvent e : events) {
            if (e.location() == null) {
                continue;
            }
            CircuitStop last = stops.isEmpty() ? null : stops.getLast();
            if (last != null && last.location().key().equals(e.location().key())) {
                stops.set(
                        stops.size() - 1, new CircuitStop(last.location(), last.from(), e.postedAt(), last.ads() + 1));
            } else {
                stops.add(new CircuitStop(e.location(), e.postedAt(), e.postedAt(), 1));
            }
        }
        return stops;
    }

    record Ranked(Entity node, double betweenness, double pageRank, int degree) {}

    /** One ranking of one network's members: the data loader's key. */
    record Ranking(String network, Centrality by, List<String> labels, int limit) {}

    private CompletableFuture<List<Ranked>> ranked(
            DataFetchingEnvironment env, Network network, Centrality by, @Nullable List<EntityType> types, int limit) {
        Set<EntityType> kinds =
                types == null || types.isEmpty() ? EnumSet.allOf(EntityType.class) : EnumSet.copyOf(types);
        DataLoader<Ranking, List<Ranked>> loader = env.getDataLoader(RANKINGS);
        return java.util.Objects.requireNonNull(loader)
                .load(new Ranking(
                        network.id(),
                        by,
                        kinds.stream().map(EntityType::label).sorted().toList(),
                        limit));
    }

    /** Every ranking asked for in a request: one statement per distinct (centrality, kinds, limit). */
    private Map<Ranking, List<Ranked>> rank(Set<Ranking> keys) {
        Map<Ranking, List<Ranked>> out = new HashMap<>();
        keys.stream()
                .collect(java.util.stream.Collectors.groupingBy(k -> List.of(k.by(), k.labels(), k.limit())))
                .values()
                .forEach(group -> {
                    Ranking first = group.getFirst();
                    Map<String, List<Ranked>> byNetwork = new HashMap<>();
                    graph.read(
                            MEMBERS,
                            Map.of(
                                    "ids",
                                    group.stream().map(Ranking::network).toList(),
                                    "labels",
                                    first.labels(),
                                    "by",
                                    first.by().property,
                                    "limit",
                                    first.limit()),
                            r -> byNetwork
                                    .computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>())
                                    .add(new Ranked(
                                            EntityType.ofLabel(r.get("label").asString())
                                                    .map(r.get("n")),
                                            score(r, "betweenness"),
                                            score(r, "pageRank"),
                                            (int) score(r, "degree"))));
                    group.forEach(k -> out.put(k, byNetwork.getOrDefault(k.network(), List.of())));
                });
        return out;
    }

    private static double score(Record r, String key) {
        return r.get(key).isNull() ? 0 : r.get(key).asDouble();
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
