package org.caselink.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.graphql.LimitExceededException;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.caselink.model.Evidence;
import org.caselink.model.GlobalId;
import org.caselink.security.Scope;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;

/**
 * The steps every analysis is made of, each one statement: find where to start, expand a frontier
 * by one hop, load the nodes reached. Node identities stay Neo4j element ids inside an analysis
 * and never leave it: answers carry global ids. Every statement runs under what is left of the
 * analysis' time limit; running out is an error, never a partial answer.
 */
@Component
class Explorer {

    private static final String START = CypherFiles.query("analysis/start");
    private static final String EXPAND = CypherFiles.query("analysis/expand");
    private static final String WALK = CypherFiles.query("analysis/walk");
    private static final String NATURAL_ORDER = CypherFiles.query("analysis/natural-order");
    private static final String NEIGHBOURS = CypherFiles.query("analysis/neighbours");
    private static final String NODES = CypherFiles.query("analysis/nodes");
    /** analysis/resolve for every type at once (the types and their key properties from EntityType only). */
    private static final String RESOLVE_ALL = java.util.Arrays.stream(EntityType.values())
            .map(t -> CypherFiles.fill(
                    CypherFiles.query("analysis/resolve"), "__TYPE__", t.name(), "__MATCH__", t.match("n", "key")))
            .collect(java.util.stream.Collectors.joining("\nUNION ALL\n"));

    private static final String STEPS = CypherFiles.query("analysis/steps");

    final int maxHops;
    final int maxPathHops;
    final int hubDegree;
    final int maxVisited;
    private final Duration timeout;
    private final Graph graph;
    private final java.util.concurrent.Semaphore running;
    private final Duration queueWait;

    @org.springframework.beans.factory.annotation.Autowired
    Explorer(Graph graph, AnalysisProperties settings) {
        this(
                graph,
                settings.maxHops(),
                settings.maxPathHops(),
                settings.hubDegree(),
                settings.maxVisited(),
                settings.timeout(),
                settings.concurrency(),
                settings.queueWait());
    }

    /** With limits of the caller's choosing: tests set a time limit or a queue too short to meet. */
    Explorer(
            Graph graph,
            int maxHops,
            int maxPathHops,
            int hubDegree,
            int maxVisited,
            Duration timeout,
            int concurrency,
            Duration queueWait) {
        this.graph = graph;
        this.running = new java.util.concurrent.Semaphore(
                concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors(), true);
        this.queueWait = queueWait;
        this.maxHops = maxHops;
        this.maxPathHops = maxPathHops;
        this.hubDegree = hubDegree;
        this.maxVisited = maxVisited;
        this.timeout = timeout;
    }

    /** Where a node was reached: its label and its degree (distinct neighbours) over the types followed. */
    record Reached(String id, EntityType type, long degree, int distance) {
        boolean isHub(int hubDegree) {
            return degree > hubDegree;
        }
    }

    /**
     * One relationship crossed, in the direction of travel: {@code forward} when it is stored that
     * way. Read from the columns {@code type, forward, rel, evidence} that every analysis query
     * returning relationships names alike.
     */
    record Crossing(LinkType type, boolean forward, String rel, Evidence evidence) {
        static Crossing from(Record r) {
            return new Crossing(
                    LinkType.of(r.get("type").asString()),
                    r.get("forward").asBoolean(),
                    r.get("rel").asString(),
                    Evidence.from(r.get("evidence")));
        }
    }

    /** A relationship crossed from {@code from} to a node reached. */
    record Hop(String from, Reached to, Crossing crossing) {}

    /** One relationship between two nodes as a score sees it: its kind and how strong it is. */
    record Kind(LinkType type, double strength) {}

    /**
     * A node reached by a {@link #walk} from {@code from}, with every relationship between the two
     * as its {@link Kind}. {@code to}'s degree is its relationship count (enough to tell a hub); its
     * degree proper comes with its own expansion.
     */
    record Reach(String from, Reached to, List<Kind> kinds) {}

    /** One step of a walk: the nodes reached, and the degree of every frontier node expanded. */
    record Walked(List<Reach> reaches, Map<String, Long> degrees) {}

