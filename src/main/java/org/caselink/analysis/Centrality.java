package org.caselink.analysis;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Betweenness, PageRank and degree of every member of one network, within that network, with
 * JGraphT. The network is taken as an undirected simple graph (one edge per linked pair, whatever
 * the number of records behind it). Betweenness is Brandes' exact count of shortest paths between
 * other members through a member (each unordered pair once); PageRank uses the usual damping of
 * 0.85.
 */
final class Centrality {

    private static final double DAMPING = 0.85;
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-7;

    /** One member's standing in its network. */
    record Score(double betweenness, double pageRank, int degree) {}

    private Centrality() {}

    /**
     * Scores the network made of {@code members} and the {@code links} between them (pairs of
     * member ids; a link to a non-member, or of a member to itself, is ignored).
     */
    static Map<String, Score> of(Collection<String> members, Collection<Map.Entry<String, String>> links) {
        return of(members, links, Map.of());
    }

    /**
     * {@link #of(Collection, Collection)}, with the members and links taken in the order of
     * {@code keyOf} (a natural key per member id; ids without one come after, by id): floating-point
     * sums depend on the order of their terms, and the order must come from the data, not from where
     * the database happened to store the nodes.
     */
    static Map<String, Score> of(
            Collection<String> members, Collection<Map.Entry<String, String>> links, Map<String, String> keyOf) {
        Comparator<String> byKey = Comparator.comparing(
                        (String id) -> keyOf.get(id), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.naturalOrder());
        Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        members.stream().sorted(byKey).forEach(g::addVertex);
        List<Map.Entry<String, String>> ordered = links.stream()
                .map(l -> byKey.compare(l.getKey(), l.getValue()) <= 0 ? l : Map.entry(l.getValue(), l.getKey()))
                .sorted(Map.Entry.<String, String>comparingByKey(byKey)
                        .thenComparing(Map.Entry.comparingByValue(byKey)))
                .toList();
        for (var l : ordered) {
            if (g.containsVertex(l.getKey())
                    && g.containsVertex(l.getValue())
                    && !l.getKey().equals(l.getValue())) {
                g.addEdge(l.getKey(), l.getValue());
            }
        }
        Map<String, Double> betweenness = new BetweennessCentrality<>(g, false).getScores();
        Map<String, Double> pageRank =
                g.vertexSet().isEmpty() ? Map.of() : new PageRank<>(g, DAMPING, MAX_ITERATIONS, TOLERANCE).getScores();
        Map<String, Score> out = new HashMap<>();
        for (String v : g.vertexSet()) {
            out.put(v, new Score(betweenness.get(v), pageRank.get(v), g.degreeOf(v)));
        }
        return out;
    }
}
