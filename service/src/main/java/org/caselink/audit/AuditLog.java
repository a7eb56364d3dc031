package org.caselink.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The audit trail: append-only, numbered and hash-chained (in the manner the FBI CJIS Security
 * Policy asks of audit records). Every event is one {@code (:AuditEvent)} node; the singleton
 * {@code (:AuditHead)} holds the last seq and hash and the retention anchor. Public because every
 * feature that reads or writes case data records what it did here.
 */
@Component
public class AuditLog {

    /** The prevHash of the very first event. */
    public static final String GENESIS = "0".repeat(64);

    public static final String ANONYMOUS = "anonymous";

    /** Transaction metadata that lets the embedded tamper guard pass a retention purge. */
    static final String RETENTION_KEY = "caselinkAuditRetention";

    private static final Map<String, Object> RETENTION_METADATA = Map.of(RETENTION_KEY, true, Graph.PURPOSE, "audit");

    /** The audit trail's own transactions say so (in Neo4j's query log, and to statement counters). */
    private static final Map<String, Object> AUDIT_METADATA = Map.of(Graph.PURPOSE, "audit");

    private static final int PAGE = 5_000;
    private static final int PURGE_BATCH = 5_000;
    private static final String EVENTS = CypherFiles.query("audit/events");
    private static final String CHAIN_PAGE = CypherFiles.query("audit/chain-page");
    private static final String APPEND = CypherFiles.query("audit/append");
    private static final String LOCK_HEAD = "MATCH (h:AuditHead {id: 'audit'}) SET h.lockedAt = datetime() RETURN h.id";
    private static final String READ_HEAD =
            "MATCH (h:AuditHead {id: 'audit'}) RETURN h.seq AS seq, h.hash AS hash, h.anchorSeq AS anchorSeq, h.anchorHash AS anchorHash";

    private final Graph graph;
    private final Duration retention;
    private final Clock clock;

    @Autowired
    AuditLog(Graph graph, AuditProperties settings, ObjectProvider<Clock> clock) {
        this(graph, settings.retention(), clock.getIfAvailable(Clock::systemUTC));
    }