    /**
     * Runs a request's analysis when one of {@code caselink.analysis.concurrency} places is free
     * (default: one per core), in arrival order. Under load the analyses wait their turn instead of
     * sharing the cores so thinly that each overruns its time limit: with 32 clients on 2 cores,
     * 5 of 13,704 requests failed so. The limit counts from the start of the analysis, not of the
     * wait; a wait longer than {@code caselink.analysis.queue-wait} is refused as busy.
     */
    <T> T inTurn(java.util.function.Supplier<T> analysis) {
        try {
            if (!running.tryAcquire(queueWait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new LimitExceededException(
                        "busy",
                        "Every place for an analysis has been taken for " + queueWait.toSeconds()
                                + " s (caselink.analysis.concurrency); try again shortly.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to run an analysis", e);
        }
        try {
            return analysis.get();
        } finally {
            running.release();
        }
    }

    /** The time an analysis may still take: caselink.analysis.timeout from now, over the whole graph. */
    Deadline deadline() {
        return deadline(timeout);
    }

    /**
     * A request's analysis, as {@code scope} may see the graph: it starts, steps and ends only on
     * nodes in scope, so an answer never shows a node out of scope, not even as a hop between two
     * that are in it.
     */
    Deadline deadline(Scope scope) {
        return new Deadline(System.nanoTime() + timeout.toNanos(), timeout, scope);
    }

    /** A longer time limit, for batch work (not requests). */
    Deadline deadline(Duration limit) {
        return new Deadline(System.nanoTime() + limit.toNanos(), limit, null);
    }

    final class Deadline {
        private final long end;
        private final Duration limit;
        private final @Nullable Scope scope;

        private Deadline(long end, Duration limit, @Nullable Scope scope) {
            this.end = end;
            this.limit = limit;
            this.scope = scope == null || scope.unrestricted() ? null : scope;
        }

        boolean sees(String elementId) {
            return scope == null || scope.seesElement(elementId);
        }

        /** Whether the scope is a partner's: counts over the whole graph must be counted again over it. */
        boolean narrowed() {
            return scope != null && scope.narrowed();
        }

        /**
         * The element ids of a partner's whole scope, as {@code paths} takes them when searching
         * around what it crossed did not converge (null: any node).
         */
        @Nullable
        List<String> allowedElements() {
            return scope == null ? null : scope.allowedElementList();
        }

        <T> List<T> read(String cypher, Map<String, Object> params, Function<Record, T> mapper) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw timedOut();
            }
            try {
                return graph.read(cypher, params, mapper, Duration.ofNanos(Math.max(left, 1_000_000)));
            } catch (RuntimeException e) {
                if (Graph.isTimeout(e)) {
                    throw timedOut();
                }
                throw e;
            }
        }

        private LimitExceededException timedOut() {
            return new LimitExceededException(
                    "time",
                    "The analysis took longer than its limit of " + limit.toMillis()
                            + " ms (caselink.analysis.timeout); ask for fewer hops or fewer results.");
        }
    }

    /** The node behind a global id, with its degree; empty when there is none. */
    Optional<Reached> start(String globalId, Set<LinkType> types, Deadline deadline) {
        return GlobalId.parse(globalId).flatMap(g -> start(g.type(), g.key(), types, deadline));
    }

    Optional<Reached> start(EntityType type, String key, Set<LinkType> types, Deadline deadline) {
        return starts(type, List.of(key), types, deadline).stream().findFirst();
    }

    /** The cases behind case numbers (those that exist), each with its degree. */
    List<Reached> startCases(List<String> caseNumbers, Set<LinkType> types, Deadline deadline) {
        return starts(EntityType.CASE, caseNumbers, types, deadline);
    }

    private List<Reached> starts(EntityType type, List<String> keys, Set<LinkType> types, Deadline deadline) {
        String cypher =
                CypherFiles.fill(START, "__MATCH__", type.match("n", "key"), "__TYPES__", LinkType.pattern(types));
        List<Reached> found = deadline
                .read(
                        cypher,
                        Map.of("keys", keys, "hub", hubDegree),
                        r -> new Reached(
                                r.get("id").asString(), type, r.get("degree").asLong(), 0))
                .stream()
                .filter(r -> deadline.sees(r.id()))
                .toList();
        Map<String, Counted> scoped =
                scopedCounts(found.stream().map(Reached::id).toList(), types, deadline);
        return found.stream()
                .map(r -> scoped.containsKey(r.id())
                        ? new Reached(r.id(), type, scoped.get(r.id()).degree(), 0)
                        : r)
                .toList();
    }

