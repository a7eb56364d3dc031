package org.caselink.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.ingest.AdLinker;
import org.caselink.ingest.IdentityProposer;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the networks in the graph and ranks their members. With Neo4j Graph Data Science (the
 * embedded default) the evidence graph (hubs left out) is projected and split into connected
 * components, and components too large to read as one group are split again into Leiden
 * communities; without it (a server without the plugin) JGraphT does the same in this JVM, with
 * label propagation for the split. Every group holding
 * cases of at least two children becomes a {@code Network} node its members point to
 * ({@code MEMBER_OF}). Betweenness, PageRank and degree are then computed inside each network
 * ({@link Centrality}, one network at a time) and kept on the membership, so reading a network
 * and its key players is a plain query. The same
 * run refreshes the strongest case-to-case links ({@link CaseLinks}) for every case that shares a
 * component with another.
 *
 * <p>A network's id is derived from its case numbers: the same graph gives the same networks and
 * ids. A run replaces the networks and their memberships in one transaction (readers see the old
 * or the new networks, never a mix); the centrality scores and the case links are written after
 * it, in their own transactions, so for a moment the new networks' key players are unranked.
 */
@Component
class NetworkDetection {

    private static final Logger log = LoggerFactory.getLogger(NetworkDetection.class);
    /** The relationships networks are made of (every __TYPES__ below): the evidence link types. */
    private static final String TYPES = LinkType.pattern(LinkType.EVIDENCE);

    private static final String EVIDENCE = CypherFiles.query("analysis/network-evidence");
    /** The two ends of network-evidence: a GDS projection, or the linked pairs for JGraphT. */
    private static final String PROJECT =
            "WITH gds.graph.project($name, a, b, {}, {undirectedRelationshipTypes: ['*']}) AS g"
                    + " RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships";

    /** The two ends of each pair, with their natural keys (the order label propagation sees them in). */
    private static final String PAIRS = "RETURN elementId(a) AS a, elementId(b) AS b,"
            + " labels(a)[0] + ':' + coalesce(a.caseNumber, a.uid, a.e164, a.address, a.key, a.adId, a.hash) AS ka,"
            + " labels(b)[0] + ':' + coalesce(b.caseNumber, b.uid, b.e164, b.address, b.key, b.adId, b.hash) AS kb";

    private static final String COMPONENTS = CypherFiles.query("analysis/network-components");
    private static final String COMMUNITIES = CypherFiles.query("analysis/network-communities");
    private static final String COMPONENT = CypherFiles.query("analysis/network-component");
    private static final String GROUPS = CypherFiles.query("analysis/network-groups");
    private static final String WRITE = CypherFiles.query("analysis/network-write");
    private static final String LINKS = CypherFiles.query("analysis/network-links");
    private static final String SCORES = CypherFiles.query("analysis/network-scores");
    /** Networks whose links are read together for scoring: about this many members per statement. */
    private static final int SCORING_BATCH = 20_000;

    private final Graph graph;
    private final CaseLinks caseLinks;
    private final AdLinker adLinker;
    private final IdentityProposer proposer;
    private final int hubDegree;
    private final int minCases;
    private final int minChildren;
    private final int maxSize;
    private final Duration timeout;
    private final ReentrantLock running = new ReentrantLock();
    private volatile Boolean available;

    NetworkDetection(
            Graph graph,
            CaseLinks caseLinks,
            AdLinker adLinker,
            IdentityProposer proposer,
            AnalysisProperties settings) {
        this.graph = graph;
        this.caseLinks = caseLinks;
        this.adLinker = adLinker;
        this.proposer = proposer;
        this.hubDegree = settings.hubDegree();
        this.minCases = settings.networks().minCases();
        this.minChildren = settings.networks().minChildren();
        this.maxSize = settings.networks().maxSize();
        this.timeout = settings.networks().timeout();
    }

    /** What one run found. */
    record Run(int networks, int members, int caseLinks, OffsetDateTime computedAt, Duration took, Timings timings) {}

    /** Where a run's time went, in milliseconds. */
    record Timings(
            long similarityMs,
            long proposalsMs,
            long detectionMs,
            long writingMs,
            long centralityMs,
            long caseLinksMs) {}

    /**
     * Whether the database has Graph Data Science (the embedded one does; a server needs the
     * plugin). Without it, networks are found with JGraphT in this JVM.
     */
    boolean hasGds() {
        Boolean a = available;
        if (a == null) {
            try {
                graph.read(
                        "RETURN gds.version() AS v", Map.of(), r -> r.get("v").asString());
                a = true;
            } catch (RuntimeException e) {
                if (!Graph.isUnknownFunction(e)) {
                    throw e; // the database is unwell, not without GDS: ask again next time
                }
                log.warn(
                        "Graph Data Science is not installed in this Neo4j: networks are found with JGraphT in"
                                + " the service instead ({})",
                        e.getMessage());
                a = false;
            }
            available = a;
        }
        return a;
    }

