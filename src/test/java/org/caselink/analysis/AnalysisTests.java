package org.caselink.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.caselink.DatabaseProperties;
import org.caselink.GraphQlAsserts;
import org.caselink.IntegrationTest;
import org.caselink.db.Graph;
import org.caselink.graphql.LimitExceededException;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Neighbourhoods, paths and linked cases on a small hand-built graph whose answers are known:
 * <pre>
 *   AN-C1 <-SUSPECT_IN- P1 -SUSPECT_IN-> AN-C2        (P2 too: two shortest paths C1..C2)
 *   P1 -USES-> PH1 <-USES- K3 -SUBJECT_OF-> AN-C3     (C1..C3 in four hops)
 *   AN-C4 <- P4 -USES-> HUB <-USES- P5 -> AN-C5       (HUB is listed by 300 ads: not a link)
 *   P6 -SUSPECT_IN-> AN-C6, P6 -POSSIBLE_SAME_AS-> P1 (undecided: linked cases weigh it by its score)
 * </pre>
 */
@IntegrationTest
class AnalysisTests extends DatabaseProperties {

    static final String PH1 = "+12025550161";
    static final String HUB = "+12025550162";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Graph graph;

    @BeforeEach
    void build() {
        graph.write("""
                MATCH (n) WHERE n.caseNumber STARTS WITH 'AN-' OR n.uid STARTS WITH 'an-'
                   OR n.e164 IN [$ph1, $hub] OR n.adId STARTS WITH 'AN-AD-' OR n.code = 'AN-AGENCY'
                DETACH DELETE n
                """, Map.of("ph1", PH1, "hub", HUB), r -> null);
        graph.write("""
                CREATE (ag:Agency {code: 'AN-AGENCY'})
                WITH ag
                UNWIND range(1, 6) AS i
                CREATE (c:Case {caseNumber: 'AN-C' + i, type: 'RUNAWAY', status: 'OPEN',
                                reportedAt: datetime('2024-01-0' + i + 'T00:00:00Z')})
                CREATE (c)-[:OWNED_BY {source: 'test', recordId: 'AN-C' + i, ingestedAt: datetime()}]->(ag)
                WITH count(*) AS cases
                MATCH (c1:Case {caseNumber: 'AN-C1'}), (c2:Case {caseNumber: 'AN-C2'}), (c3:Case {caseNumber: 'AN-C3'}),
                      (c4:Case {caseNumber: 'AN-C4'}), (c5:Case {caseNumber: 'AN-C5'}), (c6:Case {caseNumber: 'AN-C6'})
                CREATE (p1:Person {uid: 'an-p1', firstName: 'Ansel', lastName: 'One'}),
                       (p2:Person {uid: 'an-p2', firstName: 'Ansel', lastName: 'Two'}),
                       (p4:Person {uid: 'an-p4', firstName: 'Ansel', lastName: 'Four'}),
                       (p5:Person {uid: 'an-p5', firstName: 'Ansel', lastName: 'Five'}),
                       (p6:Person {uid: 'an-p6', firstName: 'Ansell', lastName: 'One'}),
                       (k3:Child {uid: 'an-k3', firstName: 'Kit', lastName: 'Three'}),
                       (ph1:Phone {e164: $ph1}), (hub:Phone {e164: $hub})
                CREATE (p1)-[:SUSPECT_IN {source: 'intake', recordId: 'AN-C1', ingestedAt: datetime()}]->(c1),
                       (p1)-[:SUSPECT_IN {source: 'intake', recordId: 'AN-C2', ingestedAt: datetime()}]->(c2),
                       (p2)-[:SUSPECT_IN {source: 'intake', recordId: 'AN-C1', ingestedAt: datetime()}]->(c1),
                       (p2)-[:SUSPECT_IN {source: 'intake', recordId: 'AN-C2', ingestedAt: datetime()}]->(c2),
                       (p1)-[:USES {source: 'intake', recordId: 'AN-C1', ingestedAt: datetime()}]->(ph1),
                       (p1)-[:USES {source: 'interview', recordId: 'AN-I-9', ingestedAt: datetime()}]->(ph1),
                       (k3)-[:USES {source: 'intake', recordId: 'AN-C3', ingestedAt: datetime()}]->(ph1),
                       (k3)-[:SUBJECT_OF {source: 'intake', recordId: 'AN-C3', ingestedAt: datetime()}]->(c3),
                       (p4)-[:ASSOCIATE_IN {source: 'intake', recordId: 'AN-C4', ingestedAt: datetime()}]->(c4),
                       (p5)-[:ASSOCIATE_IN {source: 'intake', recordId: 'AN-C5', ingestedAt: datetime()}]->(c5),
                       (p4)-[:USES {source: 'intake', recordId: 'AN-C4', ingestedAt: datetime()}]->(hub),
                       (p5)-[:USES {source: 'intake', recordId: 'AN-C5', ingestedAt: datetime()}]->(hub),
                       (p6)-[:SUSPECT_IN {source: 'intake', recordId: 'AN-C6', ingestedAt: datetime()}]->(c6),
                       (p6)-[:POSSIBLE_SAME_AS {score: 0.9, rule: 'test', status: 'PROPOSED'}]->(p1)
                WITH hub
                UNWIND range(1, 300) AS i
                CREATE (a:Ad {adId: 'AN-AD-' + i, site: 'test', postedAt: datetime()})
                CREATE (a)-[:LISTS {source: 'scrape', recordId: 'AN-AD-' + i, ingestedAt: datetime()}]->(hub)
                """, Map.of("ph1", PH1, "hub", HUB), r -> null);
    }

