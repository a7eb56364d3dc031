package org.caselink.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the candidate networks: groups of the evidence graph (hubs left out) that a chain of
 * specific evidence holds together. With Neo4j Graph Data Science (the embedded default) the
 * evidence graph is projected and split into connected components, and components too large to
 * read as one group are split again into Leiden communities; without it (a server without the
 * plugin) JGraphT does the same in this JVM, with label propagation for the split. Apart from
 * {@link NetworkDetection}, which decides which candidates are networks and writes them, because
 * finding the groups is graph algorithms over a projection with two engines to choose from.
 */
@Component
class CommunityDetection {

    private static final Logger log = LoggerFactory.getLogger(CommunityDetection.class);
    /** The relationships networks are made of (every __TYPES__ of network detection): the evidence link types. */
    static final String EVIDENCE_TYPES = LinkType.pattern(LinkType.EVIDENCE);

    private static final String EVIDENCE = CypherFiles.query("analysis/network-evidence");
    /** The two ends of network-evidence: a GDS projection, or the linked pairs for JGraphT. */
    // Generated from the __USE__ shape of network-evidence and network-component (GDS; NetworkTests): a fragment
    private static final String PROJECT = "WITH gds.graph.project($name, a, b, {},"
            + " {undirectedRelationshipTypes: ['*']}) AS g"
            + " RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships";

    /** The two ends of each pair, with their natural keys (the order label propagation sees them in). */
    // Generated from the __USE__ shape of network-evidence (JGraphT; NetworkTests): a fragment
    private static final String PAIRS = "RETURN elementId(a) AS a, elementId(b) AS b,"
            + " labels(a)[0] + ':' + coalesce(a.caseNumber, a.uid, a.e164, a.address, a.key, a.adId, a.hash) AS ka,"
            + " labels(b)[0] + ':' + coalesce(b.caseNumber, b.uid, b.e164, b.address, b.key, b.adId, b.hash) AS kb";

    private static final String COMPONENTS = CypherFiles.query("analysis/network-components");
    private static final String COMMUNITIES = CypherFiles.query("analysis/network-communities");
    private static final String COMPONENT = CypherFiles.query("analysis/network-component");
    private static final String GDS_VERSION = CypherFiles.query("analysis/gds-version");
    private static final String DROP = CypherFiles.query("analysis/gds-graph-drop");

    private final Graph graph;
    private final int hubDegree;
    private final Duration timeout;
    private volatile Boolean available;

    CommunityDetection(Graph graph, AnalysisProperties settings) {
        this.graph = graph;
        this.hubDegree = settings.hubDegree();
        this.timeout = settings.networks().timeout();
    }

    /**
     * Whether the database has Graph Data Science (the embedded one does; a server needs the
     * plugin). Without it, networks are found with JGraphT in this JVM.
     */
    boolean hasGds() {
        Boolean a = available;
        if (a == null) {
            try {
                graph.read(GDS_VERSION, Map.of(), r -> r.get("v").asString());
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
     * Candidate networks (element ids of their members, groups of at least three), before the rule
     * on cases and children: with Graph Data Science, or with JGraphT in this JVM.
     */
    List<List<String>> candidates(boolean withGds, int maxSize) {
        if (!withGds) {
            return groupsWithoutGds(CypherFiles.fill(EVIDENCE, "__TYPES__", EVIDENCE_TYPES, "__USE__", PAIRS), maxSize);
        }
        List<List<String>> groups = withProjection(
                CypherFiles.fill(EVIDENCE, "__TYPES__", EVIDENCE_TYPES, "__USE__", PROJECT),
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
        String component = CypherFiles.fill(COMPONENT, "__TYPES__", EVIDENCE_TYPES, "__USE__", PROJECT);
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
        rows.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]));
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
     * Projects a GDS graph under a fresh name, runs {@code work} on it, and always drops it; null
     * without running {@code work} when the projection is empty.
     */
    private <T> @Nullable T withProjection(String project, Map<String, Object> params, Function<String, T> work) {
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
            graph.read(DROP, Map.of("name", name), r -> r.get(0));
        }
    }
}
