package org.caselink.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
 * Networks, key players and timelines on a small network imported through GraphQL, whose answers
 * are known: a controller (NT-P1, phone CONTROLLER) is the suspect in three children's cases, two
 * associates each in one, and five ads list his phone: two in Richmond, two in Norfolk, one in
 * Richmond again. A lone case (NT-C9) shares nothing with them.
 */
@IntegrationTest
class NetworkTests extends DatabaseProperties {

    static final String CONTROLLER = "+12125550187";
    static final String OTHER = "+12125550188";
    static final String SECOND_CONTROLLER = "+12125550186";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Graph graph;

    @Autowired
    StatementCounter statements;

    private List<Map<String, Object>> records;

    @BeforeEach
    void build() {
        graph.write("""
                MATCH (n) WHERE n.caseNumber STARTS WITH 'NT-' OR n.personId STARTS WITH 'NT-'
                   OR n.childId STARTS WITH 'NT-' OR n.e164 IN [$a, $b, $c] OR n.adId STARTS WITH 'NT-AD-'
                DETACH DELETE n
                """, Map.of("a", CONTROLLER, "b", OTHER, "c", SECOND_CONTROLLER), r -> null);
        List<Map<String, Object>> records = new ArrayList<>();
        String[][] cases = {
            {"NT-C1", "Richmond", "NT-P2"}, {"NT-C2", "Norfolk", "NT-P3"}, {"NT-C3", "Richmond", "NT-P2"}
        };
        for (int i = 0; i < cases.length; i++) {
            records.add(Map.of(
                    "kind",
                    "case",
                    "caseNumber",
                    cases[i][0],
                    "type",
                    "MISSING_FROM_CARE",
                    "status",
                    "OPEN",
                    "reportedAt",
                    "2024-02-0" + (i + 1) + "T10:00Z",
                    "agency",
                    "VA-NT",
                    "source",
                    "test:intake",
                    "child",
                    Map.of("childId", "NT-CH" + (i + 1), "firstName", "Nia", "lastName", "Test" + i),
                    "locations",
                    List.of(Map.of("city", cases[i][1], "state", "VA")),
                    "persons",
                    List.of(
                            Map.of(
                                    "personId",
                                    "NT-P1",
                                    "role",
                                    "SUSPECT",
                                    "firstName",
                                    "Nolan",
                                    "lastName",
                                    "Tester",
                                    "phones",
                                    List.of(CONTROLLER)),
                            Map.of(
                                    "personId",
                                    cases[i][2],
                                    "role",
                                    "ASSOCIATE",
                                    "firstName",
                                    "Ned",
                                    "lastName",
                                    "Helper" + cases[i][2]))));
        }
        records.add(Map.of(
                "kind", "case",
                "agency", "VA-NT",
                "caseNumber", "NT-C9",
                "type", "RUNAWAY",
                "status", "OPEN",
                "reportedAt", "2024-02-09T10:00Z",
                "source", "test:intake",
                "child", Map.of("childId", "NT-CH9", "firstName", "Nora", "lastName", "Alone"),
                "phones", List.of(OTHER)));
        String[] cities = {"Richmond", "Richmond", "Norfolk", "Norfolk", "Richmond"};
        for (int i = 0; i < cities.length; i++) {
            records.add(Map.of(
                    "kind",
                    "ad",
                    "adId",
                    "NT-AD-" + (i + 1),
                    "site",
                    "test-board",
                    "postedAt",
                    "2024-03-0" + (2 * i + 1) + "T20:00Z",
                    "city",
                    cities[i],
                    "state",
                    "VA",
                    "title",
                    "New in " + cities[i],
                    "body",
                    "ad number " + i,
                    "phones",
                    List.of(CONTROLLER)));
        }
        GraphQlAsserts.importRecords(graphQl, records);
        this.records = records;
    }

