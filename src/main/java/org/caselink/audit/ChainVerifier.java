package org.caselink.audit;

import java.util.List;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;

/**
 * Checks the audit chain as stored: every event's hash recomputed from its properties, every
 * prevHash against the event before, no seq missing, from the retention anchor to the head. Apart
 * from {@link AuditLog} because it only reads, page by page, and has its own rules for telling
 * where and how the chain is broken.
 */
final class ChainVerifier {

    private static final String CHAIN_PAGE = CypherFiles.query("audit/chain-page");
    private static final int PAGE = 5_000;

    private final Graph graph;

    ChainVerifier(Graph graph) {
        this.graph = graph;
    }

    /**
     * Walks the whole chain in seq order, a page at a time, from the oldest kept event (which must
     * chain to the retention anchor) to the head (whose seq and hash the newest event must have),
     * and reports the first place it is broken.
     */
    ChainReport verify() {
        Walk walk = walk();
        if (!walk.report().intact() && AuditHead.read(graph).anchorSeq() != walk.anchorSeq()) {
            // A retention purge ran meanwhile and removed events the walk was about to read.
            walk = walk();
        }
        return walk.report();
    }

    private record Walk(ChainReport report, long anchorSeq) {}

    private Walk walk() {
        AuditHead head = AuditHead.read(graph);
        long expected = head.anchorSeq() + 1;
        String prevHash = head.anchorHash();
        long checked = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Map<String, Object>> page = graph.read(
                    CHAIN_PAGE,
                    Map.of("after", after, "last", head.seq(), "limit", PAGE),
                    r -> r.get("e").asMap());
            for (Map<String, Object> e : page) {
                long seq = ((Number) e.get("seq")).longValue();
                if (seq < expected) {
                    return new Walk(
                            ChainReport.broken(
                                    checked,
                                    seq,
                                    "seq " + seq + " is older than the retention anchor " + (expected - 1)),
                            head.anchorSeq());
                }
                if (seq > expected) {
                    return new Walk(
                            ChainReport.broken(checked, expected, "seq " + expected + " missing"), head.anchorSeq());
                }
                String stored = e.get("hash") instanceof String s ? s : "";
                String computed;
                try {
                    computed = AuditLog.hashOf(e);
                } catch (RuntimeException ex) {
                    return new Walk(
                            ChainReport.broken(checked, seq, "seq " + seq + " unreadable: event altered"),
                            head.anchorSeq());
                }
                if (!computed.equals(stored)) {
                    return new Walk(
                            ChainReport.broken(checked, seq, "hash mismatch at seq " + seq + ": event altered"),
                            head.anchorSeq());
                }
                if (!prevHash.equals(e.get("prevHash"))) {
                    String previous = seq != head.anchorSeq() + 1
                            ? String.valueOf(seq - 1)
                            : head.anchorSeq() == 0 ? "the genesis hash" : "the retention anchor " + head.anchorSeq();
                    return new Walk(
                            ChainReport.broken(checked, seq, "prevHash of " + seq + " does not match " + previous),
                            head.anchorSeq());
                }
                checked++;
                prevHash = stored;
                expected = seq + 1;
                after = seq;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (expected <= head.seq()) {
            return new Walk(ChainReport.broken(checked, expected, "seq " + expected + " missing"), head.anchorSeq());
        }
        if (!prevHash.equals(head.hash())) {
            return new Walk(
                    ChainReport.broken(
                            checked, head.seq(), "hash of seq " + head.seq() + " does not match the audit head"),
                    head.anchorSeq());
        }
        return new Walk(ChainReport.intact(checked), head.anchorSeq());
    }
}
