package org.caselink.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.model.EntityType;

/**
 * Writes {@link AdLinker}'s near-duplicate links as a difference from what the graph holds: reads
 * the stored links of one kind, withdraws those the data no longer gives, creates the missing ones
 * and updates a changed value, so a pass that finds what the graph already holds writes nothing.
 * Apart from the linker, which computes the pairs in memory without a database.
 */
final class SimilarityLinks {

    private static final String STORED = CypherFiles.query("ingest/similar-links");
    private static final String WITHDRAW = CypherFiles.query("ingest/similar-links-withdraw");
    private static final String WRITE = CypherFiles.query("ingest/similar-links-write");

    /** One kind of near-duplicate link: between which nodes, its type, the property holding its value, its source. */
    record Kind(EntityType nodes, String type, String property, String source) {}

    static final Kind TEXT = new Kind(EntityType.AD, "SIMILAR_TEXT", "jaccard", "caselink:text-minhash");
    static final Kind IMAGE = new Kind(EntityType.IMAGE, "SIMILAR_IMAGE", "distance", "caselink:image-hash");

    private final Graph graph;

    SimilarityLinks(Graph graph) {
        this.graph = graph;
    }

    /**
     * Makes the graph's {@code kind} links exactly {@code pairs}: deletes the others, creates the
     * missing ones and updates a changed value; each chunk its own transaction. Returns created,
     * updated, deleted. Labels, keys and types come from the kinds above only.
     */
    int[] write(Kind kind, Map<List<String>, Double> pairs, String recordId) {
        String[] fills = {
            "__OWNER__", kind.nodes().label(), "__OWNER_KEY__", kind.nodes().keyProperty(), "__REL__", kind.type()
        };
        Map<List<String>, Double> stored = new TreeMap<>(AdLinker.PAIR_ORDER);
        graph.read(CypherFiles.fill(STORED, fills), Map.of("property", kind.property()), r -> {
            String a = r.get("a").asString();
            String b = r.get("b").asString();
            stored.put(
                    a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a),
                    r.get("v").isNull() ? Double.NaN : r.get("v").asDouble());
            return null;
        });
        List<Map<String, Object>> gone = new ArrayList<>();
        stored.forEach((pair, v) -> {
            if (!pairs.containsKey(pair)) {
                gone.add(Map.of("a", pair.get(0), "b", pair.get(1)));
            }
        });
        List<Map<String, Object>> upsert = new ArrayList<>();
        int[] counts = new int[3];
        pairs.forEach((pair, v) -> {
            Double old = stored.get(pair);
            if (old == null || old.doubleValue() != v) {
                upsert.add(Map.of("a", pair.get(0), "b", pair.get(1), "v", v));
                counts[old == null ? 0 : 1]++;
            }
        });
        counts[2] = gone.size();
        graph.writeInChunks(CypherFiles.fill(WITHDRAW, fills), gone, Map.of(), 10_000);
        // One link per pair, stored from the lower key; a value changed by new data is updated.
        graph.writeInChunks(
                CypherFiles.fill(WRITE, fills),
                upsert,
                Map.of("source", kind.source(), "recordId", recordId, "property", kind.property()),
                10_000);
        return counts;
    }
}
