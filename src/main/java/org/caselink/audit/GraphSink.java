package org.caselink.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;

/**
 * Stores a group of events straight into the graph, in one transaction under the head's lock:
 * the write path when caselink shares its database with other replicas (external mode), where
 * only the lock on the head in the database can put every replica's events in one line.
 */
final class GraphSink implements AuditWriter.Sink {

    /** The audit trail's own transactions say so (in Neo4j's query log, and to statement counters). */
    static final Map<String, Object> AUDIT_METADATA = Map.of(Graph.PURPOSE, "audit");

    private static final String APPEND = CypherFiles.query("audit/append");

    private final Graph graph;
    private final Clock clock;

    GraphSink(Graph graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    @Override
    public List<AuditEvent> store(List<AuditWriter.Pending> group) {
        return graph.inWriteTransaction(AUDIT_METADATA, tx -> {
            AuditHead head = AuditHead.lock(tx);
            long seq = head.seq();
            String prev = head.hash();
            List<EventText.Fields> fields = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            for (AuditWriter.Pending e : group) {
                EventText.Fields f = new EventText.Fields(
                        ++seq,
                        clock.instant(),
                        e.component(),
                        e.type(),
                        e.user(),
                        e.agency(),
                        e.outcome(),
                        e.details(),
                        prev);
                prev = f.hash();
                fields.add(f);
                hashes.add(prev);
            }
            append(tx, fields, hashes);
            List<AuditEvent> out = new ArrayList<>();
            for (int k = 0; k < fields.size(); k++) {
                out.add(fields.get(k).event(hashes.get(k)));
            }
            return out;
        });
    }

    /** Writes events (in seq order, chained) and moves the head to the last; the caller holds the head's lock. */
    static void append(Graph.Tx tx, List<EventText.Fields> events, List<String> hashes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int k = 0; k < events.size(); k++) {
            EventText.Fields e = events.get(k);
            Map<String, Object> p = new HashMap<>();
            p.put("seq", e.seq());
            p.put("at", e.at().atOffset(ZoneOffset.UTC));
            p.put("component", e.component());
            p.put("type", e.type());
            p.put("user", e.user());
            p.put("agency", e.agency());
            p.put("outcome", e.outcome());
            p.put("details", e.details());
            p.put("prevHash", e.prevHash());
            p.put("hash", hashes.get(k));
            p.put("format", EventText.FORMAT);
            rows.add(p);
        }
        tx.run(APPEND, Map.of("events", rows, "seq", events.getLast().seq(), "hash", hashes.getLast()));
    }
}