    /**
     * Detects the networks again, replacing the previous ones, with Graph Data Science when the
     * database has it and JGraphT otherwise. One run at a time.
     */
    Run refresh() {
        return refresh(hasGds(), maxSize);
    }

    /** {@link #refresh()} with the engine and the largest group chosen by the caller (tests compare them). */
    Run refresh(boolean withGds, int maxSize) {
        running.lock();
        try {
            long start = System.nanoTime();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            // Near-duplicates first: they are evidence the networks and case links are made of.
            var similar = adLinker.relink();
            log.info("Near-duplicates: {}", similar);
            long relinked = System.nanoTime();
            var proposals = proposer.proposeAll();
            log.info("Identity proposals: {}", proposals);
            long proposed = System.nanoTime();
            List<Map<String, Object>> networks = new ArrayList<>();
            List<String> linkable = new ArrayList<>();
            List<List<String>> groups = candidates(withGds, maxSize);
            for (int i = 0; i < groups.size(); i += 500) {
                graph.read(
                        GROUPS,
                        Map.of("groups", groups.subList(i, Math.min(groups.size(), i + 500))),
                        r -> {
                            List<String> cases = r.get("cases").asList(v -> v.asString());
                            linkable.addAll(cases);
                            if (cases.size() < minCases || r.get("children").asInt() < minChildren) {
                                return null;
                            }
                            networks.add(Map.of(
                                    "id", networkId(cases),
                                    "cases", cases,
                                    "members", r.get("members").asList(v -> v.asString())));
                            return null;
                        },
                        timeout);
            }
            long detected = System.nanoTime();
            graph.inWriteTransaction(tx -> {
                tx.run("MATCH (n:Network) DETACH DELETE n", Map.of());
                for (int i = 0; i < networks.size(); i += 200) {
                    tx.run(
                            WRITE,
                            Map.of(
                                    "networks",
                                    networks.subList(i, Math.min(networks.size(), i + 200)),
                                    "computedAt",
                                    now));
                }
                return null;
            });
            long written = System.nanoTime();
            scoreMembers(networks);
            long scored = System.nanoTime();
            int links = caseLinks.refresh(linkable, now, timeout);
            long end = System.nanoTime();
            int members = networks.stream()
                    .mapToInt(n -> ((List<?>) n.get("members")).size())
                    .sum();
            var run = new Run(
                    networks.size(),
                    members,
                    links,
                    now,
                    Duration.ofNanos(end - start),
                    new Timings(
                            (relinked - start) / 1_000_000,
                            (proposed - relinked) / 1_000_000,
                            (detected - proposed) / 1_000_000,
                            (written - detected) / 1_000_000,
                            (scored - written) / 1_000_000,
                            (end - scored) / 1_000_000));
            log.info(
                    "Detected {} networks with {} members and {} case links in {} ms ({})",
                    run.networks(),
                    members,
                    links,
                    run.took().toMillis(),
                    run.timings());
            return run;
        } finally {
            running.unlock();
        }
    }

    /**
     * Candidate networks (element ids of their members, groups of at least three), before the rule
     * on cases and children: with Graph Data Science, or with JGraphT in this JVM.
     */
    List<List<String>> candidates(boolean withGds, int maxSize) {
        if (!withGds) {
            return groupsWithoutGds(CypherFiles.fill(EVIDENCE, "__TYPES__", TYPES, "__USE__", PAIRS), maxSize);
        }
        List<List<String>> groups = withProjection(
                CypherFiles.fill(EVIDENCE, "__TYPES__", TYPES, "__USE__", PROJECT),
                Map.of("hub", hubDegree),
                name -> groups(name, maxSize));
        return groups == null ? List.of() : groups;
    }

    /**
     * Candidate networks with Graph Data Science: the connected components, where a component larger
     * than caselink.analysis.networks.max-size is split into Leiden communities (a chain of
     * evidence that long is no longer one group an analyst can read), each such component
     * projected and split on its own.
     */
    private List<List<String>> groups(String projection, int maxSize) {
        List<List<String>> out = new ArrayList<>();
        List<List<String>> large = new ArrayList<>();
        graph.read(
                COMPONENTS,
                Map.of("name", projection),
                r -> {
                    List<String> ids = r.get("ids").asList(v -> v.asString());
                    if (ids.size() > maxSize) {
                        large.add(ids);
                    } else {
                        out.add(ids);
                    }
                    return null;
                },
                timeout);
        // Leiden on each large component alone: modularity depends on the size of the graph it runs
        // on, and neither the rest of the graph nor its growth may change how a component splits.
        String component = CypherFiles.fill(COMPONENT, "__TYPES__", TYPES, "__USE__", PROJECT);
        for (List<String> ids : large) {
            withProjection(
                    component,
                    Map.of("members", ids),
                    name -> graph.read(
                            COMMUNITIES,
                            Map.of("name", name),
                            r -> out.add(r.get("ids").asList(v -> v.asString())),
                            timeout));
        }
        return out;
    }

