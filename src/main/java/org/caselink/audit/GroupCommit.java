package org.caselink.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.jspecify.annotations.Nullable;

/**
 * How {@link AuditLog#append} stores events: events from concurrent callers are stored together,
 * in one transaction under the head's lock, numbered and hash-chained in the order they are taken
 * (one commit for many requests instead of one each). Apart from the log because the queue, the
 * one-writer-at-a-time hand-over and the waiting are a concurrency mechanism of their own.
 */
final class GroupCommit {

    /** The audit trail's own transactions say so (in Neo4j's query log, and to statement counters). */
    private static final Map<String, Object> AUDIT_METADATA = Map.of(Graph.PURPOSE, "audit");

    private static final String APPEND = CypherFiles.query("audit/append");

    /** Events stored in one transaction at most. */
    static final int GROUP = 500;

    private final Graph graph;
    private final Clock clock;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    GroupCommit(Graph graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    /** An event waiting to be stored, and its caller's wait. */
    private record Pending(
            String component,
            String type,
            String user,
            @Nullable String agency,
            String outcome,
            String details,
            CompletableFuture<AuditEvent> stored) {}

    /**
     * Stores one event (its fields already checked, its details canonical JSON) and returns it with
     * its seq and hashes, once it is committed. Throws when it could not be stored.
     */
    AuditEvent store(
            String component, String type, String user, @Nullable String agency, String outcome, String details) {
        Pending mine = new Pending(component, type, user, agency, outcome, details, new CompletableFuture<>());
        synchronized (queue) {
            queue.add(mine);
        }
        // Group commit: one caller at a time writes every event waiting, in one transaction, while
        // the others wait for theirs. Each caller still returns only once its own event is stored.
        while (!mine.stored().isDone()) {
            if (writing.compareAndSet(false, true)) {
                try {
                    writeWaiting();
                } finally {
                    writing.set(false);
                }
            } else {
                try {
                    mine.stored().get(1, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // not stored yet (another writer's batch), or failed: the loop or join below tells
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the audit event was being stored", e);
                }
            }
        }
        try {
            return mine.stored().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Stores the events waiting (up to {@link #GROUP}) in one transaction under the head's lock:
     * one commit for many requests instead of one each. Every event of a failed transaction fails.
     */
    private void writeWaiting() {
        List<Pending> batch = new ArrayList<>();
        synchronized (queue) {
            while (!queue.isEmpty() && batch.size() < GROUP) {
                batch.add(queue.poll());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<AuditEvent> stored = graph.inWriteTransaction(AUDIT_METADATA, tx -> {
                AuditHead head = AuditHead.lock(tx);
                long seq = head.seq();
                String prev = head.hash();
                List<Map<String, Object>> rows = new ArrayList<>();
                List<AuditEvent> out = new ArrayList<>();
                for (Pending e : batch) {
                    seq++;
                    Instant at = clock.instant();
                    String hash = AuditLog.hash(
                            seq, at, e.component(), e.type(), e.user(), e.agency(), e.outcome(), e.details(), prev);
                    Map<String, Object> p = new HashMap<>();
                    p.put("seq", seq);
                    p.put("at", at.atOffset(ZoneOffset.UTC));
                    p.put("component", e.component());
                    p.put("type", e.type());
                    p.put("user", e.user());
                    p.put("agency", e.agency());
                    p.put("outcome", e.outcome());
                    p.put("details", e.details());
                    p.put("prevHash", prev);
                    p.put("hash", hash);
                    rows.add(p);
                    out.add(new AuditEvent(
                            seq,
                            at,
                            e.component(),
                            e.type(),
                            e.user(),
                            e.agency(),
                            e.outcome(),
                            CanonicalJson.readObject(e.details()),
                            prev,
                            hash));
                    prev = hash;
                }
                tx.run(APPEND, Map.of("events", rows, "seq", seq, "hash", prev));
                return out;
            });
            for (int k = 0; k < batch.size(); k++) {
                batch.get(k).stored().complete(stored.get(k));
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.stored().completeExceptionally(e));
        }
    }
}
