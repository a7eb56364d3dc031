package org.caselink.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.EmbeddedNeo4jProperties;
import org.caselink.db.Graph;
import org.jspecify.annotations.Nullable;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The audit trail: append-only, numbered and hash-chained (in the manner the FBI CJIS Security
 * Policy asks of audit records), each event RFC 8785 canonical JSON ({@link EventText}). Every
 * event ends as one {@code (:AuditEvent)} node; the singleton {@code (:AuditHead)} holds the last
 * seq and hash and the retention anchor. Public because every feature that reads or writes case
 * data records what it did here.
 *
 * <p>Storing goes through one writer thread ({@link AuditWriter}) into the {@link Journal} on the
 * local disk with the embedded database (a flush per group of events, shipped into the graph
 * behind the answers), or straight into the graph in external mode ({@link GraphSink}), where
 * replicas share the chain. Checking goes through {@link ChainVerifier}, removing expired events
 * through {@link RetentionPurge}; reading waits until the graph holds what was written before.
 */
@Component
public class AuditLog implements SmartInitializingSingleton, DisposableBean {

    /** The prevHash of the very first event. */
    public static final String GENESIS = "0".repeat(64);

    public static final String ANONYMOUS = "anonymous";

    /** Transaction metadata that lets the embedded tamper guard pass a retention purge. */
    static final String RETENTION_KEY = "caselinkAuditRetention";

    /** How long a reader of the trail waits for the journal's events to reach the graph. */
    private static final Duration SHIPPING_WAIT = Duration.ofSeconds(30);

    private static final String EVENTS = CypherFiles.query("audit/events");
    private static final String COUNT = CypherFiles.query("audit/events-count");

    private final Graph graph;
    private final Duration retention;
    private final Clock clock;
    private final @Nullable Path journalDir;
    /** A journal an earlier run left, with the journal now off: shipped and removed at start. */
    private final @Nullable Path leftover;

    private final AuditWriter writer;
    private final ChainVerifier verifier;
    private final RetentionPurge purge;
    private @Nullable Journal journal;

    AuditLog(
            Graph graph,
            AuditProperties settings,
            ObjectProvider<Clock> clock,
            ObjectProvider<EmbeddedNeo4jProperties> embedded,
            ObjectProvider<DatabaseManagementService> embeddedDatabase) {
        if (settings.retention().isNegative() || settings.retention().isZero()) {
            throw new IllegalArgumentException(
                    "caselink.audit.retention must be positive, not " + settings.retention());
        }
        // The properties are bound in every mode (a properties scan); the database is there only
        // when it runs in this process, which alone writes its chain.
        EmbeddedNeo4jProperties local = embeddedDatabase.getIfAvailable() == null ? null : embedded.getIfAvailable();
        this.graph = graph;
        this.retention = settings.retention();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        Path dir = local == null
                ? null
                : local.dataDir().toAbsolutePath().normalize().resolve("audit-journal");
        this.journalDir = settings.journal() ? dir : null;
        this.leftover = settings.journal() ? null : dir;
        AuditWriter.Sink sink = journalDir == null
                ? new GraphSink(graph, this.clock)
                : group -> journal().store(group);
        this.writer = new AuditWriter(sink, "audit-writer");
        this.verifier = new ChainVerifier(graph);
        this.purge = new RetentionPurge(graph);
    }

    /**
     * Opens the journal (recovering what the last run left) once every bean is made, so after
     * the migrations that create the audit head; an event recorded before that opens it too.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (leftover != null) {
            Journal.retire(leftover, graph, clock);
        }
        journal();
    }

    private synchronized @Nullable Journal journal() {
        if (journal == null && journalDir != null) {
            journal = new Journal(journalDir, graph, clock);
        }
        return journal;
    }

    /** Waits until the graph holds every event recorded before this call. */
    void caughtUp() {
        Journal j = journal();
        if (j != null) {
            j.awaitShipped(j.written(), SHIPPING_WAIT);
        }
    }

    /**
     * Puts every event recorded so far into the graph now, in the caller's thread: a backup calls
     * it while writes are paused, so that the copy holds the whole trail.
     */
    public void shipJournal() {
        Journal j = journal();
        if (j != null) {
            j.shipAll();
        }
    }

    /** Stores what is queued and ships what the journal holds (what cannot go waits for the next start). */
    @Override
    public void destroy() {
        writer.close();
        Journal j;
        synchronized (this) {
            j = journal;
        }
        if (j != null) {
            j.close();
        }
    }

    /**
     * Records one event and returns it, stored durably, with its seq and hashes. Events from
     * concurrent callers are stored together (group commit by one writer thread).
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
        return writer.store(
                CanonicalJson.wellFormed(c),
                CanonicalJson.wellFormed(t),
                CanonicalJson.wellFormed(u),
                agency == null ? null : CanonicalJson.wellFormed(agency),
                CanonicalJson.wellFormed(o),
                json);
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
        caughtUp();
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
        caughtUp();
        return graph.read(COUNT, filters(q), r -> r.get("total").asLong()).getFirst();
    }

    private List<AuditEvent> read(AuditQuery q, int limit) {
        caughtUp();
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
        // An id as it stands in the canonical JSON of details.returnedIds: quoted, so that no id
        // matches inside another.
        p.put("returned", q.returned() == null ? null : "\"" + q.returned() + "\"");
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
        return purgeExpired(clock.instant(), retention);
    }

    /** As {@link #purgeExpired()}, as seen at {@code now} with {@code retention}: tests move time forward. */
    AuditEvent purgeExpired(Instant now, Duration retention) {
        caughtUp();
        Instant cutoff = now.minus(retention);
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
        return fields(p).event((String) p.get("hash"));
    }

    /** The fields of a stored event, from its properties as they are now. */
    static EventText.Fields fields(Map<String, Object> p) {
        return new EventText.Fields(
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

    /** The hash a stored event must have, by the format it was written in. */
    static String hashOf(Map<String, Object> p) {
        EventText.Fields f = fields(p);
        Object format = p.get("format");
        if (format == null) {
            return EventText.legacyHash(f);
        }
        if (!EventText.FORMAT.equals(format)) {
            throw new IllegalArgumentException("unknown format " + format);
        }
        return f.hash();
    }

    private static String required(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An audit event needs a " + name);
        }
        return value;
    }
}
