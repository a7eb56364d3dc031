package org.caselink.audit;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;

/**
 * Removes the audit events older than the retention period, the only deletion the tamper guard
 * lets through (its transactions carry {@value AuditLog#RETENTION_KEY}). Apart from
 * {@link AuditLog} because it is the one place that deletes from the trail, with its own rules for
 * what may go: only a prefix of the chain, and the anchor moved with it.
 */
final class RetentionPurge {

    /** Lets the embedded tamper guard pass the purge; the audit trail's transactions say so too. */
    private static final Map<String, Object> RETENTION_METADATA =
            Map.of(AuditLog.RETENTION_KEY, true, Graph.PURPOSE, "audit");

    private static final int PURGE_BATCH = 5_000;
    private static final String OLDEST = CypherFiles.query("audit/purge-oldest");
    private static final String DELETE = CypherFiles.query("audit/purge-delete");
    private static final String MOVE_ANCHOR = CypherFiles.query("audit/purge-anchor");

    private final Graph graph;

    RetentionPurge(Graph graph) {
        this.graph = graph;
    }

    /** What a purge removed, and the head as it left it (its anchor the last event removed). */
    record Purged(long removed, AuditHead head) {}

    /**
     * Deletes the events from before {@code cutoff}, oldest first. Only a prefix of the chain goes:
     * the purge stops at the first event that is young enough (clocks of replicas may differ a
     * little) and at a gap (it does not erase the evidence of tampering). Each batch of deletions
     * moves the head's anchor in its own transaction, so the chain verifies after every commit.
     */
    Purged purge(Instant cutoff) {
        long removed = 0;
        AuditHead anchor = AuditHead.read(graph);
        while (true) {
            Purged batch = graph.inWriteTransaction(RETENTION_METADATA, tx -> purgeBatch(tx, cutoff));
            if (batch.removed() == 0) {
                break;
            }
            removed += batch.removed();
            anchor = batch.head();
        }
        return new Purged(removed, anchor);
    }

    private Purged purgeBatch(Graph.Tx tx, Instant cutoff) {
        AuditHead head = AuditHead.lock(tx);
        List<Map<String, Object>> oldest =
                tx.run(OLDEST, Map.of("anchor", head.anchorSeq(), "limit", PURGE_BATCH), r -> r.asMap());
        long expected = head.anchorSeq() + 1;
        long last = head.anchorSeq();
        String lastHash = head.anchorHash();
        for (Map<String, Object> e : oldest) {
            long seq = ((Number) e.get("seq")).longValue();
            if (seq != expected
                    || !(e.get("at") instanceof ZonedDateTime at)
                    || !at.toInstant().isBefore(cutoff)) {
                break;
            }
            last = seq;
            lastHash = String.valueOf(e.get("hash"));
            expected++;
        }
        long removed = last - head.anchorSeq();
        if (removed == 0) {
            return new Purged(0, head);
        }
        tx.run(DELETE, Map.of("from", head.anchorSeq(), "to", last));
        tx.run(MOVE_ANCHOR, Map.of("seq", last, "hash", lastHash));
        return new Purged(removed, new AuditHead(head.seq(), head.hash(), last, lastHash));
    }
}