    @SafeVarargs
    private static <T> void inAnyOrder(GraphQlTester.EntityList<T> list, T... expected) {
        assertThat(list.get()).containsExactlyInAnyOrder(expected);
    }

    @SafeVarargs
    private static <T> void only(GraphQlTester.EntityList<T> list, T... expected) {
        assertThat(list.get()).containsOnly(expected);
    }

    private static String id(EntityType type, String key) {
        return GlobalId.of(type, key);
    }

    @Test
    void neighbourhoodFollowsEvidenceWithItsProvenanceAndSaysWhenTheLimitCutsIt() {
        var one = graphQl.documentName("neighbourhood")
                .variable("id", id(EntityType.PHONE, PH1))
                .variable("hops", 1)
                .execute();
        inAnyOrder(
                one.path("neighbourhood.nodes[*].id").entityList(String.class),
                id(EntityType.PHONE, PH1),
                id(EntityType.PERSON, "an-p1"),
                id(EntityType.CHILD, "an-k3"));
        one.path("neighbourhood.truncated").entity(Boolean.class).isEqualTo(false);
        // Two records assert that P1 uses the phone: one link, two pieces of evidence.
        inAnyOrder(
                one.path("neighbourhood.links[?(@.from == '" + id(EntityType.PERSON, "an-p1")
                                + "')].evidence[*].source")
                        .entityList(String.class),
                "intake",
                "interview");
        only(one.path("neighbourhood.links[*].to").entityList(String.class), id(EntityType.PHONE, PH1));

        var two = graphQl.documentName("neighbourhood")
                .variable("id", id(EntityType.PHONE, PH1))
                .variable("hops", 2)
                .execute();
        two.path("neighbourhood.nodes[*].id")
                .entityList(String.class)
                .contains(id(EntityType.CASE, "AN-C1"), id(EntityType.CASE, "AN-C2"), id(EntityType.CASE, "AN-C3"))
                // An identity that is only proposed is not a link; agencies are not followed by default.
                .doesNotContain(id(EntityType.PERSON, "an-p6"), id(EntityType.AGENCY, "AN-AGENCY"));

        var withAgencies = graphQl.documentName("neighbourhood")
                .variable("id", id(EntityType.CASE, "AN-C3"))
                .variable("hops", 1)
                .variable("relationshipTypes", List.of("OWNED_BY", "SUBJECT_OF"))
                .execute();
        inAnyOrder(
                withAgencies.path("neighbourhood.nodes[*].__typename").entityList(String.class),
                "Case",
                "Agency",
                "Child");

        var cut = graphQl.documentName("neighbourhood")
                .variable("id", id(EntityType.PHONE, PH1))
                .variable("hops", 2)
                .variable("limit", 2)
                .execute();
        cut.path("neighbourhood.nodes").entityList(Object.class).hasSize(2);
        cut.path("neighbourhood.truncated").entity(Boolean.class).isEqualTo(true);

        var people = graphQl.documentName("neighbourhood")
                .variable("id", id(EntityType.CASE, "AN-C1"))
                .variable("hops", 3)
                .variable("types", List.of("PERSON", "PHONE"))
                .execute();
        inAnyOrder(
                people.path("neighbourhood.nodes[*].__typename").entityList(String.class),
                "Case",
                "Person",
                "Person",
                "Phone");
    }

