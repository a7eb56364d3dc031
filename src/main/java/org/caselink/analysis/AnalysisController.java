package org.caselink.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caselink.analysis.Explorer.Crossing;
import org.caselink.analysis.Explorer.Deadline;
import org.caselink.analysis.Explorer.Hop;
import org.caselink.analysis.Explorer.Reached;
import org.caselink.db.CypherFiles;
import org.caselink.graphql.InvalidInputException;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.caselink.model.Evidence;
import org.caselink.model.GlobalId;
import org.caselink.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Link analysis through GraphQL: the neighbourhood of a node, the shortest paths between two, and
 * the cases linked to a case with the paths that explain each link. Every answer is bounded (hops,
 * nodes, time) and says when a bound cut it short.
 */
@Controller
class AnalysisController {

    private static final String PATHS = CypherFiles.query("analysis/paths");

    /** Searches for paths around what they crossed out of a partner's scope before taking its whole scope. */
    static final int SEARCHES_AROUND = 3;

    static final int MAX_LIMIT = 1000;

    private final Explorer explorer;
    private final LinkedCaseSearch linkedCases;
    private final Access access;

    AnalysisController(Explorer explorer, LinkedCaseSearch linkedCases, Access access) {
        this.explorer = explorer;
        this.linkedCases = linkedCases;
        this.access = access;
    }

    /** One relationship as stored, with all its evidence. */
    /** Shown (to a partner) only when some of its evidence comes from a record the partner may see. */
    record Link(LinkType type, String from, String to, List<Evidence> evidence) implements org.caselink.model.Guarded {
        @Override
        public boolean visibleTo(org.caselink.model.Visibility visibility) {
            return evidence.stream().anyMatch(e -> e.visibleTo(visibility));
        }

        @Override
        public Collection<String> returnedIds() {
            return List.of(from, to);
        }
    }

    /** A relationship as stored, by element ids: parallel records of one link share it. */
    private record LinkKey(LinkType type, String from, String to) {}

    record Neighbourhood(List<Entity> nodes, List<Link> links, boolean truncated, List<String> hubs) {}

    /** A step: shown when the viewer sees both its ends and some of its evidence. */
    record PathStep(String from, String to, LinkType type, boolean forward, List<Evidence> evidence)
            implements org.caselink.model.Guarded {
        @Override
        public boolean visibleTo(org.caselink.model.Visibility visibility) {
            return visibility.seesId(from)
                    && visibility.seesId(to)
                    && evidence.stream().anyMatch(e -> e.visibleTo(visibility));
        }

        @Override
        public Collection<String> returnedIds() {
            return List.of(from, to);
        }
    }

    /**
     * A path is shown whole or not at all: with a node or a step out of sight, its length and the
     * steps left would still tell that something lies between.
     */
    record Path(int length, List<Entity> nodes, List<PathStep> steps) implements org.caselink.model.Guarded {
        @Override
        public boolean visibleTo(org.caselink.model.Visibility visibility) {
            return visibility.seesAll(nodes) && steps.stream().allMatch(s -> s.visibleTo(visibility));
        }
    }

    record PathResult(List<Path> paths, boolean truncated) {}

    @QueryMapping
    Neighbourhood neighbourhood(
            @Argument String id,
            @Argument @Nullable Integer hops,
            @Argument @Nullable List<EntityType> types,
            @Argument @Nullable List<LinkType> relationshipTypes,
            @Argument @Nullable Integer limit) {
        return explorer.inTurn(() -> neighbourhoodNow(id, hops, types, relationshipTypes, limit));
    }

