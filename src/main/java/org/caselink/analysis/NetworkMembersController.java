package org.caselink.analysis;

import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.caselink.analysis.NetworkController.Network;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.caselink.model.Guarded;
import org.caselink.model.Visibility;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * A network's members and key players ({@code Network.members}, {@code Network.keyPlayers}),
 * ranked by the centrality scores {@link NetworkDetection} keeps on their membership. Apart from
 * {@link NetworkController} because both fields go through one data loader that ranks the members
 * of every network a request lists at once, one statement per ranking asked for.
 */
@Controller
class NetworkMembersController {

    private static final String MEMBERS = CypherFiles.query("analysis/network-members");
    private static final String LINKS = CypherFiles.query("analysis/network-member-links");

    /** The data loader that ranks the members of every network a request lists, per ranking asked. */
    private static final String RANKINGS = "networkRankings";

    private final Graph graph;
    private final org.caselink.model.CurrentVisibility access;

    NetworkMembersController(Graph graph, BatchLoaderRegistry registry, org.caselink.model.CurrentVisibility access) {
        this.graph = graph;
        this.access = access;
        registry.<Ranking, List<Ranked>>forName(RANKINGS)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> rank(keys)));
    }

    record Members(List<Entity> nodes, boolean truncated) {}

    record Links(List<AnalysisController.Link> links, boolean truncated) {}

    /**
     * The relationships between the network's members that link evidence, so a client can draw the
     * network itself (each with every record that asserts it); parallel records of one link are one
     * link. At most {@code first}, in a fixed order.
     */
    @SchemaMapping(typeName = "Network")
    Links links(Network network, @Argument @Nullable Integer first) {
        int max = AnalysisController.between("first", first == null ? 1000 : first, 1, MAX_LINKS);
        Map<List<String>, AnalysisController.Link> links = new java.util.LinkedHashMap<>();
        List<Record> rows = graph.read(
                LINKS,
                Map.of(
                        "id",
                        network.id(),
                        "types",
                        LinkType.EVIDENCE.stream().map(LinkType::name).sorted().toList(),
                        "limit",
                        max + 1),
                r -> r);
        Visibility visibility = access.current();
        for (Record row : rows.subList(0, Math.min(max, rows.size()))) {
            Entity a = entity(row.get("a"));
            Entity b = entity(row.get("b"));
            // A member out of the viewer's sight (a hidden identifier) is left out of members by
            // the guard; its links go too, or their ids would tell it is there.
            if (!visibility.sees(a) || !visibility.sees(b)) {
                continue;
            }
            String from = a.getId();
            String to = b.getId();
            String type = row.get("type").asString();
            links.computeIfAbsent(
                            List.of(type, from, to),
                            k -> new AnalysisController.Link(LinkType.valueOf(type), from, to, new ArrayList<>()))
                    .evidence()
                    .add(org.caselink.model.Evidence.from(row.get("r")));
        }
        return new Links(List.copyOf(links.values()), rows.size() > max);
    }

    /** The most links {@code Network.links} returns. */
    static final int MAX_LINKS = 5000;

    private static Entity entity(org.neo4j.driver.Value node) {
        return EntityType.ofLabel(node.asNode().labels().iterator().next()).map(node);
    }

    record KeyPlayer(int rank, Entity node, double betweenness, double pageRank, int degree) implements Guarded {
        @Override
        public boolean visibleTo(Visibility visibility) {
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

    @SchemaMapping(typeName = "Network")
    CompletableFuture<Members> members(
            Network network,
            @Argument @Nullable List<EntityType> types,
            @Argument @Nullable Integer first,
            DataFetchingEnvironment env) {
        int max = AnalysisController.between("first", first == null ? 100 : first, 1, NetworkController.MAX_FIRST);
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
        int max = AnalysisController.between("first", first == null ? 3 : first, 1, NetworkController.MAX_FIRST);
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

    record Ranked(Entity node, double betweenness, double pageRank, int degree) {}

    /** One ranking of one network's members: the data loader's key. */
    record Ranking(String network, Centrality by, List<String> labels, int limit) {}

    private CompletableFuture<List<Ranked>> ranked(
            DataFetchingEnvironment env, Network network, Centrality by, @Nullable List<EntityType> types, int limit) {
        Set<EntityType> kinds =
                types == null || types.isEmpty() ? EnumSet.allOf(EntityType.class) : EnumSet.copyOf(types);
        DataLoader<Ranking, List<Ranked>> loader = env.getDataLoader(RANKINGS);
        return Objects.requireNonNull(loader)
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
                .collect(Collectors.groupingBy(k -> List.of(k.by(), k.labels(), k.limit())))
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
}