    /** With a clock of the caller's choosing: tests move time forward to see retention work. */
    AuditLog(Graph graph, Duration retention, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("caselink.audit.retention must be positive, not " + retention);
        }
        this.graph = graph;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Records one event and returns it, stored, with its seq and hashes. Events from concurrent
     * callers are stored together (group commit, see {@link #writeWaiting}); appends from all
     * threads and all replicas are put in one line by the lock on the audit head.
     * Throws when the event could not be stored: callers must not go on as if it had been.
     *
     * @param user who acted; {@code null} or blank is recorded as {@value #ANONYMOUS}
     * @param details strings, numbers, booleans, lists and maps of them; anything else is refused
     */
    public AuditEvent append(
            String component,
            String type,
            @Nullable String user,
            @Nullable String agency,
            String outcome,
            @Nullable Map<String, Object> details) {
        String c = required("component", component);
        String t = required("type", type);
        String o = required("outcome", outcome);
        String u = user == null || user.isBlank() ? ANONYMOUS : user;
        String json = CanonicalJson.write(details == null ? Map.of() : details);
        Pending mine = new Pending(c, t, u, agency, o, json, new CompletableFuture<>());
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
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
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

    private final java.util.ArrayDeque<Pending> queue = new java.util.ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean();

    /** Events stored in one transaction at most. */
    static final int GROUP = 500;

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
                Head head = lockHead(tx);
                long seq = head.seq();
                String prev = head.hash();
                List<Map<String, Object>> rows = new ArrayList<>();
                List<AuditEvent> out = new ArrayList<>();
                for (Pending e : batch) {
                    seq++;
                    Instant at = clock.instant();
                    String hash = hash(
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

    /**
     * Records that someone tried to change or remove audit events, or other protected data, and
     * was refused (type TAMPER_ATTEMPT, outcome DENIED). Callers that catch a refusal of the
     * tamper guard ({@link #isTamperRefusal}) use it.
     */
    public AuditEvent recordTamperAttempt(
            String component,
            @Nullable String user,
            @Nullable String agency,
            String reason,
            @Nullable Map<String, Object> details) {
        Map<String, Object> d = new LinkedHashMap<>(details == null ? Map.of() : details);
        d.put("reason", reason);
        return append(component, "TAMPER_ATTEMPT", user, agency, "DENIED", d);
    }

    /** Whether {@code e} is the embedded database refusing a change to the audit trail. */
    public static boolean isTamperRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(AuditTamperGuard.REFUSAL)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Walks the whole chain in seq order, a page at a time, from the oldest kept event (which must
     * chain to the retention anchor) to the head (whose seq and hash the newest event must have),
     * and reports the first place it is broken.
     */
    public ChainReport verify() {
        Walk walk = walk();
        if (!walk.report().intact() && readHead().anchorSeq() != walk.anchorSeq()) {
            // A retention purge ran meanwhile and removed events the walk was about to read.
            walk = walk();
        }
        return walk.report();
    }

    private record Walk(ChainReport report, long anchorSeq) {}

    private Walk walk() {
        Head head = readHead();
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
                    computed = hashOf(e);
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

    /** The events {@code q} asks for, newest first. */
    public List<AuditEvent> query(AuditQuery q) {
        return read(q, q.first());
    }

    /** A page of events and whether more match: what the GraphQL listing shows. */
    record Page(List<AuditEvent> events, boolean truncated) {}

    Page page(AuditQuery q) {
        List<AuditEvent> events = read(q, q.first() + 1);
        boolean truncated = events.size() > q.first();
        return new Page(truncated ? events.subList(0, q.first()) : events, truncated);
    }

    private List<AuditEvent> read(AuditQuery q, int limit) {
        Map<String, Object> p = new HashMap<>();
        p.put("before", q.afterSeq() == null ? Long.MAX_VALUE : q.afterSeq());
        p.put("user", q.user());
        p.put("type", q.type());
        p.put("outcome", q.outcome());
        p.put("from", q.from() == null ? null : q.from().atOffset(ZoneOffset.UTC));
        p.put("to", q.to() == null ? null : q.to().atOffset(ZoneOffset.UTC));
        p.put("limit", limit);
        return graph.read(EVENTS, p, r -> event(r.get("e").asMap()));
    }

    /** How long events are kept ({@code caselink.audit.retention}). */
    public Duration retention() {
        return retention;
    }

    /**
     * Deletes the events older than the retention period, oldest first, and then records a
     * RETENTION_PURGE event with how many went and the anchor (seq and hash of the last one
     * removed), which the oldest kept event chains to. Only a prefix of the chain goes: the purge
     * stops at the first event that is young enough (clocks of replicas may differ a little) and
     * at a gap (it does not erase the evidence of tampering). Each batch of deletions moves the
     * head's anchor in its own transaction, so the chain verifies after every commit.
     */
    public AuditEvent purgeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        long removed = 0;
        Head anchor = readHead();
        while (true) {
            Purged batch = graph.inWriteTransaction(RETENTION_METADATA, tx -> purgeBatch(tx, cutoff));
            if (batch.removed() == 0) {
                break;
            }
            removed += batch.removed();
            anchor = batch.head();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("removed", removed);
        details.put("before", cutoff.toString());
        details.put("retention", retention.toString());
        details.put("anchorSeq", anchor.anchorSeq());
        details.put("anchorHash", anchor.anchorHash());
        return append("admin", "RETENTION_PURGE", "system", null, "SUCCESS", details);
    }

    private record Purged(long removed, Head head) {}

    private Purged purgeBatch(Graph.Tx tx, Instant cutoff) {
        Head head = lockHead(tx);
        List<Map<String, Object>> oldest = tx.run(
                "MATCH (e:AuditEvent) WHERE e.seq > $anchor WITH e ORDER BY e.seq LIMIT $limit"
                        + " RETURN e.seq AS seq, e.at AS at, e.hash AS hash",
                Map.of("anchor", head.anchorSeq(), "limit", PURGE_BATCH),
                r -> r.asMap());
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
        tx.run(
                "MATCH (e:AuditEvent) WHERE e.seq > $from AND e.seq <= $to DELETE e",
                Map.of("from", head.anchorSeq(), "to", last));
        tx.run(
                "MATCH (h:AuditHead {id: 'audit'}) SET h.anchorSeq = $seq, h.anchorHash = $hash",
                Map.of("seq", last, "hash", lastHash));
        return new Purged(removed, new Head(head.seq(), head.hash(), last, lastHash));
    }

    /** The head: the last seq and hash, and the anchor the oldest kept event chains to. */
    private record Head(long seq, String hash, long anchorSeq, String anchorHash) {}

    /**
     * Takes the head's write lock (writing a property takes Neo4j's exclusive lock on the node,
     * held to the end of the transaction), then reads it: another appender waits at the first
     * statement until this transaction ends, and then reads what it wrote.
     */
    private static Head lockHead(Graph.Tx tx) {
        if (tx.run(LOCK_HEAD, Map.of(), r -> r).isEmpty()) {
            throw new IllegalStateException("The audit head is missing: migration V0007__audit has not run"
                    + " or the node was removed; refusing to write audit events without it");
        }
        return tx.run(READ_HEAD, Map.of(), AuditLog::head).getFirst();
    }

    private Head readHead() {
        List<Head> heads = graph.read(READ_HEAD, Map.of(), AuditLog::head);
        if (heads.isEmpty()) {
            throw new IllegalStateException("The audit head is missing");
        }
        return heads.getFirst();
    }

    private static Head head(org.neo4j.driver.Record r) {
        return new Head(
                r.get("seq").asLong(),
                r.get("hash").asString(),
                r.get("anchorSeq").asLong(),
                r.get("anchorHash").asString());
    }

    private static AuditEvent event(Map<String, Object> p) {
        return new AuditEvent(
                ((Number) p.get("seq")).longValue(),
                ((ZonedDateTime) p.get("at")).toInstant(),
                (String) p.get("component"),
                (String) p.get("type"),
                (String) p.get("user"),
                (String) p.get("agency"),
                (String) p.get("outcome"),
                CanonicalJson.readObject((String) p.get("details")),
                (String) p.get("prevHash"),
                (String) p.get("hash"));
    }

    /** The hash of a stored event, from its properties as they are now. */
    private static String hashOf(Map<String, Object> p) {
        return hash(
                ((Number) p.get("seq")).longValue(),
                ((ZonedDateTime) p.get("at")).toInstant(),
                (String) p.get("component"),
                (String) p.get("type"),
                (String) p.get("user"),
                (String) p.get("agency"),
                (String) p.get("outcome"),
                (String) p.get("details"),
                (String) p.get("prevHash"));
    }

    /**
     * SHA-256, in lower-case hex, of the canonical JSON array of the event's fields in a fixed
     * order, led by a format tag: JSON quotes and escapes every string, so no two events share a
     * text (a field's end cannot be moved into its neighbour as with plain concatenation). The
     * details enter as the canonical JSON text that is stored.
     */
    static String hash(
            long seq,
            Instant at,
            String component,
            String type,
            String user,
            @Nullable String agency,
            String outcome,
            String detailsJson,
            String prevHash) {
        List<Object> fields = new ArrayList<>(Arrays.asList(
                "caselink-audit/1", seq, at.toString(), component, type, user, agency, outcome, detailsJson, prevHash));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CanonicalJson.write(fields).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String required(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An audit event needs a " + name);
        }
        return value;
    }
}
