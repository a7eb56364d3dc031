package org.caselink.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.caselink.DatabaseProperties;
import org.caselink.IntegrationTest;
import org.caselink.TestDatabase;
import org.caselink.db.Graph;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.caselink.security.SignedIn;
import org.caselink.security.UserRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The audit trail against the real database. Events of all tests share one chain, so each test
 * tells its own events apart by a user name of its own, and a test that breaks the chain on
 * purpose mends it before it ends.
 */
@IntegrationTest
class AuditTests extends DatabaseProperties {

    /** Metadata that gets a statement past the tamper guard, as someone editing the store would. */
    private static final Map<String, Object> BYPASS = Map.of(AuditLog.RETENTION_KEY, true);

    @Autowired
    AuditLog audit;

    @Autowired
    Graph graph;

    @Autowired
    GraphQlTester graphQl;

    private static String user(String test) {
        return "audit-" + test + "-" + UUID.randomUUID();
    }

    private List<AuditEvent> eventsOf(String user) {
        return audit.query(new AuditQuery(user, null, null, null, null, null, 1000));
    }

    @Test
    void everyFieldOfAnAppendedEventRoundTrips() {
        String u = user("roundtrip");
        var first = audit.append(
                "graphql",
                "QUERY",
                u,
                "AGENCY-A",
                "SUCCESS",
                Map.of(
                        "operation",
                        "caseDetail",
                        "documentHash",
                        "ab12",
                        "returned",
                        List.of("Case:MC-1", "Child:CH-1"),
                        "rows",
                        2,
                        "note",
                        "quote \" backslash \\ newline \n café ✓"));
        var second = audit.append("http", "ACCESS_DENIED", u, null, "DENIED", Map.of("reason", "no role"));
        var third = audit.append("auth", "LOGON_FAILURE", u, "AGENCY-B", "FAILURE", null);

        assertThat(eventsOf(u)).containsExactly(third, second, first);
        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(third.seq()).isEqualTo(second.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(third.prevHash()).isEqualTo(second.hash());
        assertThat(first.hash()).matches("[0-9a-f]{64}").isNotEqualTo(second.hash());
        assertThat(first.details())
                .containsEntry("returned", List.of("Case:MC-1", "Child:CH-1"))
                .containsEntry("rows", 2)
                .containsEntry("note", "quote \" backslash \\ newline \n café ✓");
        assertThat(second.agency()).isNull();
        assertThat(third.details()).isEmpty();
        assertThat(first.at()).isBeforeOrEqualTo(second.at()).isBeforeOrEqualTo(Instant.now());

        var anonymous = audit.append("http", "QUERY", null, null, "SUCCESS", Map.of("marker", u));
        assertThat(anonymous.user()).isEqualTo(AuditLog.ANONYMOUS);
        assertThatThrownBy(() -> audit.append("http", "QUERY", u, null, "SUCCESS", Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theChainVerifiesIntactFromTheFirstEventOrTheAnchor() {
        String u = user("intact");
        audit.append("admin", "ADMIN", u, null, "SUCCESS", Map.of("step", 1));
        var last = audit.append("admin", "ADMIN", u, null, "SUCCESS", Map.of("step", 2));
        var report = audit.verify();
        assertThat(report.intact()).as(report.reason()).isTrue();
        assertThat(report.brokenAt()).isNull();
        assertThat(report.checked()).isGreaterThanOrEqualTo(2);
        // The chain starts at the genesis hash, or at a retention anchor when a purge ran first.
        var head = graph.read(
                        "MATCH (h:AuditHead) RETURN h.seq AS seq, h.hash AS hash, h.anchorSeq AS a", Map.of(), r -> r)
                .getFirst();
        assertThat(head.get("seq").asLong()).isEqualTo(last.seq());
        assertThat(head.get("hash").asString()).isEqualTo(last.hash());
        if (head.get("a").asLong() == 0) {
            var genesis = graph.read("MATCH (e:AuditEvent {seq: 1}) RETURN e.prevHash AS p", Map.of(), r -> r);
            assertThat(genesis.getFirst().get("p").asString()).isEqualTo(AuditLog.GENESIS);
        }
    }

    @Test
    void eightThreadsAppendingAtOnceGetConsecutiveSeqsAndOneChain() throws Exception {
        String u = user("concurrent");
        int threads = 8;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        seqs.add(audit.append("graphql", "QUERY", u, null, "SUCCESS", Map.of("thread", thread, "i", i))
                                .seq());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Long> sorted = seqs.stream().sorted().toList();
        assertThat(sorted).hasSize(threads * each).doesNotHaveDuplicates();
        assertThat(sorted.getLast() - sorted.getFirst()).isEqualTo(threads * each - 1);
        List<AuditEvent> stored = eventsOf(u).reversed();
        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).prevHash()).isEqualTo(stored.get(i - 1).hash());
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anEventAlteredOrRemovedInTheStoreIsFoundByVerify() {
        String u = user("tamper");
        List<AuditEvent> e = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            e.add(audit.append("graphql", "QUERY", u, "AGENCY-A", "SUCCESS", Map.of("i", i)));
        }
        long altered = e.get(2).seq();
        long removed = e.get(3).seq();

        // Someone edits an event in the store (past the guard, as with the database files).
        bypass("MATCH (x:AuditEvent {seq: $s}) SET x.outcome = 'DENIED'", altered);
        try {
            assertThat(audit.verify())
                    .extracting(ChainReport::intact, ChainReport::brokenAt, ChainReport::reason)
                    .containsExactly(false, altered, "hash mismatch at seq " + altered + ": event altered");
        } finally {
            bypass("MATCH (x:AuditEvent {seq: $s}) SET x.outcome = 'SUCCESS'", altered);
        }
        assertThat(audit.verify().intact()).isTrue();

        // ... or edits one and recomputes its hash: the next event's link no longer fits.
        var x = e.get(2);
        String forged = new EventText.Fields(
                        x.seq(),
                        x.at(),
                        x.component(),
                        x.type(),
                        x.user(),
                        x.agency(),
                        "DENIED",
                        "{\"i\":2}",
                        x.prevHash())
                .hash();
        graph.inWriteTransaction(BYPASS, tx -> {
            tx.run(
                    "MATCH (x:AuditEvent {seq: $s}) SET x.outcome = 'DENIED', x.hash = $h",
                    Map.of("s", altered, "h", forged));
            return null;
        });
        try {
            assertThat(audit.verify())
                    .extracting(ChainReport::brokenAt, ChainReport::reason)
                    .containsExactly(removed, "prevHash of " + removed + " does not match " + altered);
        } finally {
            graph.inWriteTransaction(BYPASS, tx -> {
                tx.run(
                        "MATCH (x:AuditEvent {seq: $s}) SET x.outcome = 'SUCCESS', x.hash = $h",
                        Map.of("s", altered, "h", x.hash()));
                return null;
            });
        }

        // ... or deletes one.
        Map<String, Object> kept = properties(removed);
        bypass("MATCH (x:AuditEvent {seq: $s}) DELETE x", removed);
        try {
            assertThat(audit.verify())
                    .extracting(ChainReport::intact, ChainReport::brokenAt, ChainReport::reason)
                    .containsExactly(false, removed, "seq " + removed + " missing");
        } finally {
            restore(kept);
        }

        // ... or deletes the newest, which only the head still knows.
        long newest = e.get(4).seq();
        Map<String, Object> last = properties(newest);
        bypass("MATCH (x:AuditEvent {seq: $s}) DELETE x", newest);
        try {
            assertThat(audit.verify().reason()).isEqualTo("seq " + newest + " missing");
        } finally {
            restore(last);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void thePlainDatabaseRefusesToChangeOrDeleteAuditEvents() {
        assumeFalse(TestDatabase.CONTAINER, "the tamper guard lives in the embedded database only");
        String u = user("guard");
        var event = audit.append("export", "EXPORT", u, "AGENCY-A", "SUCCESS", Map.of("rows", 3));
        audit.caughtUp(); // in the graph, where the guard is (the journal ships it behind the answer)
        Map<String, Object> s = Map.of("s", event.seq());
        for (String change : List.of(
                "MATCH (x:AuditEvent {seq: $s}) DETACH DELETE x",
                "MATCH (x:AuditEvent {seq: $s}) SET x.outcome = 'FAILURE'",
                "MATCH (x:AuditEvent {seq: $s}) SET x.extra = 1",
                "MATCH (x:AuditEvent {seq: $s}) REMOVE x.details",
                "MATCH (x:AuditEvent {seq: $s}) REMOVE x:AuditEvent",
                "MATCH (h:AuditHead) DETACH DELETE h")) {
            assertThatThrownBy(() -> graph.write(change, s, r -> r))
                    .as(change)
                    .satisfies(t -> assertThat(AuditLog.isTamperRefusal(t)).isTrue());
        }
        assertThat(eventsOf(u)).containsExactly(event);

        var attempt = audit.recordTamperAttempt(
                "admin", u, "AGENCY-A", "tried to delete audit event " + event.seq(), Map.of("seq", event.seq()));
        assertThat(attempt.type()).isEqualTo("TAMPER_ATTEMPT");
        assertThat(attempt.outcome()).isEqualTo("DENIED");
        assertThat(attempt.details()).containsEntry("reason", "tried to delete audit event " + event.seq());
        // Appending and moving the head stay allowed, and nothing was changed.
        assertThat(audit.verify().intact()).isTrue();
    }

    /**
     * The first instant of the system clock (the audit log's) after {@code t}: what puts events
     * strictly on either side of a cutoff, without sleeping a guessed time.
     */
    private static Instant clockPast(Instant t) {
        Instant now = Instant.now();
        while (!now.isAfter(t)) {
            Thread.onSpinWait();
            now = Instant.now();
        }
        return now;
    }

    @Test
    void theRetentionPurgeRemovesOldEventsAndTheChainVerifiesFromItsAnchor() throws Exception {
        String u = user("retention");
        List<AuditEvent> old = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            old.add(audit.append("graphql", "QUERY", u, null, "SUCCESS", Map.of("i", i)));
        }
        Instant cutoff = clockPast(old.getLast().at());
        clockPast(cutoff);
        var young1 = audit.append("graphql", "QUERY", u, null, "SUCCESS", Map.of("i", 3));
        var young2 = audit.append("graphql", "QUERY", u, null, "SUCCESS", Map.of("i", 4));

        // A day-long retention seen from a day after the cutoff: everything before it has expired.
        Instant later = cutoff.plus(Duration.ofDays(1));
        var purge = audit.purgeExpired(later, Duration.ofDays(1));

        assertThat(purge.type()).isEqualTo("RETENTION_PURGE");
        assertThat(purge.user()).isEqualTo("system");
        assertThat(((Number) purge.details().get("removed")).longValue()).isGreaterThanOrEqualTo(3);
        assertThat(((Number) purge.details().get("anchorSeq")).longValue())
                .isEqualTo(old.getLast().seq());
        assertThat(purge.details()).containsEntry("anchorHash", old.getLast().hash());
        assertThat(purge.details()).containsEntry("before", cutoff.toString());
        assertThat(eventsOf(u)).containsExactly(young2, young1);
        assertThat(graph.read(
                        "MATCH (e:AuditEvent) RETURN min(e.seq) AS m",
                        Map.of(),
                        r -> r.get("m").asLong()))
                .containsExactly(young1.seq());

        var report = audit.verify();
        assertThat(report.intact()).as(report.reason()).isTrue();
        assertThat(report.checked()).isEqualTo(purge.seq() - young1.seq() + 1);

        // A second purge finds nothing more to remove, and says so.
        assertThat(audit.purgeExpired(later, Duration.ofDays(1)).details()).containsEntry("removed", 0);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void queriesFilterByUserTypeOutcomeAndTimeAndPageByKeyset() throws Exception {
        String a = user("query-a");
        String b = user("query-b");
        var a1 = audit.append("auth", "LOGON_SUCCESS", a, "AGENCY-A", "SUCCESS", Map.of());
        var a2 = audit.append("auth", "LOGON_FAILURE", a, "AGENCY-A", "FAILURE", Map.of());
        var b1 = audit.append("graphql", "MUTATION", b, "AGENCY-B", "SUCCESS", Map.of());
        Instant middle = clockPast(b1.at());
        clockPast(middle);
        var a3 = audit.append("graphql", "QUERY", a, "AGENCY-A", "DENIED", Map.of());
        var a4 = audit.append("graphql", "QUERY", a, "AGENCY-A", "SUCCESS", Map.of());

        assertThat(eventsOf(a)).containsExactly(a4, a3, a2, a1);
        assertThat(eventsOf(b)).containsExactly(b1);
        assertThat(audit.query(new AuditQuery(a, "QUERY", null, null, null, null, 10)))
                .containsExactly(a4, a3);
        assertThat(audit.query(new AuditQuery(a, null, "FAILURE", null, null, null, 10)))
                .containsExactly(a2);
        assertThat(audit.query(new AuditQuery(null, "LOGON_SUCCESS", "SUCCESS", null, null, null, 1000)))
                .contains(a1)
                .doesNotContain(a2, b1);
        assertThat(audit.query(new AuditQuery(a, null, null, middle, null, null, 10)))
                .containsExactly(a4, a3);
        assertThat(audit.query(new AuditQuery(a, null, null, null, middle, null, 10)))
                .containsExactly(a2, a1);
        var page1 = audit.query(new AuditQuery(a, null, null, null, null, null, 3));
        assertThat(page1).containsExactly(a4, a3, a2);
        assertThat(audit.query(new AuditQuery(
                        a, null, null, null, null, page1.getLast().seq(), 3)))
                .containsExactly(a1);
        assertThat(audit.query(AuditQuery.newest(1))).hasSize(1);
        assertThatThrownBy(() -> AuditQuery.newest(1001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @org.springframework.security.test.context.support.WithMockUser(username = "test-auditor", roles = "AUDITOR")
    void graphQlListsTheEventsAndChecksTheChain() {
        String u = user("graphql");
        var first = audit.append("import", "IMPORT", u, "AGENCY-A", "SUCCESS", Map.of("records", 12));
        var second = audit.append("graphql", "QUERY", u, "AGENCY-A", "SUCCESS", Map.of("ids", List.of("Case:1")));
        var r = graphQl.documentName("auditEvents")
                .variable("user", u)
                .variable("first", 1)
                .execute();
        r.path("auditEvents.truncated").entity(Boolean.class).isEqualTo(true);
        r.path("auditEvents.endCursor").entity(String.class).isEqualTo(String.valueOf(second.seq()));
        r.path("auditEvents.events[0].seq").entity(String.class).isEqualTo(String.valueOf(second.seq()));
        // The DateTime scalar writes milliseconds.
        assertThat(Instant.parse(
                        r.path("auditEvents.events[0].at").entity(String.class).get()))
                .isEqualTo(second.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        r.path("auditEvents.events[0].type").entity(String.class).isEqualTo("QUERY");
        r.path("auditEvents.events[0].agency").entity(String.class).isEqualTo("AGENCY-A");
        r.path("auditEvents.events[0].details.ids[0]").entity(String.class).isEqualTo("Case:1");
        r.path("auditEvents.events[0].prevHash").entity(String.class).isEqualTo(first.hash());
        r.path("auditEvents.events[0].hash").entity(String.class).isEqualTo(second.hash());
        // The canonical text, whose SHA-256 without its hash member a third party recomputes.
        String canonical =
                r.path("auditEvents.events[0].canonical").entity(String.class).get();
        assertThat(EventText.parseLine(canonical)).isEqualTo(second);
        assertThat(canonical).contains("\"at\":\"" + second.at() + "\"");
        r.path("auditChain.intact").entity(Boolean.class).isEqualTo(true);
        r.path("auditChain.brokenAt").valueIsNull();
        r.path("auditChain.retention").entity(String.class).isEqualTo("P365D");
        graphQl.documentName("auditEvents")
                .variable("user", u)
                .variable("after", String.valueOf(second.seq()))
                .execute()
                .path("auditEvents.events[*].seq")
                .entityList(String.class)
                .containsExactly(String.valueOf(first.seq()));
    }

    @Test
    @org.springframework.security.test.context.support.WithMockUser(username = "test-auditor", roles = "AUDITOR")
    void theConnectionPagesThroughTheSameEventsWithOpaqueCursors() {
        String u = user("connection");
        List<String> appended = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            appended.addFirst(String.valueOf(audit.append("graphql", "QUERY", u, null, "SUCCESS", Map.of("i", i))
                    .seq()));
        }
        String page = """
                query($user: String, $after: String) { auditEventsConnection(user: $user, first: 2, after: $after) {
                  totalCount edges { cursor node { seq } } pageInfo { hasNextPage endCursor } } }
                """;
        List<String> seen = new java.util.ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            var r = graphQl.document(page)
                    .variable("user", u)
                    .variable("after", after)
                    .execute();
            r.path("auditEventsConnection.totalCount").entity(Integer.class).isEqualTo(5);
            seen.addAll(r.path("auditEventsConnection.edges[*].node.seq")
                    .entityList(String.class)
                    .get());
            pages++;
            if (!r.path("auditEventsConnection.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get()) {
                break;
            }
            after = r.path("auditEventsConnection.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
            assertThat(after).as("opaque, not the seq itself").isNotIn(appended);
        }
        assertThat(seen).containsExactlyElementsOf(appended);
        assertThat(pages).isEqualTo(3);
        graphQl.document(page)
                .variable("user", u)
                .variable("after", appended.getFirst())
                .execute()
                .errors()
                .expect(e -> e.getMessage().contains("not a cursor issued by this API"))
                .verify();
    }

    /** Who saw a case: the events whose answers returned it, by case number or by id, and no other. */
    @Test
    void anAuditorFindsWhoSawACase() {
        String seer = user("seer");
        String other = user("other");
        String mc1 = GlobalId.of(EntityType.CASE, "MC-T-001");
        String mc2 = GlobalId.of(EntityType.CASE, "MC-T-002");
        long a = audit.append("graphql", "QUERY", seer, null, "SUCCESS", Map.of("returnedIds", List.of(mc1)))
                .seq();
        audit.append("graphql", "QUERY", other, null, "SUCCESS", Map.of("returnedIds", List.of(mc2)));
        long b = audit.append("graphql", "QUERY", other, null, "SUCCESS", Map.of("returnedIds", List.of(mc2, mc1)))
                .seq();
        String doc = """
                query($n: String, $id: ID) { auditEventsConnection(caseNumber: $n, returnedId: $id, first: 100) {
                  totalCount edges { node { seq user } } } }
                """;
        SignedIn.as("test-auditor", UserRole.AUDITOR, null, () -> {
            for (var r : List.of(
                    graphQl.document(doc).variable("n", "mc-t-001").execute(),
                    graphQl.document(doc).variable("id", mc1).execute())) {
                List<String> seqs = r.path("auditEventsConnection.edges[*].node.seq")
                        .entityList(String.class)
                        .get();
                assertThat(seqs).contains(String.valueOf(a), String.valueOf(b));
                List<String> users = r.path("auditEventsConnection.edges[*].node.user")
                        .entityList(String.class)
                        .get();
                assertThat(users).contains(seer, other);
                r.path("auditEventsConnection.totalCount")
                        .entity(Integer.class)
                        .satisfies(n -> assertThat(n).isEqualTo(seqs.size()));
            }
            // Only MC-T-002's events name it; an id that is a prefix of another matches nothing.
            List<String> users = graphQl.document(doc)
                    .variable("n", "MC-T-002")
                    .execute()
                    .path("auditEventsConnection.edges[*].node.user")
                    .entityList(String.class)
                    .get();
            assertThat(users).contains(other).doesNotContain(seer);
            graphQl.document(doc)
                    .variable("id", mc1.substring(0, mc1.length() - 1))
                    .execute()
                    .path("auditEventsConnection.totalCount")
                    .entity(Integer.class)
                    .isEqualTo(0);
            graphQl.document(doc)
                    .variable("n", "MC-T-001")
                    .variable("id", mc1)
                    .execute()
                    .errors()
                    .expect(e -> e.getMessage().startsWith("caseNumber:"))
                    .verify();
            return null;
        });
        // Who saw a case is the auditors' to ask: not an analyst's, nor a partner's of the case's agency.
        for (var who : List.of(
                new Object[] {"nosy-analyst", UserRole.ANALYST, null},
                new Object[] {"nosy-partner", UserRole.LE_PARTNER, "AGENCY-A"})) {
            SignedIn.as((String) who[0], (UserRole) who[1], (String) who[2], () -> {
                graphQl.document(doc)
                        .variable("n", "MC-T-001")
                        .execute()
                        .errors()
                        .expect(e -> String.valueOf(e.getErrorType()).equals("FORBIDDEN"))
                        .verify();
                return null;
            });
        }
    }

    private void bypass(String cypher, long seq) {
        audit.caughtUp();
        graph.inWriteTransaction(BYPASS, tx -> {
            tx.run(cypher, Map.of("s", seq));
            return null;
        });
    }

    private Map<String, Object> properties(long seq) {
        audit.caughtUp();
        return new LinkedHashMap<>(graph.read(
                        "MATCH (x:AuditEvent {seq: $s}) RETURN properties(x) AS p",
                        Map.of("s", seq),
                        r -> r.get("p").asMap())
                .getFirst());
    }

    /** Puts a deleted event back as it was (creating audit events is allowed). */
    private void restore(Map<String, Object> properties) {
        graph.write("CREATE (x:AuditEvent) SET x = $p", Map.of("p", properties), r -> r);
    }
}
