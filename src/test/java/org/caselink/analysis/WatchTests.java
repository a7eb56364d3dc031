package org.caselink.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caselink.DatabaseProperties;
import org.caselink.GraphQlAsserts;
import org.caselink.IntegrationTest;
import org.caselink.StatementCounter;
import org.caselink.db.Graph;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Watches and alerts, end to end through GraphQL: a missing child's phone is watched, then an
 * import brings an ad listing it. The case WT-C1 has the child WT-CH1 (phone CHILD) and a suspect
 * WT-P1 (phone SUSPECT).
 */
@IntegrationTest
class WatchTests extends DatabaseProperties {

    static final String CHILD = "+13125550187";
    static final String SUSPECT = "+13125550188";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Graph graph;

    @Autowired
    StatementCounter statements;

    @Autowired
    Watchlist watchlist;

    @BeforeEach
    void build() {
        graph.write("""
                MATCH (n) WHERE n.caseNumber STARTS WITH 'WT-' OR n.personId STARTS WITH 'WT-'
                   OR n.childId STARTS WITH 'WT-' OR n.e164 IN [$a, $b] OR n.adId STARTS WITH 'WT-AD-'
                   OR n:Watch OR n:Alert
                DETACH DELETE n
                """, Map.of("a", CHILD, "b", SUSPECT), r -> null);
        importRecords(List.of(Map.of(
                "kind", "case",
                "agency", "IL-WT",
                "caseNumber", "WT-C1",
                "type", "MISSING_FROM_CARE",
                "status", "OPEN",
                "reportedAt", "2024-05-01T10:00Z",
                "source", "test:intake",
                "child", Map.of("childId", "WT-CH1", "firstName", "Wren", "lastName", "Test", "phones", List.of(CHILD)),
                "persons",
                        List.of(Map.of(
                                "personId",
                                "WT-P1",
                                "role",
                                "SUSPECT",
                                "firstName",
                                "Walt",
                                "lastName",
                                "Test",
                                "phones",
                                List.of(SUSPECT))))));
    }

    private void importRecords(List<Map<String, Object>> records) {
        GraphQlAsserts.importRecords(graphQl, records);
    }

    private static Map<String, Object> ad(String id, String phone) {
        return Map.of(
                "kind", "ad",
                "adId", id,
                "site", "test-board",
                "postedAt", "2024-06-01T20:00Z",
                "city", "Chicago",
                "state", "IL",
                "title", "New in town",
                "body", "call me",
                "phones", List.of(phone));
    }

    /** How many alerts the watch has, as GraphQL lists them. */
    private int alertsOf(String watch) {
        return graphQl.document(ALERTS)
                .variable("w", watch)
                .execute()
                .path("alerts.alerts")
                .entityList(Object.class)
                .get()
                .size();
    }

    private String watch(String id, int hops) {
        return graphQl.document("mutation($id: ID!, $h: Int) { watch(id: $id, hops: $h, note: \"test\") { id hops } }")
                .variable("id", id)
                .variable("h", hops)
                .execute()
                .path("watch.id")
                .entity(String.class)
                .get();
    }

    private static final String ALERTS = """
            query($w: ID) { alerts(watchId: $w) { truncated alerts {
              id status record { source recordId }
              watch { id target { id } }
              path { length nodes { id } steps { type forward evidence { recordId } } } } } }
            """;

    @Test
    void anAdListingAWatchedPhoneRaisesOneAlertWithItsPath() {
        String phone = GlobalId.of(EntityType.PHONE, CHILD);
        String w = watch(phone, 1);
        importRecords(List.of(ad("WT-AD-1", CHILD), ad("WT-AD-2", "+13125550189")));
        var r = graphQl.document(ALERTS).variable("w", w).execute();
        r.path("alerts.alerts").entityList(Object.class).hasSize(1);
        r.path("alerts.alerts[0].status").entity(String.class).isEqualTo("OPEN");
        r.path("alerts.alerts[0].record.recordId").entity(String.class).isEqualTo("WT-AD-1");
        r.path("alerts.alerts[0].watch.target.id").entity(String.class).isEqualTo(phone);
        r.path("alerts.alerts[0].path.length").entity(Integer.class).isEqualTo(1);
        r.path("alerts.alerts[0].path.nodes[*].id")
                .entityList(String.class)
                .containsExactly(phone, GlobalId.of(EntityType.AD, "WT-AD-1"));
        r.path("alerts.alerts[0].path.steps[0].type").entity(String.class).isEqualTo("LISTS");
        r.path("alerts.alerts[0].path.steps[0].forward").entity(Boolean.class).isEqualTo(false);

        // The same records again change nothing, so raise nothing; a check run again over everything
        // since the start of time finds the same record and duplicates nothing.
        importRecords(List.of(ad("WT-AD-1", CHILD)));
        assertThat(alertsOf(w)).isEqualTo(1);
        String rewind = "MATCH (w:Watch {id: $w}) SET w.checkedUpTo = w.createdAt";
        graph.write(rewind, Map.of("w", w), x -> x);
        assertThat(watchlist.check()).isZero();
        graph.write(rewind, Map.of("w", w), x -> x);
        assertThat(watchlist.check()).isZero();
        assertThat(graph.read(
                        "MATCH (a:Alert)-[:RAISED_BY]->(:Watch {id: $w}) WHERE a.recordId = 'WT-AD-1' RETURN count(a) AS n",
                        Map.of("w", w),
                        x -> x.get("n").asLong()))
                .containsExactly(1L);
    }