    /** Its links draw the network itself: every member on one connected picture, each link with its evidence. */
    @Test
    void theNetworksLinksJoinAllItsMembers() {
        String id = NetworkDetection.networkId(List.of("NT-C1", "NT-C2", "NT-C3"));
        var r = graphQl.document("""
                        query($id: ID!) {
                          network(id: $id) {
                            members(first: 100) { nodes { id } }
                            links { truncated links { type from to evidence { source recordId } } }
                            two: links(first: 2) { truncated links { from } }
                          }
                        }
                        """).variable("id", id).execute();
        List<String> members =
                r.path("network.members.nodes[*].id").entityList(String.class).get();
        assertThat(members).hasSize(15);
        r.path("network.links.truncated").entity(Boolean.class).isEqualTo(false);
        List<Map<String, Object>> links = r.path("network.links.links")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(links).hasSizeGreaterThanOrEqualTo(members.size() - 1);
        Map<String, String> parent = new java.util.HashMap<>();
        members.forEach(m -> parent.put(m, m));
        java.util.function.UnaryOperator<String> root = new java.util.function.UnaryOperator<>() {
            @Override
            public String apply(String x) {
                String p = parent.get(x);
                return p.equals(x) ? x : apply(p);
            }
        };
        for (Map<String, Object> link : links) {
            String from = (String) link.get("from");
            String to = (String) link.get("to");
            assertThat(members).as("both ends are members").contains(from, to);
            assertThat((List<?>) link.get("evidence")).as("evidence of " + link).isNotEmpty();
            parent.put(root.apply(from), root.apply(to));
        }
        assertThat(members.stream().map(root).distinct())
                .as("one connected picture")
                .hasSize(1);
        r.path("network.two.truncated").entity(Boolean.class).isEqualTo(true);
        r.path("network.two.links").entityList(Object.class).hasSize(2);
    }

    @Test
    void theImportFindsTheNetworkWithItsControllerFirstAndItsCircuit() {
        String id = NetworkDetection.networkId(List.of("NT-C1", "NT-C2", "NT-C3"));

        var r = graphQl.document("""
                        query($id: ID!) {
                          network(id: $id) {
                            id size firstSeen lastSeen
                            counts { cases children persons phones ads }
                            places { location { city } ads cases }
                            cases { caseNumber }
                            keyPlayers { rank betweenness degree node { ... on Person { personId } } }
                            timeline { events { ad { adId } location { city } } truncated
                                       circuit { location { city } ads from to } }
                          }
                        }
                        """).variable("id", id).execute();
        r.path("network.id").entity(String.class).isEqualTo(id);
        r.path("network.counts.cases").entity(Integer.class).isEqualTo(3);
        r.path("network.counts.children").entity(Integer.class).isEqualTo(3);
        r.path("network.counts.persons").entity(Integer.class).isEqualTo(3);
        r.path("network.counts.phones").entity(Integer.class).isEqualTo(1);
        r.path("network.counts.ads").entity(Integer.class).isEqualTo(5);
        r.path("network.size").entity(Integer.class).isEqualTo(15);
        r.path("network.firstSeen").entity(String.class).isEqualTo("2024-02-01T10:00:00.000Z");
        r.path("network.lastSeen").entity(String.class).isEqualTo("2024-03-09T20:00:00.000Z");
        r.path("network.cases[*].caseNumber").entityList(String.class).containsExactly("NT-C1", "NT-C2", "NT-C3");
        // Richmond: 3 ads and 2 cases; Norfolk: 2 ads and 1 case.
        r.path("network.places[0].location.city").entity(String.class).isEqualTo("Richmond");
        r.path("network.places[0].ads").entity(Integer.class).isEqualTo(3);
        r.path("network.places[0].cases").entity(Integer.class).isEqualTo(2);
        r.path("network.places[1].location.city").entity(String.class).isEqualTo("Norfolk");
        // The controller brokers every path between the cases, associates and ads.
        r.path("network.keyPlayers[0].node.personId").entity(String.class).isEqualTo("NT-P1");
        r.path("network.keyPlayers[0].rank").entity(Integer.class).isEqualTo(1);
        r.path("network.keyPlayers[0].degree").entity(Integer.class).isEqualTo(4);
        r.path("network.keyPlayers[*].node.personId").entityList(String.class).hasSize(3);
        r.path("network.timeline.events[*].ad.adId")
                .entityList(String.class)
                .containsExactly("NT-AD-1", "NT-AD-2", "NT-AD-3", "NT-AD-4", "NT-AD-5");
        r.path("network.timeline.truncated").entity(Boolean.class).isEqualTo(false);
        r.path("network.timeline.circuit[*].location.city")
                .entityList(String.class)
                .containsExactly("Richmond", "Norfolk", "Richmond");
        r.path("network.timeline.circuit[*].ads").entityList(Integer.class).containsExactly(2, 2, 1);
        r.path("network.timeline.circuit[1].from").entity(String.class).isEqualTo("2024-03-05T20:00:00.000Z");
        r.path("network.timeline.circuit[1].to").entity(String.class).isEqualTo("2024-03-07T20:00:00.000Z");
    }

