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
 * feature that reads or writes case data records what it did here. Storing goes through
 * {@link GroupCommit}, checking through {@link ChainVerifier}, and removing expired events through
 * {@link RetentionPurge}; reading and the hash every one of them shares are here.
 */
@Component
public class AuditLog {

    /** The prevHash of the very first event. */
    public static final String GENESIS = "0".repeat(64);

    public static final String ANONYMOUS = "anonymous";

    /** Transaction metadata that lets the embedded tamper guard pass a retention purge. */
    static final String RETENTION_KEY = "caselinkAuditRetention";

    private static final String EVENTS = CypherFiles.query("audit/events");
    private static final String COUNT = CypherFiles.query("audit/events-count");

    private final Graph graph;
    private final Duration retention;
    private final Clock clock;
    private final GroupCommit commit;
    private final ChainVerifier verifier;
    private final RetentionPurge purge;

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
        this.commit = new GroupCommit(graph, clock);
        this.verifier = new ChainVerifier(graph);
        this.purge = new RetentionPurge(graph);
    }

    /**
     * Records one event and returns it, stored, with its seq and hashes. Events from concurrent
     * callers are stored together (group commit, see {@link GroupCommit}); appends from all
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
        return commit.store(c, t, u, agency, o, json);
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
     * Walks the whole chain in seq order, from the oldest kept event (which must chain to the
     * retention anchor) to the head (whose seq and hash the newest event must have), and reports
     * the first place it is broken.
     */
    public ChainReport verify() {
        return verifier.verify();
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

    /** How many events match the query's filters, on every page together. */
    long count(AuditQuery q) {
        return graph.read(COUNT, filters(q), r -> r.get("total").asLong()).getFirst();
    }

    private List<AuditEvent> read(AuditQuery q, int limit) {
        Map<String, Object> p = filters(q);
        p.put("before", q.afterSeq() == null ? Long.MAX_VALUE : q.afterSeq());
        p.put("limit", limit);
        return graph.read(EVENTS, p, r -> event(r.get("e").asMap()));
    }

    private static Map<String, Object> filters(AuditQuery q) {
        Map<String, Object> p = new HashMap<>();
        p.put("user", q.user());
        p.put("type", q.type());
        p.put("outcome", q.outcome());
        p.put("from", q.from() == null ? null : q.from().atOffset(ZoneOffset.UTC));
        p.put("to", q.to() == null ? null : q.to().atOffset(ZoneOffset.UTC));
        return p;
    }

    /** How long events are kept ({@code caselink.audit.retention}). */
    public Duration retention() {
        return retention;
    }

    /**
     * Deletes the events older than the retention period, oldest first (see {@link RetentionPurge}
     * for what may go), and then records a RETENTION_PURGE event with how many went and the anchor
     * (seq and hash of the last one removed), which the oldest kept event chains to.
     */
    public AuditEvent purgeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        RetentionPurge.Purged purged = purge.purge(cutoff);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("removed", purged.removed());
        details.put("before", cutoff.toString());
        details.put("retention", retention.toString());
        details.put("anchorSeq", purged.head().anchorSeq());
        details.put("anchorHash", purged.head().anchorHash());
        return append("admin", "RETENTION_PURGE", "system", null, "SUCCESS", details);
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