    /** Every relationship of the allowed types from the frontier, with the node at its other end. */
    List<Hop> expand(Collection<String> frontier, Set<LinkType> types, int distance, Deadline deadline) {
        if (frontier.isEmpty()) {
            return List.of();
        }
        String cypher = CypherFiles.fill(EXPAND, "__TYPES__", LinkType.pattern(types));
        List<Hop> hops = deadline
                .read(
                        cypher,
                        Map.of("frontier", List.copyOf(frontier), "hub", hubDegree),
                        r -> new Hop(
                                r.get("from").asString(),
                                new Reached(
                                        r.get("to").asString(),
                                        EntityType.ofLabel(r.get("label").asString()),
                                        r.get("degree").asLong(),
                                        distance),
                                Crossing.from(r)))
                .stream()
                .filter(hop -> deadline.sees(hop.to().id()))
                .toList();
        Map<String, Counted> scoped =
                scopedCounts(hops.stream().map(h -> h.to().id()).distinct().toList(), types, deadline);
        if (scoped.isEmpty()) {
            return hops;
        }
        return hops.stream()
                .map(h -> new Hop(
                        h.from(),
                        new Reached(
                                h.to().id(),
                                h.to().type(),
                                scoped.get(h.to().id()).degree(),
                                distance),
                        h.crossing()))
                .toList();
    }

    /** {@code ids} in the order of the nodes' labels and natural keys (see natural-order.cypher). */
    List<String> inNaturalOrder(Collection<String> ids, Deadline deadline) {
        return deadline.read(
                NATURAL_ORDER, Map.of("ids", List.copyOf(ids)), r -> r.get("id").asString());
    }

    /**
     * One step of a scored walk (linked cases): every neighbour of the frontier over {@code types},
     * identities proposed and not yet decided included, one {@link Reach} per pair of nodes,
     * without evidence (load the paths kept with {@link #steps}); and each frontier node's degree.
     */
    Walked walk(Collection<String> frontier, Set<LinkType> types, int distance, Deadline deadline) {
        if (frontier.isEmpty()) {
            return new Walked(List.of(), Map.of());
        }
        Map<String, Long> degrees = new HashMap<>();
        List<Reach> reaches = deadline.read(
                CypherFiles.fill(WALK, "__TYPES__", LinkType.pattern(types)),
                Map.of("frontier", List.copyOf(frontier), "proposals", true),
                r -> {
                    String from = r.get("from").asString();
                    degrees.put(from, r.get("fromDegree").asLong());
                    return new Reach(
                            from,
                            new Reached(
                                    r.get("to").asString(),
                                    EntityType.ofLabel(r.get("label").asString()),
                                    r.get("relationships").asLong(),
                                    distance),
                            r.get("kinds")
                                    .asList(k -> new Kind(
                                            LinkType.of(k.get("type").asString()),
                                            k.get("strength").isNull()
                                                    ? 1.0
                                                    : k.get("strength").asDouble())));
                });
        List<Reach> seen =
                reaches.stream().filter(r -> deadline.sees(r.to().id())).toList();
        if (!deadline.narrowed()) {
            return new Walked(seen, degrees);
        }
        // A partner's degrees, over its scope: a frontier node's from the rows (every neighbour is
        // one), a neighbour's relationships from its own neighbours.
        Map<String, Set<String>> counted = new HashMap<>();
        frontier.forEach(id -> counted.put(id, new java.util.HashSet<>()));
        seen.forEach(r -> {
            if (r.kinds().stream().anyMatch(k -> k.type() != LinkType.PROPOSED_SAME_AS)) {
                counted.computeIfAbsent(r.from(), id -> new java.util.HashSet<>())
                        .add(r.to().id());
            }
        });
        Map<String, Long> scopedDegrees = new HashMap<>();
        degrees.keySet()
                .forEach(id -> scopedDegrees.put(
                        id, (long) counted.getOrDefault(id, Set.of()).size()));
        Map<String, Counted> scoped =
                scopedCounts(seen.stream().map(r -> r.to().id()).distinct().toList(), types, deadline);
        return new Walked(
                seen.stream()
                        .map(r -> new Reach(
                                r.from(),
                                new Reached(
                                        r.to().id(),
                                        r.to().type(),
                                        scoped.get(r.to().id()).relationships(),
                                        distance),
                                r.kinds()))
                        .toList(),
                scopedDegrees);
    }