    /**
     * The same candidate networks on a database without Graph Data Science (an external server
     * without the plugin), with JGraphT in this JVM: the evidence pairs are read into memory, their
     * connected components are the candidates, and a component larger than max-size is split into
     * label-propagation communities (seeded; Leiden is not in JGraphT, so such a split may differ
     * from the one GDS makes). Memory grows with the evidence graph: about 1 GB of heap per
     * million linked pairs.
     */
    private List<List<String>> groupsWithoutGds(String pairs, int maxSize) {
        org.jgrapht.Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        // In the order of the natural keys: label propagation's result depends on the order it
        // visits the nodes in, and that order must come from the data.
        List<String[]> rows = new ArrayList<>(graph.read(
                pairs,
                Map.of("hub", hubDegree),
                r -> {
                    String a = r.get("a").asString();
                    String b = r.get("b").asString();
                    String ka = r.get("ka").asString();
                    String kb = r.get("kb").asString();
                    return ka.compareTo(kb) <= 0 ? new String[] {ka, kb, a, b} : new String[] {kb, ka, b, a};
                },
                timeout));
        rows.sort(java.util.Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]));
        for (String[] r : rows) {
            g.addVertex(r[2]);
            g.addVertex(r[3]);
            g.addEdge(r[2], r[3]);
        }
        List<List<String>> out = new ArrayList<>();
        for (Set<String> component : new ConnectivityInspector<>(g).connectedSets()) {
            if (component.size() > maxSize) {
                new LabelPropagationClustering<>(new AsSubgraph<>(g, component), new Random(19))
                        .getClustering()
                        .forEach(c -> out.add(List.copyOf(c)));
            } else {
                out.add(List.copyOf(component));
            }
        }
        out.removeIf(group -> group.size() < 3);
        return out;
    }

    /**
     * Betweenness, PageRank and degree of every member within its network ({@link Centrality}),
     * onto MEMBER_OF; the links of a batch of networks are read in one statement.
     */
    private void scoreMembers(List<Map<String, Object>> networks) {
        String links = CypherFiles.fill(LINKS, "__TYPES__", TYPES);
        int from = 0;
        while (from < networks.size()) {
            int to = from;
            int members = 0;
            while (to < networks.size() && (to == from || members < SCORING_BATCH)) {
                members += ((List<?>) networks.get(to).get("members")).size();
                to++;
            }
            List<Map<String, Object>> batch = networks.subList(from, to);
            Map<String, List<Map.Entry<String, String>>> byNetwork = new HashMap<>();
            Map<String, String> keyOf = new HashMap<>();
            graph.read(
                    links,
                    Map.of("ids", batch.stream().map(n -> n.get("id")).toList()),
                    r -> {
                        keyOf.put(r.get("a").asString(), r.get("ka").asString());
                        keyOf.put(r.get("b").asString(), r.get("kb").asString());
                        return byNetwork
                                .computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>())
                                .add(Map.entry(r.get("a").asString(), r.get("b").asString()));
                    },
                    timeout);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (var n : batch) {
                @SuppressWarnings("unchecked")
                var ids = (List<String>) n.get("members");
                Centrality.of(ids, byNetwork.getOrDefault((String) n.get("id"), List.of()), keyOf)
                        .forEach((id, score) -> rows.add(Map.of(
                                "id", id,
                                "betweenness", score.betweenness(),
                                "pageRank", score.pageRank(),
                                "degree", score.degree())));
            }
            graph.write(SCORES, Map.of("scores", rows), r -> r);
            from = to;
        }
    }

    /**
     * Projects a GDS graph under a fresh name, runs {@code work} on it, and always drops it; null
     * without running {@code work} when the projection is empty.
     */
    private <T> @org.jspecify.annotations.Nullable T withProjection(
            String project, Map<String, Object> params, java.util.function.Function<String, T> work) {
        String name = "caselink-" + UUID.randomUUID();
        var p = new HashMap<>(params);
        p.put("name", name);
        try {
            long nodes = graph.read(
                            project,
                            p,
                            r -> r.get("nodes").isNull() ? 0L : r.get("nodes").asLong(),
                            timeout)
                    .getFirst();
            // Nothing to project (an empty graph): GDS made no graph, and there is nothing to find.
            return nodes == 0 ? null : work.apply(name);
        } finally {
            graph.read(
                    "CALL gds.graph.drop($name, false) YIELD graphName RETURN graphName",
                    Map.of("name", name),
                    r -> r.get(0));
        }
    }

    /** A stable id: the same cases make the same network id, whatever the run. */
    static String networkId(List<String> caseNumbers) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            caseNumbers.stream().sorted().forEach(c -> digest.update((c + "\n").getBytes(StandardCharsets.UTF_8)));
            return "NW-" + HexFormat.of().formatHex(digest.digest(), 0, 6).toUpperCase(java.util.Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