    @Test
    void aCaseAndAPhoneOpenTheirNetworkAndALoneCaseHasNone() {
        String id = NetworkDetection.networkId(List.of("NT-C1", "NT-C2", "NT-C3"));
        graphQl.document("{ case(caseNumber: \"NT-C2\") { network { id } } }")
                .execute()
                .path("case.network.id")
                .entity(String.class)
                .isEqualTo(id);
        graphQl.document("{ case(caseNumber: \"NT-C9\") { network { id } } }")
                .execute()
                .path("case.network")
                .valueIsNull();
        graphQl.document("query($id: ID!) { networkOf(id: $id) { id } }")
                .variable("id", GlobalId.of(EntityType.PHONE, CONTROLLER))
                .execute()
                .path("networkOf.id")
                .entity(String.class)
                .isEqualTo(id);
        graphQl.document("{ networks(first: 1000) { networks { id } truncated computedAt } }")
                .execute()
                .path("networks.networks[*].id")
                .entityList(String.class)
                .contains(id);
        // A network is a Node: node(id) finds it for staff, and for a partner it does not exist.
        String byNode = "query($id: ID!) { node(id: $id) { __typename id ... on Network { cases { caseNumber } } } }";
        graphQl.document(byNode)
                .variable("id", id)
                .execute()
                .path("node.__typename")
                .entity(String.class)
                .isEqualTo("Network")
                .path("node.cases[*].caseNumber")
                .entityList(String.class)
                .contains("NT-C1", "NT-C2", "NT-C3")
                .hasSize(3);
        org.caselink.security.SignedIn.as(
                "partner-a",
                org.caselink.security.UserRole.LE_PARTNER,
                "AGENCY-A",
                () -> graphQl.document(byNode)
                        .variable("id", id)
                        .execute()
                        .path("node")
                        .valueIsNull());
    }