    private Neighbourhood neighbourhoodNow(
            String id,
            @Nullable Integer hops,
            @Nullable List<EntityType> types,
            @Nullable List<LinkType> relationshipTypes,
            @Nullable Integer limit) {
        int h = between("hops", hops == null ? 2 : hops, 1, explorer.maxHops);
        int max = between("limit", limit == null ? 200 : limit, 1, MAX_LIMIT);
        Set<LinkType> follow = followed(relationshipTypes);
        Set<EntityType> kinds =
                types == null || types.isEmpty() ? EnumSet.allOf(EntityType.class) : EnumSet.copyOf(types);
        Deadline deadline = explorer.deadline(access.scope());
        var start = explorer.start(id, follow, deadline);
        if (start.isEmpty()) {
            return new Neighbourhood(List.of(), List.of(), false, List.of());
        }
        Map<String, Reached> visited = new LinkedHashMap<>();
        visited.put(start.get().id(), start.get());
        Map<LinkKey, List<Crossing>> links = new LinkedHashMap<>();
        boolean truncated = false;
        List<String> frontier = List.of(start.get().id());
        for (int d = 1; d <= h && !frontier.isEmpty(); d++) {
            List<String> next = new ArrayList<>();
            for (Hop hop : explorer.expand(frontier, follow, d, deadline)) {
                Reached to = hop.to();
                if (!kinds.contains(to.type())) {
                    continue;
                }
                if (!visited.containsKey(to.id())) {
                    if (visited.size() >= max) {
                        truncated = true;
                        continue;
                    }
                    visited.put(to.id(), to);
                    if (!to.isHub(explorer.hubDegree)) {
                        next.add(to.id());
                    }
                }
                Crossing c = hop.crossing();
                var key = c.forward()
                        ? new LinkKey(c.type(), hop.from(), to.id())
                        : new LinkKey(c.type(), to.id(), hop.from());
                links.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
            frontier = next;
        }
        Map<String, Entity> nodes = explorer.nodes(visited.keySet(), deadline);
        List<Link> out = new ArrayList<>();
        links.forEach((key, group) -> out.add(new Link(
                key.type(), nodes.get(key.from()).getId(), nodes.get(key.to()).getId(), evidence(group))));
        List<String> hubs = visited.values().stream()
                .filter(r -> r.isHub(explorer.hubDegree))
                .map(r -> nodes.get(r.id()).getId())
                .toList();
        return new Neighbourhood(visited.keySet().stream().map(nodes::get).toList(), out, truncated, hubs);
    }

    @QueryMapping
    PathResult paths(
            @Argument String from,
            @Argument String to,
            @Argument @Nullable Integer maxHops,
            @Argument @Nullable Integer limit) {
        return explorer.inTurn(() -> pathsNow(from, to, maxHops, limit));
    }

    private PathResult pathsNow(String from, String to, @Nullable Integer maxHops, @Nullable Integer limit) {
        int hops = between("maxHops", maxHops == null ? 6 : maxHops, 1, explorer.maxPathHops);
        int max = between("limit", limit == null ? 10 : limit, 1, 100);
        Set<LinkType> follow = LinkType.EVIDENCE;
        Deadline deadline = explorer.deadline(access.scope());
        // Both ends in one statement, without the degrees a walk needs and paths do not.
        String fromId = canonical(from);
        String toId = canonical(to);
        Map<String, String> ends = explorer.resolve(List.of(fromId, toId), deadline);
        var a = java.util.Optional.ofNullable(ends.get(fromId)).filter(deadline::sees);
        var b = java.util.Optional.ofNullable(ends.get(toId)).filter(deadline::sees);
        if (a.isEmpty() || b.isEmpty() || a.get().equals(b.get())) {
            return new PathResult(List.of(), false);
        }
        String cypher =
                CypherFiles.fill(PATHS, "__TYPES__", LinkType.pattern(follow), "__MAX__", Integer.toString(hops));
        // The shortest paths that cross no node out of sight (hidden, or out of a partner's scope):
        // searched without the ones found so far, until the paths found cross none. Each try
        // excludes at least one more node, and the last one's paths are the shortest of the graph
        // without every node out of sight (the nodes left in can only make a path shorter, and none
        // of them is on it). A partner's world is a small part of the graph, so after a few tries
        // the search takes its whole scope as a list instead (megabytes for a busy agency, so not
        // at first).
        Set<String> excluded = new LinkedHashSet<>();
        List<String> allowed = null;
        List<List<String>> found;
        for (int tries = 1; ; tries++) {
            Map<String, Object> params = new HashMap<>();
            params.put("from", a.get());
            params.put("to", b.get());
            params.put("limit", max + 1);
            params.put("hidden", List.copyOf(excluded));
            params.put("allowed", allowed);
            found = deadline.read(cypher, params, r -> r.get("nodes").asList(v -> v.asString()));
            List<String> crossed = found.stream()
                    .flatMap(List::stream)
                    .filter(id -> !deadline.sees(id) && !excluded.contains(id))
                    .distinct()
                    .toList();
            if (crossed.isEmpty()) {
                break;
            }
            excluded.addAll(crossed);
            if (tries >= SEARCHES_AROUND && allowed == null) {
                allowed = deadline.allowedElements();
            }
        }
        var cut = Cut.of(found, max);
        boolean truncated = cut.truncated();
        List<List<String>> kept = cut.kept();
        Set<List<String>> pairs = new LinkedHashSet<>();
        kept.forEach(p -> {
            for (int i = 0; i + 1 < p.size(); i++) {
                pairs.add(List.of(p.get(i), p.get(i + 1)));
            }
        });
        Map<List<String>, List<Crossing>> steps = explorer.steps(pairs, follow, deadline);
        Set<String> ids = new LinkedHashSet<>();
        kept.forEach(ids::addAll);
        Map<String, Entity> nodes = explorer.nodes(ids, deadline);
        List<Path> paths = kept.stream()
                .map(p -> path(p, (x, y) -> steps.getOrDefault(List.of(x, y), List.of()), nodes))
                .toList();
        return new PathResult(paths, truncated);
    }

    @QueryMapping
    LinkedCaseSearch.LinkedCases linkedCases(
            @Argument String caseNumber,
            @Argument @Nullable Integer maxHops,
            @Argument @Nullable Double minScore,
            @Argument @Nullable Integer first) {
        int hops = between("maxHops", maxHops == null ? 6 : maxHops, 1, explorer.maxPathHops);
        int n = between("first", first == null ? 20 : first, 1, 100);
        double min = minScore == null ? 0 : minScore;
        if (min < 0 || min > 1) {
            throw new InvalidInputException("minScore", "must be between 0 and 1");
        }
        return explorer.inTurn(() -> linkedCases.search(caseNumber, hops, min, n, explorer.deadline(access.scope())));
    }

    /** A global id as {@link GlobalId#of} spells it ("" when it names nothing). */
    private static String canonical(String id) {
        return GlobalId.parse(id).map(g -> GlobalId.of(g.type(), g.key())).orElse("");
    }

    /** The hops between consecutive nodes of a path, as steps; the most evidenced type per step. */
    static Path path(
            List<String> ids,
            java.util.function.BiFunction<String, String, List<Crossing>> hops,
            Map<String, Entity> nodes) {
        List<PathStep> steps = new ArrayList<>();
        for (int i = 0; i + 1 < ids.size(); i++) {
            String x = ids.get(i);
            String y = ids.get(i + 1);
            List<Crossing> all = hops.apply(x, y);
            Map<LinkType, List<Crossing>> byType = new LinkedHashMap<>();
            all.forEach(h ->
                    byType.computeIfAbsent(h.type(), k -> new ArrayList<>()).add(h));
            var chosen = byType.values().stream()
                    .max(java.util.Comparator.comparingInt(List::size))
                    .orElse(List.of());
            if (chosen.isEmpty()) {
                continue;
            }
            steps.add(new PathStep(
                    nodes.get(x).getId(),
                    nodes.get(y).getId(),
                    chosen.getFirst().type(),
                    chosen.getFirst().forward(),
                    evidence(chosen)));
        }
        return new Path(ids.size() - 1, ids.stream().map(nodes::get).toList(), steps);
    }

    /** The evidence of the relationships crossed, each relationship once. */
    static List<Evidence> evidence(Collection<Crossing> crossings) {
        Map<String, Evidence> byRel = new LinkedHashMap<>();
        crossings.forEach(c -> byRel.putIfAbsent(c.rel(), c.evidence()));
        return List.copyOf(byRel.values());
    }

    private static Set<LinkType> followed(@Nullable List<LinkType> types) {
        return types == null || types.isEmpty() ? LinkType.EVIDENCE : EnumSet.copyOf(types);
    }

    static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max);
        }
        return value;
    }
}
