package org.caselink.audit;

import java.util.List;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;

/**
 * The audit trail's singleton {@code (:AuditHead)}: the last seq and hash, and the anchor (seq and
 * hash of the last event a retention purge removed) the oldest kept event chains to. Apart from
 * {@link AuditLog} because appending, verifying and purging all start from it, and the two that
 * write take its lock.
 */
record AuditHead(long seq, String hash, long anchorSeq, String anchorHash) {

    private static final String LOCK = CypherFiles.query("audit/head-lock");
    private static final String READ = CypherFiles.query("audit/head");

    /**
     * Takes the head's write lock (writing a property takes Neo4j's exclusive lock on the node,
     * held to the end of the transaction), then reads it: another appender waits at the first
     * statement until this transaction ends, and then reads what it wrote.
     */
    static AuditHead lock(Graph.Tx tx) {
        if (tx.run(LOCK, Map.of(), r -> r).isEmpty()) {
            throw new IllegalStateException("The audit head is missing: migration V0007__audit has not run"
                    + " or the node was removed; refusing to write audit events without it");
        }
        return tx.run(READ, Map.of(), AuditHead::of).getFirst();
    }

    /** The head as last committed, without its lock. */
    static AuditHead read(Graph graph) {
        List<AuditHead> heads = graph.read(READ, Map.of(), AuditHead::of);
        if (heads.isEmpty()) {
            throw new IllegalStateException("The audit head is missing");
        }
        return heads.getFirst();
    }

    private static AuditHead of(org.neo4j.driver.Record r) {
        return new AuditHead(
                r.get("seq").asLong(),
                r.get("hash").asString(),
                r.get("anchorSeq").asLong(),
                r.get("anchorHash").asString());
    }
}