    @Test
    void theStrongestCaseLinksPairTheNetworksCasesAndLeaveTheLoneCaseOut() {
        var r = graphQl.document("{ caseLinks(minScore: 0, first: 1000) { links { a { caseNumber } b { caseNumber }"
                        + " score distance } computedAt } }")
                .execute();
        List<Map<String, Object>> links = r.path("caseLinks.links").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m)
                .filter(m -> m.toString().contains("NT-"))
                .toList();
        List<String> pairs = links.stream()
                .map(m -> ((Map<?, ?>) m.get("a")).get("caseNumber") + "-" + ((Map<?, ?>) m.get("b")).get("caseNumber"))
                .sorted()
                .toList();
        assertThat(pairs).containsExactly("NT-C1-NT-C2", "NT-C1-NT-C3", "NT-C2-NT-C3");
        // C1 and C3 share the controller and an associate: two paths, a higher score than C1-C2.
        Map<String, Double> score = new java.util.HashMap<>();
        links.forEach(m -> score.put(
                ((Map<?, ?>) m.get("a")).get("caseNumber") + "-" + ((Map<?, ?>) m.get("b")).get("caseNumber"),
                ((Number) m.get("score")).doubleValue()));
        assertThat(score.get("NT-C1-NT-C3")).isGreaterThan(score.get("NT-C1-NT-C2"));
        links.forEach(m -> assertThat(m.get("distance")).isEqualTo(2));
    }

    @Test
    void aPhoneTimelineListsItsAdsOldestFirstAndStopsAtFirst() {
        var r = graphQl.document("""
                        query($id: ID!) { timeline(id: $id, first: 3) {
                          events { postedAt ad { adId } } circuit { location { city } ads } truncated } }
                        """)
                .variable("id", GlobalId.of(EntityType.PHONE, CONTROLLER))
                .execute();
        r.path("timeline.events[*].ad.adId").entityList(String.class).containsExactly("NT-AD-1", "NT-AD-2", "NT-AD-3");
        r.path("timeline.truncated").entity(Boolean.class).isEqualTo(true);
        r.path("timeline.circuit[*].ads").entityList(Integer.class).containsExactly(2, 1);
        // A person's timeline: the ads listing the phone they use.
        graphQl.document("query($id: ID!) { timeline(id: $id) { events { ad { adId } } } }")
                .variable(
                        "id",
                        GlobalId.of(
                                EntityType.PERSON,
                                graph.read(
                                                "MATCH (p:Person {personId: 'NT-P1'}) RETURN p.uid AS uid",
                                                Map.of(),
                                                x -> x.get("uid").asString())
                                        .getFirst()))
                .execute()
                .path("timeline.events")
                .entityList(Object.class)
                .hasSize(5);
    }

    @Autowired
    CommunityDetection communities;

    /**
     * A list of networks with their cases, key players and members costs the same statements for
     * one network as for several: a second copy of the network (other keys, another controller
     * phone, other ad wording) makes two.
     */
    @Test
    void listingNetworksWithTheirMembersCostsTheSameStatementsForOneOrMany() {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        String copy = json.writeValueAsString(records.stream()
                        .filter(r -> !"NT-C9".equals(r.get("caseNumber")))
                        .toList())
                .replace("NT-AD-", "NT-AD-X")
                .replace("NT-C", "NT-CX")
                .replace("NT-P", "NT-PX")
                .replace(CONTROLLER, SECOND_CONTROLLER)
                // Other wording, so that the copy's ads are not similar text to the original's.
                .replace("New in ", "Quokka marmalade visiting ")
                .replace("ad number ", "zebra lantern velvet ");
        GraphQlAsserts.importRecords(graphQl, json.readValue(copy, List.class));
        String list = """
                query($first: Int) { networks(first: $first) { networks { id cases { caseNumber }
                  keyPlayers { node { id } } members(first: 5) { nodes { id } truncated }
                  top: keyPlayers(by: DEGREE, first: 1) { degree } } } }
                """;
        long before = statements.count();
        var one = graphQl.document(list).variable("first", 1).execute();
        long forOne = statements.count() - before;
        one.path("networks.networks").entityList(Object.class).hasSize(1);
        before = statements.count();
        var many = graphQl.document(list).variable("first", 100).execute();
        long forMany = statements.count() - before;
        many.path("networks.networks[*].id")
                .entityList(String.class)
                .contains(
                        NetworkDetection.networkId(List.of("NT-C1", "NT-C2", "NT-C3")),
                        NetworkDetection.networkId(List.of("NT-CX1", "NT-CX2", "NT-CX3")));
        many.path("networks.networks[*].cases[*].caseNumber")
                .entityList(String.class)
                .contains("NT-C1", "NT-CX1");
        // list, summary, cases, and one per distinct ranking (key players by betweenness, by degree, members)
        assertThat(forOne).isEqualTo(6);
        assertThat(forMany).isEqualTo(forOne);

        // The connection pages through the same networks in the same order, one a page.
        List<String> all =
                many.path("networks.networks[*].id").entityList(String.class).get();
        String page = """
                query($after: String) { networksConnection(first: 1, after: $after) { totalCount computedAt
                  refreshing edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
                """;
        List<String> paged = new java.util.ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            var p = graphQl.document(page).variable("after", after).execute();
            p.path("networksConnection.totalCount").entity(Integer.class).isEqualTo(all.size());
            p.path("networksConnection.computedAt").hasValue();
            paged.addAll(p.path("networksConnection.edges[*].node.id")
                    .entityList(String.class)
                    .get());
            more = p.path("networksConnection.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            after = p.path("networksConnection.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
        }
        assertThat(paged).hasSizeGreaterThanOrEqualTo(2).isEqualTo(all);
        graphQl.document(page)
                .variable("after", "bm90IG91cnM")
                .execute()
                .errors()
                .expect(e -> e.getMessage().contains("not a cursor issued by this API"))
                .verify();
    }

    /**
     * Both engines find the network as one candidate group of its 15 members, and both split a
     * component larger than the largest group allowed (here 5) into smaller, disjoint communities:
     * Leiden with GDS, label propagation with JGraphT.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "with GDS: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void bothEnginesFindTheNetworkAndSplitAComponentTooLarge(boolean withGds) {
        List<String> members = graph.read(
                "MATCH (m)-[:MEMBER_OF]->(:Network {id: $id}) RETURN elementId(m) AS id",
                Map.of("id", NetworkDetection.networkId(List.of("NT-C1", "NT-C2", "NT-C3"))),
                x -> x.get("id").asString());
        assertThat(members).hasSize(15);
        // Whole: one candidate holds exactly the network's members.
        assertThat(communities.candidates(withGds, 500).stream()
                        .filter(g -> g.stream().anyMatch(members::contains))
                        .toList())
                .singleElement()
                .satisfies(g -> assertThat(g).containsExactlyInAnyOrderElementsOf(members));
        // Split: several communities of its members, none with all of them, none sharing a member.
        List<List<String>> split = communities.candidates(withGds, 5).stream()
                .filter(g -> g.stream().anyMatch(members::contains))
                .toList();
        assertThat(split).hasSizeGreaterThan(1);
        assertThat(split).allSatisfy(g -> assertThat(g).hasSizeLessThan(15).isSubsetOf(members));
        assertThat(split.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates();
    }

    @Test
    void reImportingChangesNothingAndARefreshGivesTheSameNetworks() {
        String id = NetworkDetection.networkId(List.of("NT-C1", "NT-C2", "NT-C3"));
        List<String> before = graph.read(
                "MATCH (n:Network) RETURN n.id AS id ORDER BY id",
                Map.of(),
                x -> x.get("id").asString());
        assertThat(before).contains(id);
        String at = "MATCH (n:Network {id: $id}) RETURN toString(n.computedAt) AS at";
        List<String> computed =
                graph.read(at, Map.of("id", id), x -> x.get("at").asString());
        // The same records again create nothing, so nothing is recomputed.
        GraphQlAsserts.importRecords(graphQl, records);
        assertThat(graph.read(at, Map.of("id", id), x -> x.get("at").asString()))
                .isEqualTo(computed);
        // A link the graph no longer supports (here, planted by hand) goes at the next refresh; the
        // links it does support stay, one per pair.
        String links = "MATCH (a:Case)-[l:CASE_LINK]->(b:Case) WHERE a.caseNumber STARTS WITH 'NT-'"
                + " RETURN a.caseNumber + '-' + b.caseNumber AS pair ORDER BY pair";
        graph.write(
                "MATCH (a:Case {caseNumber: 'NT-C1'}), (b:Case {caseNumber: 'NT-C9'})"
                        + " CREATE (a)-[:CASE_LINK {score: 0.9, distance: 2, computedAt: datetime('2020-01-01T00:00Z')}]->(b)",
                Map.of(),
                x -> x);
        var r = graphQl.document("mutation { refreshNetworks { networks members caseLinks tookMs"
                        + " timings { detectionMs writingMs centralityMs caseLinksMs } } }")
                .execute();
        r.path("refreshNetworks.networks").entity(Integer.class).isEqualTo(before.size());
        r.path("refreshNetworks.caseLinks")
                .entity(Long.class)
                .isEqualTo(graph.read(
                                "MATCH (:Case)-[l:CASE_LINK]->(:Case) RETURN count(l) AS n",
                                Map.of(),
                                x -> x.get("n").asLong())
                        .getFirst());
        int took = r.path("refreshNetworks.tookMs").entity(Integer.class).get();
        assertThat(r.path("refreshNetworks.timings").entity(Map.class).get().values())
                .allSatisfy(ms -> assertThat(((Number) ms).intValue()).isBetween(0, took));
        assertThat(graph.read(links, Map.of(), x -> x.get("pair").asString()))
                .containsExactly("NT-C1-NT-C2", "NT-C1-NT-C3", "NT-C2-NT-C3");
        assertThat(graph.read(
                        "MATCH (n:Network) RETURN n.id AS id ORDER BY id",
                        Map.of(),
                        x -> x.get("id").asString()))
                .isEqualTo(before);
    }
}
