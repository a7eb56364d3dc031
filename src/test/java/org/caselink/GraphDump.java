package org.caselink;

import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.caselink.db.Graph;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * The whole graph as sorted lines, one per node and one per relationship, each with every
 * property: what "the same graph" means in the tests of determinism. Nodes are named by their
 * natural key, so two databases that hold the same data compare equal whatever their internal ids.
 * Left out: the audit trail, the migrations' own records and unfinished-import markers (they
 * record what happened, not what the data is), and the times things were written (createdAt,
 * ingestedAt and the like).
 */
public final class GraphDump {

    private static final String IGNORED =
            "['createdAt', 'ingestedAt', 'proposedAt', 'computedAt', 'appliedAt', 'lockedAt', 'startedAt', 'minhash']";
    private static final String KEY =
            "labels(x)[0] + ':' + coalesce(x.caseNumber, x.uid, x.e164, x.address, x.key, x.adId, x.hash, x.code, x.id,"
                    + " x.name, '?')";
    private static final String VALUE = "CASE WHEN valueType(x[k]) STARTS WITH 'LIST'"
            + " THEN '[' + reduce(s = '', v IN x[k] | s + toString(v) + ',') + ']' ELSE toString(x[k]) END";
    private static final String SKIPPED =
            "x:AuditEvent OR x:AuditHead OR x:__Migration OR x:__IdKey OR x:UnfinishedImport OR x:PendingRefresh";

    private GraphDump() {}

    private static String nodes() {
        return """
                MATCH (x) WHERE NOT (%s)
                WITH x, COLLECT { UNWIND keys(x) AS k WITH k WHERE NOT k IN %s RETURN k ORDER BY k } AS ks
                RETURN 'node ' + apoc_key + reduce(s = '', k IN ks | s + ' ' + k + '=' + apoc_value) AS line
                """.formatted(SKIPPED, IGNORED).replace("apoc_key", KEY).replace("apoc_value", VALUE);
    }

    private static String relationships() {
        String from = KEY.replace("x.", "a.").replace("(x)", "(a)");
        String to = KEY.replace("x.", "b.").replace("(x)", "(b)");
        return """
                MATCH (a)-[x]->(b) WHERE NOT (%s) AND NOT (%s)
                WITH a, x, b, COLLECT { UNWIND keys(x) AS k WITH k WHERE NOT k IN %s RETURN k ORDER BY k } AS ks
                RETURN 'rel ' + apoc_from + ' -[' + type(x) + reduce(s = '', k IN ks | s + ' ' + k + '=' + apoc_value)
                       + ']-> ' + apoc_to AS line
                """.formatted(SKIPPED.replace("x:", "a:"), SKIPPED.replace("x:", "b:"), IGNORED)
                .replace("apoc_from", from)
                .replace("apoc_to", to)
                .replace("apoc_value", VALUE);
    }

    /** The graph behind the service's own driver. */
    public static SortedSet<String> of(Graph graph) {
        SortedSet<String> out = new TreeSet<>();
        out.addAll(graph.read(nodes(), Map.of(), r -> r.get("line").asString()));
        out.addAll(graph.read(relationships(), Map.of(), r -> r.get("line").asString()));
        return out;
    }

    /** The graph in an embedded database folder no process holds. */
    public static SortedSet<String> of(Path dataDir) {
        var dbms = new DatabaseManagementServiceBuilder(dataDir).build();
        SortedSet<String> out = new TreeSet<>();
        try (var tx = dbms.database("neo4j").beginTx()) {
            tx.execute(nodes()).forEachRemaining(r -> out.add((String) r.get("line")));
            tx.execute(relationships()).forEachRemaining(r -> out.add((String) r.get("line")));
        } finally {
            dbms.shutdown();
        }
        return out;
    }

    /** What one dump has that the other lacks, both ways, at most a few lines each: for failure messages. */
    public static String difference(SortedSet<String> expected, SortedSet<String> actual) {
        var extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        var missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        StringBuilder b = new StringBuilder();
        b.append(missing.size()).append(" lines missing, ").append(extra.size()).append(" extra\n");
        missing.stream().limit(10).forEach(l -> b.append("- ").append(l).append('\n'));
        extra.stream().limit(10).forEach(l -> b.append("+ ").append(l).append('\n'));
        return b.toString();
    }
}