    @Test
    void neighbourhoodRefusesHopsBeyondTheCapAndIsEmptyForAnUnknownId() {
        GraphQlAsserts.expectInputError(
                graphQl.documentName("neighbourhood")
                        .variable("id", id(EntityType.PHONE, PH1))
                        .variable("hops", 4)
                        .execute(),
                "hops",
                "must be between 1 and 3");
        graphQl.documentName("neighbourhood")
                .variable("id", id(EntityType.PHONE, "AN-no-such-phone"))
                .execute()
                .path("neighbourhood.nodes")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void pathsAreAllTheShortestWithEvidenceInOrder() {
        var ties = graphQl.documentName("paths")
                .variable("from", id(EntityType.CASE, "AN-C1"))
                .variable("to", id(EntityType.CASE, "AN-C2"))
                .execute();
        ties.path("paths.paths[*].length").entityList(Integer.class).containsExactly(2, 2);
        inAnyOrder(
                ties.path("paths.paths[*].nodes[1].id").entityList(String.class),
                id(EntityType.PERSON, "an-p1"),
                id(EntityType.PERSON, "an-p2"));

        var longer = graphQl.documentName("paths")
                .variable("from", id(EntityType.CASE, "AN-C1"))
                .variable("to", id(EntityType.CASE, "AN-C3"))
                .execute();
        longer.path("paths.paths[*].length").entityList(Integer.class).containsExactly(4);
        longer.path("paths.paths[0].nodes[*].id")
                .entityList(String.class)
                .containsExactly(
                        id(EntityType.CASE, "AN-C1"),
                        id(EntityType.PERSON, "an-p1"),
                        id(EntityType.PHONE, PH1),
                        id(EntityType.CHILD, "an-k3"),
                        id(EntityType.CASE, "AN-C3"));
        longer.path("paths.paths[0].steps[*].type")
                .entityList(String.class)
                .containsExactly("SUSPECT_IN", "USES", "USES", "SUBJECT_OF");
        longer.path("paths.paths[0].steps[*].forward")
                .entityList(Boolean.class)
                .containsExactly(false, true, false, true);
        inAnyOrder(
                longer.path("paths.paths[0].steps[1].evidence[*].source").entityList(String.class),
                "intake",
                "interview");

        var limited = graphQl.documentName("paths")
                .variable("from", id(EntityType.CASE, "AN-C1"))
                .variable("to", id(EntityType.CASE, "AN-C2"))
                .variable("limit", 1)
                .execute();
        limited.path("paths.paths").entityList(Object.class).hasSize(1);
        limited.path("paths.truncated").entity(Boolean.class).isEqualTo(true);

        graphQl.documentName("paths")
                .variable("from", id(EntityType.CASE, "AN-C1"))
                .variable("to", id(EntityType.CASE, "AN-C4"))
                .execute()
                .path("paths.paths")
                .entityList(Object.class)
                .hasSize(0);
        graphQl.documentName("paths")
                .variable("from", id(EntityType.CASE, "AN-C1"))
                .variable("to", id(EntityType.CASE, "AN-C3"))
                .variable("maxHops", 3)
                .execute()
                .path("paths.paths")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void linkedCasesAreRankedByTheDocumentedScoreAndExplained() {
        var r = graphQl.documentName("linkedCases")
                .variable("caseNumber", "AN-C1")
                .execute();
        r.path("linkedCases.links[*].case.caseNumber")
                .entityList(String.class)
                .containsExactly("AN-C2", "AN-C6", "AN-C3");
        r.path("linkedCases.links[0].distance").entity(Integer.class).isEqualTo(2);
        r.path("linkedCases.links[0].paths").entityList(Object.class).hasSize(2);
        // P2 joins only the two cases (specificity 1): two paths of 0.95 each (no one path is
        // certain), their noisy-or 1 - 0.05^2.
        assertThat(r.path("linkedCases.links[0].score").entity(Double.class).get())
                .isCloseTo(0.9975, within(1e-4));
        // C1 -P1~P6- C6 through the undecided proposal: its score 0.9; the
        // identity step adds no length, and P1 (three distinct neighbours) and P6 weigh 1.
        assertThat(r.path("linkedCases.links[1].score").entity(Double.class).get())
                .isCloseTo(0.9, within(1e-4));
        r.path("linkedCases.links[1].paths[0].steps[*].type")
                .entityList(String.class)
                .containsExactly("SUSPECT_IN", "PROPOSED_SAME_AS", "SUSPECT_IN");
        // C1 -P1- PH1 -K3- C3: 0.7^(4-2), every node inside joining at most three things.
        assertThat(r.path("linkedCases.links[2].score").entity(Double.class).get())
                .isCloseTo(0.49, within(1e-4));
        r.path("linkedCases.links[2].paths[0].steps[*].type")
                .entityList(String.class)
                .containsExactly("SUSPECT_IN", "USES", "USES", "SUBJECT_OF");

        graphQl.documentName("linkedCases")
                .variable("caseNumber", "AN-C1")
                .variable("minScore", 0.5)
                .execute()
                .path("linkedCases.links[*].case.caseNumber")
                .entityList(String.class)
                .containsExactly("AN-C2", "AN-C6");
    }

    @Test
    void aHubLinksNothingAndAProposedIdentityLinksByItsScoreUntilConfirmed() {
        graphQl.documentName("linkedCases")
                .variable("caseNumber", "AN-C4")
                .execute()
                .path("linkedCases.links")
                .entityList(Object.class)
                .hasSize(0);
        // The hub still answers "how are these two connected?".
        graphQl.documentName("paths")
                .variable("from", id(EntityType.CASE, "AN-C4"))
                .variable("to", id(EntityType.CASE, "AN-C5"))
                .execute()
                .path("paths.paths[0].length")
                .entity(Integer.class)
                .isEqualTo(4);

        var proposed = graphQl.documentName("linkedCases")
                .variable("caseNumber", "AN-C6")
                .execute();
        proposed.path("linkedCases.links[0].paths[0].steps[1].type")
                .entity(String.class)
                .isEqualTo("PROPOSED_SAME_AS");
        assertThat(proposed.path("linkedCases.links[0].score")
                        .entity(Double.class)
                        .get())
                .isCloseTo(0.9, within(1e-4));
        graph.write(
                "MATCH (:Person {uid: 'an-p6'})-[r:POSSIBLE_SAME_AS]->(:Person {uid: 'an-p1'}) SET r.status = 'CONFIRMED'",
                Map.of(),
                x -> null);
        var confirmed = graphQl.documentName("linkedCases")
                .variable("caseNumber", "AN-C6")
                .execute();
        confirmed
                .path("linkedCases.links[*].case.caseNumber")
                .entityList(String.class)
                .contains("AN-C1", "AN-C2");
        confirmed
                .path("linkedCases.links[0].paths[0].steps[1].type")
                .entity(String.class)
                .isEqualTo("SAME_AS");
        assertThat(confirmed
                        .path("linkedCases.links[0].score")
                        .entity(Double.class)
                        .get())
                .isCloseTo(0.95, within(1e-4));
    }

    @Autowired
    org.caselink.security.Access access;

    @Test
    void anAnalysisThatRunsOutOfTimeIsAnErrorNotAPartialAnswer() {
        var slow = new Explorer(graph, 3, 8, 250, 20_000, Duration.ofNanos(1), 0, Duration.ofSeconds(20));
        var controller = new AnalysisController(slow, new LinkedCaseSearch(slow), access);
        assertThatThrownBy(() -> controller.neighbourhood(id(EntityType.PHONE, PH1), 2, null, null, null))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("caselink.analysis.timeout");
        assertThatThrownBy(() -> controller.linkedCases("AN-C1", null, null, null))
                .isInstanceOf(LimitExceededException.class);
    }

    /**
     * Analyses run a few at a time, the others waiting their turn (their time limit not yet
     * running); a wait beyond the queue limit is refused as busy, and the place is given back
     * whatever the analysis did.
     */
    @Test
    void analysesWaitTheirTurnAndAWaitTooLongIsRefusedAsBusy() throws Exception {
        var explorer = new Explorer(graph, 3, 8, 250, 20_000, Duration.ofSeconds(5), 1, Duration.ofMillis(200));
        var controller = new AnalysisController(explorer, new LinkedCaseSearch(explorer), access);
        var holding = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        Thread first = Thread.ofPlatform()
                .start(() -> explorer.inTurn(() -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
        holding.await();
        assertThatThrownBy(() -> controller.neighbourhood(id(EntityType.PHONE, PH1), 1, null, null, null))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("caselink.analysis.concurrency");
        release.countDown();
        first.join();
        assertThat(controller
                        .neighbourhood(id(EntityType.PHONE, PH1), 1, null, null, null)
                        .nodes())
                .isNotEmpty();
        assertThatThrownBy(() -> explorer.inTurn(() -> {
                    throw new IllegalStateException("failed");
                }))
                .hasMessage("failed");
        assertThat(controller.linkedCases("AN-C1", null, null, null)).isNotNull();
    }
}
