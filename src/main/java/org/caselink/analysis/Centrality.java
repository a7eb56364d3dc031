package org.caselink.analysis;

import java.util.Collection;
import java.util.HashMap;
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
        Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        members.forEach(g::addVertex);
        for (var l : links) {
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