    @Test
    void aWatchedCaseSeesANewAdForItsSuspectThreeHopsAwayAndTheAlertCanBeAcknowledged() {
        String caseId = GlobalId.of(EntityType.CASE, "WT-C1");
        String w = watch(caseId, 3);
        importRecords(List.of(ad("WT-AD-3", SUSPECT)));
        var r = graphQl.document(ALERTS).variable("w", w).execute();
        r.path("alerts.alerts").entityList(Object.class).hasSize(1);
        r.path("alerts.alerts[0].path.length").entity(Integer.class).isEqualTo(3);
        r.path("alerts.alerts[0].path.steps[*].type")
                .entityList(String.class)
                .containsExactly("SUSPECT_IN", "USES", "LISTS");
        String alert = r.path("alerts.alerts[0].id").entity(String.class).get();

        var ack = graphQl.document("mutation($a: ID!) { acknowledgeAlert(alertId: $a, note: \"seen\") {"
                        + " status acknowledgeNote acknowledgedAt } }")
                .variable("a", alert)
                .execute();
        ack.path("acknowledgeAlert.status").entity(String.class).isEqualTo("ACKNOWLEDGED");
        ack.path("acknowledgeAlert.acknowledgeNote").entity(String.class).isEqualTo("seen");
        graphQl.document("{ alerts(status: OPEN) { alerts { id } } }")
                .execute()
                .path("alerts.alerts[*].id")
                .entityList(String.class)
                .doesNotContain(alert);
    }