    /** A node's relationships over the analysis' types, and its degree as start and expand count it. */
    record Counted(long relationships, long degree) {}

    /**
     * For a partner, what the statements count over the whole graph counted again over its scope,
     * node by node: from each node's neighbours (analysis/neighbours), checked against the scope
     * the service holds. Empty for anyone else (their counts are the graph's).
     */
    private Map<String, Counted> scopedCounts(Collection<String> ids, Set<LinkType> types, Deadline deadline) {
        Map<String, Counted> out = new HashMap<>();
        if (!deadline.narrowed() || ids.isEmpty()) {
            return out;
        }
        Map<String, long[]> relationships = new HashMap<>();
        Map<String, Set<String>> followed = new HashMap<>();
        deadline.read(
                CypherFiles.fill(NEIGHBOURS, "__TYPES__", LinkType.pattern(types)),
                Map.of("ids", List.copyOf(ids)),
                r -> {
                    String other = r.get("other").asString();
                    if (deadline.sees(other)) {
                        String id = r.get("id").asString();
                        relationships.computeIfAbsent(id, x -> new long[1])[0]++;
                        if (r.get("follows").asBoolean()) {
                            followed.computeIfAbsent(id, x -> new java.util.HashSet<>())
                                    .add(other);
                        }
                    }
                    return null;
                });
        ids.forEach(id -> {
            long n = relationships.getOrDefault(id, new long[1])[0];
            out.put(
                    id,
                    new Counted(
                            n,
                            n > hubDegree
                                    ? n
                                    : followed.getOrDefault(id, Set.of()).size()));
        });
        return out;
    }

    /** The relationships of the allowed types between each pair of nodes (element ids), by pair. */
    Map<List<String>, List<Crossing>> steps(Collection<List<String>> pairs, Set<LinkType> types, Deadline deadline) {
        return steps(pairs, types, deadline, false);
    }

    /** {@link #steps}, with identities proposed and not yet decided when {@code proposals} says so. */
    Map<List<String>, List<Crossing>> steps(
            Collection<List<String>> pairs, Set<LinkType> types, Deadline deadline, boolean proposals) {
        Map<List<String>, List<Crossing>> steps = new java.util.LinkedHashMap<>();
        if (pairs.isEmpty()) {
            return steps;
        }
        deadline.read(
                CypherFiles.fill(STEPS, "__TYPES__", LinkType.pattern(types)),
                Map.of("pairs", List.copyOf(pairs), "proposals", proposals),
                r -> {
                    steps.computeIfAbsent(
                                    List.of(
                                            r.get("from").asString(),
                                            r.get("to").asString()),
                                    k -> new ArrayList<>())
                            .add(Crossing.from(r));
                    return null;
                });
        return steps;
    }

    /** The nodes behind element ids, as API values, by element id. */
    Map<String, Entity> nodes(Collection<String> ids, Deadline deadline) {
        Map<String, Entity> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        deadline.read(NODES, Map.of("ids", ids.stream().filter(deadline::sees).toList()), r -> {
            out.put(
                    r.get("id").asString(),
                    EntityType.ofLabel(r.get("label").asString()).map(r.get("n")));
            return null;
        });
        return out;
    }

    /** The element ids of the nodes behind global ids (those that exist), by global id: one statement. */
    Map<String, String> resolve(Collection<String> globalIds, Deadline deadline) {
        Map<String, List<String>> keys = new HashMap<>();
        for (EntityType type : EntityType.values()) {
            keys.put(type.name(), new ArrayList<>());
        }
        globalIds.forEach(id ->
                GlobalId.parse(id).ifPresent(g -> keys.get(g.type().name()).add(g.key())));
        Map<String, String> out = new HashMap<>();
        if (keys.values().stream().allMatch(List::isEmpty)) {
            return out;
        }
        deadline.read(
                RESOLVE_ALL,
                Map.of("keys", keys),
                r -> out.put(
                        GlobalId.of(
                                EntityType.valueOf(r.get("type").asString()),
                                r.get("key").asString()),
                        r.get("id").asString()));
        return out;
    }
}