    @Test
    void aWatchTooFewHopsAwayOrStoppedRaisesNothing() {
        String near = watch(GlobalId.of(EntityType.CASE, "WT-C1"), 2);
        String stopped = watch(GlobalId.of(EntityType.PHONE, SUSPECT), 1);
        graphQl.document("mutation($w: ID!) { unwatch(watchId: $w) }")
                .variable("w", stopped)
                .execute()
                .path("unwatch")
                .entity(Boolean.class)
                .isEqualTo(true);
        importRecords(List.of(ad("WT-AD-4", SUSPECT)));
        assertThat(graph.read(
                        "MATCH (a:Alert)-[:RAISED_BY]->(w:Watch) WHERE w.id IN [$a, $b] RETURN count(a) AS n",
                        Map.of("a", near, "b", stopped),
                        x -> x.get("n").asLong()))
                .containsExactly(0L);
        graphQl.document("{ watches { watches { id } truncated } }")
                .execute()
                .path("watches.watches[*].id")
                .entityList(String.class)
                .contains(near)
                .doesNotContain(stopped);
        // One active watch (the other stopped): a page of one is complete; with a second, it is not.
        String truncated = "{ watches(first: 1) { truncated } }";
        graphQl.document(truncated)
                .execute()
                .path("watches.truncated")
                .entity(Boolean.class)
                .isEqualTo(false);
        watch(GlobalId.of(EntityType.PHONE, CHILD), 1);
        graphQl.document(truncated)
                .execute()
                .path("watches.truncated")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    /** Alerts raised in one check share their createdAt: pages continue by id among equals. */
    @Test
    void theAlertsConnectionPagesThroughAlertsRaisedTogether() {
        String w = watch(GlobalId.of(EntityType.PHONE, SUSPECT), 1);
        importRecords(List.of(ad("WT-AD-P1", SUSPECT), ad("WT-AD-P2", SUSPECT), ad("WT-AD-P3", SUSPECT)));
        List<String> all = graphQl.document(ALERTS)
                .variable("w", w)
                .execute()
                .path("alerts.alerts[*].id")
                .entityList(String.class)
                .hasSize(3)
                .get();
        String page = """
                query($w: ID, $after: String) { alertsConnection(watchId: $w, first: 2, after: $after) {
                  totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }
                """;
        var one = graphQl.document(page).variable("w", w).execute();
        one.path("alertsConnection.totalCount").entity(Integer.class).isEqualTo(3);
        one.path("alertsConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        List<String> paged = new java.util.ArrayList<>(one.path("alertsConnection.edges[*].node.id")
                .entityList(String.class)
                .hasSize(2)
                .get());
        var two = graphQl.document(page)
                .variable("w", w)
                .variable(
                        "after",
                        one.path("alertsConnection.pageInfo.endCursor")
                                .entity(String.class)
                                .get())
                .execute();
        two.path("alertsConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        paged.addAll(two.path("alertsConnection.edges[*].node.id")
                .entityList(String.class)
                .get());
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void anAdCreatedByAMutationIsCaughtByTheNextCheckAndAWatchLeftBehindCatchesUp() {
        String phone = GlobalId.of(EntityType.PHONE, CHILD);
        String w = watch(phone, 1);
        graphQl.document("""
                        mutation { createAd(input: { adId: "WT-AD-5", site: "test-board",
                          postedAt: "2024-06-02T20:00Z", city: "Chicago", state: "IL",
                          phones: ["+1 312 555 0187"], evidence: { source: "test:tips", recordId: "tip-5" } }) { adId } }
                        """)
                .execute()
                .path("createAd.adId")
                .entity(String.class)
                .isEqualTo("WT-AD-5");
        // No import ran: the record waits for the next check, in the background or here.
        graphQl.document(ALERTS)
                .variable("w", w)
                .execute()
                .path("alerts.alerts")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(watchlist.check()).isEqualTo(1);
        var r = graphQl.document(ALERTS).variable("w", w).execute();
        r.path("alerts.alerts[*].record.recordId").entityList(String.class).containsExactly("tip-5");
        r.path("alerts.alerts[0].path.nodes[*].id")
                .entityList(String.class)
                .containsExactly(phone, GlobalId.of(EntityType.AD, "WT-AD-5"));
        String checked = graphQl.document("{ watches(first: 1000) { watches { id checkedUpTo } } }")
                .execute()
                .path("watches.watches[?(@.id == '%s')].checkedUpTo".formatted(w))
                .entityList(String.class)
                .get()
                .getFirst();
        assertThat(checked).isNotNull();

        // The mark decides what a check looks at: records from the overlap (5 minutes) before it
        // on. Here the alert is forgotten and the mark set relative to when the ad landed.
        String mark = "MATCH (a:Alert)-[:RAISED_BY]->(w:Watch {id: $w}) DETACH DELETE a WITH DISTINCT w"
                + " MATCH (:Ad {adId: 'WT-AD-5'})-[l:LISTS]->() SET w.checkedUpTo = l.ingestedAt + duration($after)";
        graph.write(mark, Map.of("w", w, "after", "PT6M"), x -> x);
        assertThat(watchlist.check()).as("landed before the overlap").isZero();
        graph.write(mark, Map.of("w", w, "after", "PT4M"), x -> x);
        assertThat(watchlist.check()).as("landed inside the overlap").isEqualTo(1);

        // A watch whose checks failed since (its mark left behind) finds the record on its next
        // check; the alert it already raised is not raised again.
        graph.write(
                "MATCH (a:Alert)-[:RAISED_BY]->(w:Watch {id: $w}) DETACH DELETE a WITH DISTINCT w"
                        + " SET w.checkedUpTo = w.createdAt",
                Map.of("w", w),
                x -> x);
        assertThat(watchlist.check()).isEqualTo(1);
        assertThat(watchlist.check()).isZero();
        assertThat(alertsOf(w)).isEqualTo(1);
    }

    @Test
    void listingAlertsWithTheirPathsCostsTheSameStatementsForOneOrMany() {
        watch(GlobalId.of(EntityType.PHONE, CHILD), 1);
        watch(GlobalId.of(EntityType.CASE, "WT-C1"), 3);
        importRecords(List.of(ad("WT-AD-6", CHILD)));
        long one = alertStatements(2);
        // The case sees both new ads (3 hops), the phone the one listing it: five alerts in all.
        importRecords(List.of(ad("WT-AD-7", SUSPECT), ad("WT-AD-8", CHILD)));
        assertThat(alertStatements(5)).isEqualTo(one);
    }

    /** Statements run by listing every alert with its path, having checked there are {@code expected} alerts. */
    private long alertStatements(int expected) {
        long before = statements.count();
        var r = graphQl.document("{ alerts(first: 100) { alerts { path { length nodes { id } steps { type } } } } }")
                .execute();
        long used = statements.count() - before;
        r.path("alerts.alerts").entityList(Object.class).hasSize(expected);
        r.path("alerts.alerts[*].path.length")
                .entityList(Integer.class)
                .satisfies(l -> assertThat(l).allSatisfy(n -> assertThat(n).isPositive()));
        return used;
    }

    @Test
    void watchingANodeThatDoesNotExistIsAClearError() {
        graphQl.document("mutation { watch(id: \"bm90LWFuLWlk\") { id } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("id")));
    }
}
