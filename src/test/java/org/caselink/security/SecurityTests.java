package org.caselink.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.caselink.audit.AuditEvent;
import org.caselink.audit.AuditLog;
import org.caselink.audit.AuditQuery;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every role against every query path, on the fixture graph (see {@link Fixtures}): AGENCY-A owns
 * MC-T-001 and MC-T-003 (child Ana), AGENCY-B owns MC-T-002 (child Bea); John Doe is suspect in
 * MC-T-001 and associate in MC-T-002, and his phone is on ads AD-1 and AD-2 (which also lists Ana's
 * phone). A partner of AGENCY-B must learn nothing of AGENCY-A's cases or of Ana: not as a node,
 * not in a count, not as a hop on a path, not as a search hit.
 */
@IntegrationTest
class SecurityTests extends DatabaseProperties {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog auditLog;

    static final String ANA = "CH-1";
    static final String ANA_PHONE = Fixtures.ANA_PHONE;

    @Autowired
    org.caselink.db.Graph graph;

    @Autowired
    Access access;

    @BeforeEach
    void load() {
        fixtures.load();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Runs as a user with one role (and an agency for a partner). */
    static <T> T as(String user, UserRole role, @Nullable String agency, Supplier<T> work) {
        return SignedIn.as(user, role, agency, work);
    }

    private GraphQlTester.Response query(String document) {
        return graphQl.document(document).execute();
    }

    private String childUid(String childId) {
        return as(
                Fixtures.TEST_USER,
                UserRole.ANALYST,
                null,
                () -> query("{ search(text: \"" + (childId.equals(ANA) ? "Ana" : "Bea") + "\", types: [CHILD]) {"
                                + " node { id } } }")
                        .path("search[0].node.id")
                        .entity(String.class)
                        .get());
    }

    private static String id(EntityType type, String key) {
        return GlobalId.of(type, key);
    }

    // A partner of another agency (partner-b, AGENCY-B) learns nothing of AGENCY-A's cases on any path.

    /** As partner-b, AGENCY-B's partner. */
    private static <T> T asPartnerB(Supplier<T> work) {
        return as("partner-b", UserRole.LE_PARTNER, "AGENCY-B", work);
    }

    @Test
    void rootLookupsAndNodeIdsOfAnotherAgencyAreAbsentNotErrors() {
        String ana = childUid(ANA);
        String mc1 = id(EntityType.CASE, "MC-T-001");
        asPartnerB(() -> {
            var r = query("{ a: case(caseNumber: \"MC-T-001\") { caseNumber } b: case(caseNumber: \"MC-T-002\") {"
                    + " caseNumber children { firstName redacted } } n: node(id: \"" + mc1 + "\") { id }"
                    + " c: node(id: \"" + ana + "\") { id } p: phone(number: \"" + ANA_PHONE + "\") { e164 }"
                    + " g: agency(code: \"AGENCY-A\") { code } }");
            r.errors().verify();
            r.path("a").valueIsNull();
            r.path("n").valueIsNull();
            r.path("c").valueIsNull();
            r.path("p").valueIsNull();
            r.path("g").valueIsNull();
            r.path("b.caseNumber").entity(String.class).isEqualTo("MC-T-002");
            // Its own child: the agency owns the case, so it has need-to-know.
            r.path("b.children[0].firstName").entity(String.class).isEqualTo("Bea");
            r.path("b.children[0].redacted").entity(Boolean.class).isEqualTo(false);
            return null;
        });
    }

    /** AGENCY-B's own record says John (P-17, on its case) uses his phone. */
    private void partnerBsRecordSaysJohnUsesHisPhone() {
        graph.write(
                "MATCH (p:Person {personId: 'P-17'}), (ph:Phone {e164: $phone})"
                        + " CREATE (p)-[:USES {source: 'test-fixture', recordId: 'MC-T-002', ingestedAt: datetime()}]->(ph)",
                Map.of("phone", Fixtures.JOHN_PHONE),
                x -> x);
        access.invalidate();
    }

    @Test
    void anotherAgencysIntelligenceStaysOutOfSightUntilItsOwnRecordSaysSo() {
        // John is on its case, but only AGENCY-A's record says he uses his phone: that is
        // AGENCY-A's intelligence, so the phone is out of its sight...
        asPartnerB(() -> {
            query("{ phone(number: \"" + Fixtures.JOHN_PHONE + "\") { e164 } }")
                    .path("phone")
                    .valueIsNull();
            query("{ case(caseNumber: \"MC-T-002\") { people { person { phones { e164 } } } } }")
                    .path("case.people[0].person.phones")
                    .entityList(Object.class)
                    .hasSize(0);
            return null;
        });
        // ...until its own record says so.
        partnerBsRecordSaysJohnUsesHisPhone();
        asPartnerB(() -> query("{ phone(number: \"" + Fixtures.JOHN_PHONE + "\") { e164 } }")
                .path("phone.e164")
                .entity(String.class)
                .isEqualTo(Fixtures.JOHN_PHONE));
    }

    @Test
    void listsAndTheirCountsHoldOnlyItsOwnCases() {
        // Its record brings John's ads, posted in Richmond, into its sight: the place, not AGENCY-A's cases there.
        partnerBsRecordSaysJohnUsesHisPhone();
        asPartnerB(() -> {
            var lists = query("{ cases { totalCount edges { node { caseNumber } } }"
                    + " location(city: \"Richmond\", state: \"VA\") { cases { totalCount } }"
                    + " ads { totalCount } }");
            lists.path("cases.totalCount").entity(Integer.class).isEqualTo(1);
            lists.path("cases.edges[*].node.caseNumber")
                    .entityList(String.class)
                    .containsExactly("MC-T-002");
            lists.path("location.cases.totalCount").entity(Integer.class).isEqualTo(0);
            return null;
        });
    }

    @Test
    void aSuspectOnItsCaseShowsOnlyThatRoleAndAdsWithoutAnotherAgencysPhones() {
        partnerBsRecordSaysJohnUsesHisPhone();
        asPartnerB(() -> {
            var john = query("{ phone(number: \"" + Fixtures.JOHN_PHONE + "\") { cases { caseNumber }"
                    + " children { id } people { cases { case { caseNumber } } }"
                    + " ads { totalCount edges { node { adId phones { e164 } } } } } }");
            john.path("phone.people[0].cases[*].case.caseNumber")
                    .entityList(String.class)
                    .containsExactly("MC-T-002");
            john.path("phone.children").entityList(Object.class).hasSize(0);
            john.path("phone.ads.totalCount").entity(Integer.class).isEqualTo(2);
            // AD-2 also lists Ana's phone: the ad shows, Ana's phone on it does not.
            john.path("phone.ads.edges[*].node.phones[*].e164")
                    .entityList(String.class)
                    .doesNotContain(ANA_PHONE);
            return null;
        });
    }

    @Test
    void searchFindsNoChildOrCaseOfAnotherAgency() {
        String mc1 = id(EntityType.CASE, "MC-T-001");
        asPartnerB(() -> {
            query("{ search(text: \"Ana Lopez\") { node { id } } }")
                    .path("search")
                    .entityList(Object.class)
                    .hasSize(0);
            query("{ search(text: \"MC-T-001\") { node { id } } }")
                    .path("search[*].node.id")
                    .entityList(String.class)
                    .doesNotContain(mc1, id(EntityType.CASE, "MC-T-003"));
            return null;
        });
    }

    @Test
    void aNeighbourhoodNeverPassesThroughAnotherAgencysCasesNorShowsTheirEvidence() {
        String ana = childUid(ANA);
        String mc1 = id(EntityType.CASE, "MC-T-001");
        String mc2 = id(EntityType.CASE, "MC-T-002");
        asPartnerB(() -> {
            var around = query("{ neighbourhood(id: \"" + mc2
                    + "\", hops: 3, limit: 1000) { nodes { id } links { from to evidence { recordId } } } }");
            List<String> nodes = around.path("neighbourhood.nodes[*].id")
                    .entityList(String.class)
                    .get();
            assertThat(nodes).contains(mc2).doesNotContain(mc1, ana, id(EntityType.CASE, "MC-T-003"));
            // Every piece of evidence shown comes from its own records (its case, the ads in its scope).
            around.path("neighbourhood.links[*].evidence[*].recordId")
                    .entityList(String.class)
                    .satisfies(ids -> assertThat(ids)
                            .isNotEmpty()
                            .allSatisfy(recordId -> assertThat(recordId).isIn("MC-T-002", "AD-1", "AD-2", "AD-3")));
            around.path("neighbourhood.links[*].from")
                    .entityList(String.class)
                    .satisfies(l -> assertThat(nodes).containsAll(l));
            around.path("neighbourhood.links[*].to")
                    .entityList(String.class)
                    .satisfies(l -> assertThat(nodes).containsAll(l));
            return null;
        });
    }

    /** Analysis questions whose answer, for partner-b, is empty: {MC1}, {MC2}, {ANA}, {JOHN_PHONE} stand for ids. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "paths from its case to a case of AGENCY-A | { paths(from: \"{MC2}\", to: \"{MC1}\") { paths { length } } } | paths.paths",
                "paths to a child of AGENCY-A | { paths(from: \"{JOHN_PHONE}\", to: \"{ANA}\") { paths { length } } } | paths.paths",
                "linked cases of a case of AGENCY-A | { linkedCases(caseNumber: \"MC-T-001\") { links { case { caseNumber } } } } | linkedCases.links",
                "timeline of a child of AGENCY-A | { timeline(id: \"{ANA}\") { events { ad { adId } } } } | timeline.events"
            })
    void analysisThroughAnotherAgencysCasesFindsNothing(String what, String document, String emptyPath) {
        String filled = document.replace("{MC1}", id(EntityType.CASE, "MC-T-001"))
                .replace("{MC2}", id(EntityType.CASE, "MC-T-002"))
                .replace("{ANA}", childUid(ANA))
                .replace("{JOHN_PHONE}", id(EntityType.PHONE, Fixtures.JOHN_PHONE));
        asPartnerB(() -> {
            query(filled).path(emptyPath).entityList(Object.class).hasSize(0);
            return null;
        });
    }

    @Test
    void linkedCasesOfItsOwnCaseLeaveOutAnotherAgencysCases() {
        asPartnerB(() -> {
            query("{ linkedCases(caseNumber: \"MC-T-002\") { links { case { caseNumber } } } }")
                    .path("linkedCases.links[*].case.caseNumber")
                    .entityList(String.class)
                    .doesNotContain("MC-T-001", "MC-T-003");
            query("{ case(caseNumber: \"MC-T-002\") { network { id } } }")
                    .path("case.network")
                    .valueIsNull();
            return null;
        });
    }

    /** Whole-graph products (networks, case pairs, proposals, watches, alerts) are staff only; a partner writes nothing. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ networks { networks { id } } }",
                "{ caseLinks { links { score } } }",
                "{ identityProposals { id } }",
                "{ alerts { alerts { id } } }",
                "{ watches { watches { id } } }",
                "mutation { updateCase(caseNumber: \"MC-T-002\", input: {summary: \"x\"}) { caseNumber } }"
            })
    void staffOnlyFieldsAndWritesAreForbiddenToAPartner(String document) {
        asPartnerB(() -> {
            query(document)
                    .errors()
                    .expect(e -> e.getErrorType().toString().equals("FORBIDDEN"))
                    .verify();
            return null;
        });
    }

    @Test
    void theOwningAgencysPartnerDoesFindItsCaseAndChild() {
        as("partner-a", UserRole.LE_PARTNER, "AGENCY-A", () -> {
            query("{ case(caseNumber: \"MC-T-001\") { children { firstName } } cases { totalCount } }")
                    .path("case.children[0].firstName")
                    .entity(String.class)
                    .isEqualTo("Ana")
                    .path("cases.totalCount")
                    .entity(Integer.class)
                    .isEqualTo(2);
            return null;
        });
    }

    /**
     * A partner's degrees are counted over its scope: a suspect in two of its cases and in 300 of
     * another agency's is a hub to an analyst (more than caselink.analysis.hub-degree links: shown,
     * not expanded) and an ordinary person to the partner, who sees two of those links. Counting
     * over the whole graph would hide the partner's own second case behind a hub made of cases it
     * may not see, and tell it that they exist.
     */
    @Test
    void aPartnersDegreesCountOnlyWhatItSees() {
        graph.write("""
                CREATE (mine:Agency {code: 'HB-MINE'}), (other:Agency {code: 'HB-OTHER'}),
                       (p:Person {uid: 'hb-p', firstName: 'Hub', lastName: 'Suspect'})
                WITH mine, other, p
                UNWIND ['HB-C1', 'HB-C2'] AS number
                CREATE (c:Case {caseNumber: number, type: 'RUNAWAY', status: 'OPEN', reportedAt: datetime()})
                CREATE (c)-[:OWNED_BY {source: 'test', recordId: number, ingestedAt: datetime()}]->(mine)
                CREATE (p)-[:SUSPECT_IN {source: 'test', recordId: number, ingestedAt: datetime()}]->(c)
                WITH DISTINCT other, p
                UNWIND range(1, 300) AS i
                CREATE (c:Case {caseNumber: 'HB-X-' + i, type: 'RUNAWAY', status: 'OPEN', reportedAt: datetime()})
                CREATE (c)-[:OWNED_BY {source: 'test', recordId: 'HB-X-' + i, ingestedAt: datetime()}]->(other)
                CREATE (p)-[:SUSPECT_IN {source: 'test', recordId: 'HB-X-' + i, ingestedAt: datetime()}]->(c)
                """, Map.of(), r -> r);
        access.invalidate();
        String around = "{ neighbourhood(id: \"" + id(EntityType.CASE, "HB-C1") + "\", hops: 2, limit: 1000) {"
                + " nodes { id } hubs } linkedCases(caseNumber: \"HB-C1\") { links { case { caseNumber } } } }";
        as("p-hb", UserRole.LE_PARTNER, "HB-MINE", () -> {
            var r = query(around);
            r.errors().verify();
            assertThat(r.path("neighbourhood.nodes[*].id")
                            .entityList(String.class)
                            .get())
                    .containsExactlyInAnyOrder(
                            id(EntityType.CASE, "HB-C1"), id(EntityType.PERSON, "hb-p"), id(EntityType.CASE, "HB-C2"));
            assertThat(r.path("linkedCases.links[*].case.caseNumber")
                            .entityList(String.class)
                            .get())
                    .containsExactly("HB-C2");
            assertThat(r.path("neighbourhood.hubs").entityList(String.class).get())
                    .as("not a hub to the partner")
                    .isEmpty();
            return null;
        });
        as(Fixtures.TEST_USER, UserRole.ANALYST, null, () -> {
            var r = query(around);
            r.errors().verify();
            assertThat(r.path("neighbourhood.nodes[*].id")
                            .entityList(String.class)
                            .get())
                    .containsExactlyInAnyOrder(id(EntityType.CASE, "HB-C1"), id(EntityType.PERSON, "hb-p"));
            assertThat(r.path("neighbourhood.hubs").entityList(String.class).get())
                    .as("a hub to the analyst, so the web app draws it as one")
                    .containsExactly(id(EntityType.PERSON, "hb-p"));
            return null;
        });
    }

    @Test
    void aPartnerHoldingAStaffRoleIsStillAPartner() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "dual",
                "n/a",
                List.of(
                        new SimpleGrantedAuthority(UserRole.LE_PARTNER.authority()),
                        new SimpleGrantedAuthority(UserRole.ANALYST.authority()),
                        new SimpleGrantedAuthority(Viewer.AGENCY_PREFIX + "AGENCY-B"))));
        SecurityContextHolder.setContext(context);
        query("{ networks { networks { id } } }")
                .errors()
                .expect(e -> e.getErrorType().toString().equals("FORBIDDEN"))
                .verify();
        query("mutation { addPerson(caseNumber: \"MC-T-002\", role: ASSOCIATE, person: {firstName: \"X\"}) { id } }")
                .errors()
                .expect(e -> e.getErrorType().toString().equals("FORBIDDEN"))
                .verify();
        query("{ cases { totalCount } }")
                .path("cases.totalCount")
                .entity(Integer.class)
                .isEqualTo(1);
    }

    @Test
    void noOneGainsNeedToKnowOfAChildByLinkingItIntoTheirCase() {
        String ana = childUid(ANA);
        fixtures.assign("cm-3", "MC-T-002");
        as("cm-3", UserRole.CASE_MANAGER, null, () -> {
            query("mutation { addChild(caseNumber: \"MC-T-002\", child: {id: \"" + ana + "\"}) { id } }")
                    .errors()
                    .expect(e -> e.getMessage().contains("need-to-know"))
                    .verify();
            // Nor by naming it by its external id (issue 15).
            query("mutation { addChild(caseNumber: \"MC-T-002\", child: {childId: \"CH-1\"}) { id } }")
                    .errors()
                    .expect(e -> e.getMessage().contains("need-to-know"))
                    .verify();
            // Nor by its name and date of birth: they merge nothing (issue 14), so the case gets a
            // child of its own, and Ana stays out of it.
            String namesake = query("mutation { addChild(caseNumber: \"MC-T-002\", child: {firstName: \"Ana\","
                            + " lastName: \"Lopez\", dob: \"2008-02-01\"}) { id } }")
                    .path("addChild.id")
                    .entity(String.class)
                    .get();
            assertThat(namesake).isNotEqualTo(ana);
            // Nor through an import: the child record lands as that same namesake, the ad beside it too.
            query("""
                    mutation { importRecords(records: [
                      {kind: "case", caseNumber: "MC-T-002", type: "MISSING_FROM_CARE", status: "OPEN",
                       reportedAt: "2024-02-10T00:00:00Z", agency: "AGENCY-B", state: "MD",
                       child: {firstName: "Ana", lastName: "Lopez", dob: "2008-02-01"}},
                      {kind: "ad", adId: "AD-NTK-1", site: "s", postedAt: "2024-03-01T00:00:00Z"}
                    ]) { imported rejected } }
                    """).path("importRecords.imported").entity(Integer.class).isEqualTo(2);
            assertThat(graph.read(
                                    "MATCH (c:Child {childId: 'CH-1'})-[:SUBJECT_OF]->(:Case {caseNumber: 'MC-T-002'}) RETURN count(c) AS n",
                                    java.util.Map.of(),
                                    r -> r.get("n").asLong())
                            .getFirst())
                    .isZero();
            // The import's refresh proposes the namesake and Ana as one child; the proposal is not
            // shown (nor counted) to someone without need-to-know of both: it would say Ana exists.
            assertThat(graph.read(
                                    "MATCH (:Child {childId: 'CH-1'})-[r:POSSIBLE_SAME_AS]-(:Child) RETURN count(r) AS n",
                                    java.util.Map.of(),
                                    r -> r.get("n").asLong())
                            .getFirst())
                    .isPositive();
            query("{ identityProposals(kind: CHILD) { id } identityProposalCount(kind: CHILD) }")
                    .path("identityProposals")
                    .entityList(Object.class)
                    .hasSize(0)
                    .path("identityProposalCount")
                    .entity(Integer.class)
                    .isEqualTo(0);
            query("{ child(id: \"" + ana + "\") { redacted firstName } }")
                    .path("child.redacted")
                    .entity(Boolean.class)
                    .isEqualTo(true);
            // Nor learns, by a timeline or a network lookup, that a hidden handle exists.
            String handle = id(EntityType.HANDLE, "instagram:ana.l");
            query("{ timeline(id: \"" + handle + "\") { events { ad { adId } } } networkOf(id: \"" + handle
                            + "\") { id } }")
                    .path("timeline.events")
                    .entityList(Object.class)
                    .hasSize(0)
                    .path("networkOf")
                    .valueIsNull();
            return null;
        });
    }

    @Test
    void pathsGoAroundAHiddenHandleToTheShortestThatCrossesNone() {
        // Two cases linked at four hops through Ana's handle (two suspects use it) and at six
        // through two phones. A viewer who may not know Ana gets the six-hop path, and never her
        // handle; one who knows her gets the four. (The search excludes the hidden nodes the paths
        // it found crossed, and searches again.)
        graph.write("""
                MATCH (h:Handle {key: 'instagram:ana.l'})
                CREATE (s1:Case {caseNumber: 'MC-T-HID-1', type: 'RUNAWAY', status: 'OPEN'}),
                       (s2:Case {caseNumber: 'MC-T-HID-2', type: 'RUNAWAY', status: 'OPEN'}),
                       (p:Person {uid: 'hid-p'}), (q:Person {uid: 'hid-q'}), (r:Person {uid: 'hid-r'}),
                       (z:Phone {e164: '+12025550191'}), (w:Phone {e164: '+12025550192'})
                WITH h, s1, s2, p, q, r, z, w,
                     {source: 'test-fixture', recordId: 'HID', ingestedAt: datetime()} AS e
                CREATE (p)-[:SUSPECT_IN]->(s1), (q)-[:SUSPECT_IN]->(s2), (p)-[:USES]->(h), (q)-[:USES]->(h),
                       (p)-[:USES]->(z), (r)-[:USES]->(z), (r)-[:USES]->(w), (q)-[:USES]->(w)
                WITH e MATCH ()-[x]->() WHERE x.source IS NULL SET x += e
                """, java.util.Map.of(), r -> null);
        String doc = "{ paths(from: \"" + id(EntityType.CASE, "MC-T-HID-1") + "\", to: \""
                + id(EntityType.CASE, "MC-T-HID-2") + "\") { paths { length nodes { id } } } }";
        String handle = id(EntityType.HANDLE, "instagram:ana.l");
        as("someone-else", UserRole.ANALYST, null, () -> {
            var paths = query(doc).path("paths.paths");
            paths.entityList(Object.class).hasSize(1);
            paths.path("paths.paths[0].length").entity(Integer.class).isEqualTo(6);
            assertThat(query(doc).path("paths").entity(Object.class).get().toString())
                    .doesNotContain(handle, "ana.l");
            return null;
        });
        fixtures.assign("cm-hid", "MC-T-001");
        as("cm-hid", UserRole.ANALYST, null, () -> {
            query(doc).path("paths.paths[0].length").entity(Integer.class).isEqualTo(4);
            query(doc)
                    .path("paths.paths[0].nodes[*].id")
                    .entityList(String.class)
                    .contains(handle);
            return null;
        });
    }

    @Test
    void aChildsIdentityIsShownOnlyWithNeedToKnow() {
        String doc =
                "{ case(caseNumber: \"MC-T-002\") { children { firstName lastName aliases dob emails { address } handles { handle } redacted redactionReason } } }";
        // An analyst or case manager not assigned to the case: redacted.
        for (UserRole role : List.of(UserRole.ANALYST, UserRole.CASE_MANAGER)) {
            as("someone-else", role, null, () -> {
                var r = query(doc);
                r.path("case.children[0].redacted").entity(Boolean.class).isEqualTo(true);
                r.path("case.children[0].redactionReason")
                        .entity(String.class)
                        .isEqualTo("you are not assigned to a case of this child");
                for (String f : Redaction.CHILD_FIELDS) {
                    r.path("case.children[0]." + f).valueIsNull();
                }
                // Not found by name either, and its handle is not shown anywhere.
                query("{ search(text: \"Bea\", types: [CHILD]) { node { id } } }")
                        .path("search")
                        .entityList(Object.class)
                        .hasSize(0);
                query("{ handle(platform: \"instagram\", handle: \"ana.l\") { handle } }")
                        .path("handle")
                        .valueIsNull();
                // Nor its email (issue 15 item 5): not on the child, not by address, not through its id.
                query("{ email(address: \"ana.l@example.org\") { address } node(id: \""
                                + id(EntityType.EMAIL, "ana.l@example.org") + "\") { id } }")
                        .path("email")
                        .valueIsNull()
                        .path("node")
                        .valueIsNull();
                query("{ case(caseNumber: \"MC-T-001\") { children { redacted emails { address } } } }")
                        .path("case.children[0].redacted")
                        .entity(Boolean.class)
                        .isEqualTo(true)
                        .path("case.children[0].emails")
                        .valueIsNull();
                return null;
            });
        }
        // Assigned: shown.
        fixtures.assign("cm-1", "MC-T-002");
        as("cm-1", UserRole.CASE_MANAGER, null, () -> {
            var r = query(doc);
            r.path("case.children[0].firstName").entity(String.class).isEqualTo("Bea");
            r.path("case.children[0].redacted").entity(Boolean.class).isEqualTo(false);
            r.path("case.children[0].redactionReason").valueIsNull();
            // ...but Ana, on a case not assigned to cm-1, stays redacted.
            query("{ case(caseNumber: \"MC-T-001\") { children { firstName redacted } } }")
                    .path("case.children[0].redacted")
                    .entity(Boolean.class)
                    .isEqualTo(true)
                    .path("case.children[0].firstName")
                    .valueIsNull();
            return null;
        });
    }

    /**
     * Issue 15 item 5: children were listed by name, so a redacted list still told the order of the
     * names. Now every viewer gets the same order, which is not the order of the names.
     */
    @Test
    void aRedactedListOfChildrenDoesNotTellTheOrderOfTheirNames() {
        StringBuilder records = new StringBuilder();
        List<String> names = List.of("Adams", "Baker", "Clark", "Davis", "Evans", "Flores", "Garcia", "Hill");
        for (String last : names) {
            records.append("{kind: \"case\", caseNumber: \"MC-T-ORD\", type: \"RUNAWAY\", status: \"OPEN\",")
                    .append(" reportedAt: \"2024-05-01T00:00:00Z\", agency: \"AGENCY-A\", state: \"VA\",")
                    .append(" child: {firstName: \"Kim\", lastName: \"")
                    .append(last)
                    .append("\", dob: \"2010-01-01\"}}\n");
        }
        query("mutation { importRecords(records: [" + records + "]) { imported } }")
                .path("importRecords.imported")
                .entity(Integer.class)
                .isEqualTo(names.size());
        String doc = "{ case(caseNumber: \"MC-T-ORD\") { children { id lastName redacted } } }";
        fixtures.assign("cm-ord", "MC-T-ORD");
        List<Map<String, Object>> shown = as("cm-ord", UserRole.CASE_MANAGER, null, () -> children(doc));
        List<Map<String, Object>> redacted = as("someone-else", UserRole.ANALYST, null, () -> children(doc));
        assertThat(shown)
                .hasSize(names.size())
                .allSatisfy(c -> assertThat(c.get("redacted")).isEqualTo(false));
        assertThat(redacted).allSatisfy(c -> assertThat(c.get("lastName")).isNull());
        assertThat(redacted.stream().map(c -> c.get("id")).toList())
                .as("the same order for every viewer")
                .isEqualTo(shown.stream().map(c -> c.get("id")).toList());
        assertThat(shown.stream().map(c -> (String) c.get("lastName")).toList())
                .as("not the order of the names")
                .containsExactlyInAnyOrderElementsOf(names)
                .isNotEqualTo(names);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> children(String doc) {
        return (List<Map<String, Object>>)
                (List<?>) query(doc).path("case.children").entityList(Map.class).get();
    }

    /**
     * Issue 15 item 4: an alert's path was checked by element id against global ids, so every path
     * passed, and alerts went to all staff. Now a watch and its alerts go only to whoever is
     * entitled to the watched node and to every node the path shows.
     */
    @Test
    void anAlertIsShownOnlyToWhoeverIsEntitledToEverythingItShows() {
        fixtures.assign("cm-1", "MC-T-001");
        String phone = id(EntityType.PHONE, ANA_PHONE);
        String email = id(EntityType.EMAIL, "ana.l@example.org");
        String ana = childUid(ANA);
        // Without need-to-know of Ana, no watch on her.
        as(
                "someone-else",
                UserRole.ANALYST,
                null,
                () -> query("mutation { watch(id: \"" + ana + "\") { id } }")
                        .errors()
                        .expect(e -> e.getMessage().contains("need-to-know"))
                        .verify());
        String onPhone = as(
                "cm-1",
                UserRole.CASE_MANAGER,
                null,
                () -> query("mutation { watch(id: \"" + phone + "\", hops: 3) { id } }")
                        .path("watch.id")
                        .entity(String.class)
                        .get());
        String onAna = as(
                "cm-1",
                UserRole.CASE_MANAGER,
                null,
                () -> query("mutation { watch(id: \"" + ana + "\", hops: 2) { id } }")
                        .path("watch.id")
                        .entity(String.class)
                        .get());
        // An ad lists Ana's email: phone <- Ana -> email <- ad, and Ana -> email <- ad.
        query("""
                mutation { importRecords(records: [{kind: "ad", adId: "AD-W-1", site: "s",
                  postedAt: "2024-03-01T00:00:00Z", emails: ["ana.l@example.org"]}]) { imported } }
                """).path("importRecords.imported").entity(Integer.class).isEqualTo(1);
        String alerts = "{ alerts { alerts { id watch { id } path { nodes { id } steps { from to } } } } "
                + "watches { watches { id } } }";
        List<String> raised = as("cm-1", UserRole.CASE_MANAGER, null, () -> {
            var page = query(
                    "{ watchesConnection(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage } } }");
            page.path("watchesConnection.edges").entityList(Object.class).hasSize(1);
            page.path("watchesConnection.totalCount").entity(Integer.class).isEqualTo(2);
            page.path("watchesConnection.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .isEqualTo(true);
            var r = query(alerts);
            r.path("alerts.alerts[*].watch.id").entityList(String.class).contains(onPhone, onAna);
            r.path("alerts.alerts[*].path.steps[*].to").entityList(String.class).contains(email);
            return r.path("alerts.alerts[*].id").entityList(String.class).get();
        });
        as("someone-else", UserRole.ANALYST, null, () -> {
            var r = query(alerts);
            // The phone's watch is theirs to see; its alert, whose path crosses Ana's email, is not.
            r.path("watches.watches[*].id")
                    .entityList(String.class)
                    .contains(onPhone)
                    .doesNotContain(onAna);
            r.path("alerts.alerts").entityList(Object.class).hasSize(0);
            // The connections hold to the same rules, and a page skips what is out of sight: the
            // newest watch (on Ana) is hidden, so a page of one holds the phone's, and is the last.
            var page = query("""
                    { watchesConnection(first: 1) { totalCount edges { node { id } }
                        pageInfo { hasNextPage endCursor } }
                      alertsConnection { totalCount edges { node { id } } pageInfo { hasNextPage } } }
                    """);
            page.path("watchesConnection.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly(onPhone);
            page.path("watchesConnection.totalCount").entity(Integer.class).isEqualTo(1);
            page.path("watchesConnection.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .isEqualTo(false);
            page.path("alertsConnection.edges").entityList(Object.class).hasSize(0);
            page.path("alertsConnection.totalCount").entity(Integer.class).isEqualTo(0);
            for (String alert : raised) {
                query("mutation { acknowledgeAlert(alertId: \"" + alert + "\") { id } }")
                        .errors()
                        .expect(e -> e.getMessage().contains("finds no alert"))
                        .verify();
            }
            query("mutation { unwatch(watchId: \"" + onAna + "\") }")
                    .path("unwatch")
                    .entity(Boolean.class)
                    .isEqualTo(false);
            return null;
        });
    }

    /**
     * Issue 15 item 11: search scores were Lucene's, weighed by term statistics over every agency's
     * records, so a partner's scores moved with records it may not see. A partner's hits are now
     * scored by what it sees alone: the share of the words searched for that the hit holds.
     */
    @Test
    void aPartnersSearchScoresDependOnlyOnWhatItSees() {
        java.util.function.Supplier<List<Double>> scores = () -> as(
                "p-b",
                UserRole.LE_PARTNER,
                "AGENCY-B",
                () -> query("{ search(text: \"Bea Nobody\", types: [CHILD]) { score } }")
                        .path("search[*].score")
                        .entityList(Double.class)
                        .get());
        List<Double> before = scores.get();
        assertThat(before).containsExactly(0.5);
        // Other agencies' children named Bea: Lucene's weight of "bea" changes, the partner's score does not.
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            records.append("{kind: \"case\", caseNumber: \"MC-T-BEA-")
                    .append(i)
                    .append("\", type: \"RUNAWAY\", status: \"OPEN\", reportedAt: \"2024-05-01T00:00:00Z\",")
                    .append(" agency: \"AGENCY-Z\", child: {firstName: \"Bea\", lastName: \"Other")
                    .append(i)
                    .append("\", dob: \"2011-01-01\"}}\n");
        }
        query("mutation { importRecords(records: [" + records + "]) { imported } }")
                .path("importRecords.imported")
                .entity(Integer.class)
                .isEqualTo(30);
        assertThat(scores.get()).isEqualTo(before);
        // And its one Bea is its best hit: the 30 it may not see never take a place in the answer.
        as(
                "p-b",
                UserRole.LE_PARTNER,
                "AGENCY-B",
                () -> query(
                                "{ search(text: \"Bea\", types: [CHILD], first: 1) { node { ... on Child { lastName } } } }")
                        .path("search[*].node.lastName")
                        .entityList(String.class)
                        .containsExactly("King"));
    }

    /**
     * Issue 15 item 7: a partner saw person-to-person links whose only evidence was a record it
     * may not see. Two people of its own case, associated by a link record (which names no
     * agency): the partner sees both people, not the association; staff see it.
     */
    @Test
    void aPartnerDoesNotSeeAnAssociationOnlyAnotherRecordAsserts() {
        query("""
                mutation { importRecords(records: [
                  {kind: "case", caseNumber: "MC-T-ASSOC", type: "RUNAWAY", status: "OPEN",
                   reportedAt: "2024-05-01T00:00:00Z", agency: "AGENCY-B",
                   persons: [{personId: "P-AS1", role: "SUSPECT", firstName: "Ash", lastName: "Stone"},
                             {personId: "P-AS2", role: "ASSOCIATE", firstName: "Ike", lastName: "Vale"}]},
                  {kind: "link", from: "P-AS1", to: "P-AS2", type: "ASSOCIATED_WITH", source: "tip-line"}
                ]) { imported rejected } }
                """).path("importRecords.imported").entity(Integer.class).isEqualTo(2);
        String doc = "{ case(caseNumber: \"MC-T-ASSOC\") { people { person { personId associates { personId } } } } }";
        as(
                "staff",
                UserRole.ANALYST,
                null,
                () -> assertThat(query(doc)
                                .path("case.people[*].person.associates[*].personId")
                                .entityList(String.class)
                                .get())
                        .containsExactlyInAnyOrder("P-AS1", "P-AS2"));
        as("p-b", UserRole.LE_PARTNER, "AGENCY-B", () -> {
            var response = query(doc);
            assertThat(response.path("case.people[*].person.personId")
                            .entityList(String.class)
                            .get())
                    .containsExactlyInAnyOrder("P-AS1", "P-AS2");
            return response.path("case.people[*].person.associates[*]")
                    .entityList(Object.class)
                    .hasSize(0);
        });
    }

    /**
     * Issue 15 item 7: a timeline hopped through identifiers the partner may not see. AGENCY-A's
     * record says a person of AGENCY-B's case uses two phones, one of them named by the AGENCY-B
     * case itself; an ad lists both. Staff see the ad on the person's timeline; the partner, whose
     * records never say the person uses either phone, does not.
     */
    @Test
    void aPartnersTimelineHopsOnlyThroughWhatItsOwnRecordsSay() {
        query("""
                mutation { importRecords(records: [
                  {kind: "case", caseNumber: "MC-T-TLB", type: "RUNAWAY", status: "OPEN",
                   reportedAt: "2024-05-01T00:00:00Z", agency: "AGENCY-B", phones: ["(703) 555-0171"],
                   persons: [{personId: "P-TL1", role: "SUSPECT", firstName: "Rex", lastName: "Dunn"}]},
                  {kind: "case", caseNumber: "MC-T-TLA", type: "RUNAWAY", status: "OPEN",
                   reportedAt: "2024-05-02T00:00:00Z", agency: "AGENCY-A",
                   persons: [{personId: "P-TL1", role: "SUSPECT", firstName: "Rex", lastName: "Dunn",
                              phones: ["(703) 555-0171", "(703) 555-0172"]}]},
                  {kind: "ad", adId: "AD-TL-1", site: "s", postedAt: "2024-05-03T00:00:00Z",
                   phones: ["(703) 555-0171", "(703) 555-0172"]}
                ]) { imported rejected } }
                """).path("importRecords.imported").entity(Integer.class).isEqualTo(3);
        String person = query("{ case(caseNumber: \"MC-T-TLB\") { people { person { id } } } }")
                .path("case.people[0].person.id")
                .entity(String.class)
                .get();
        String doc = "{ timeline(id: \"" + person + "\") { events { ad { adId } } } }";
        as(
                "staff",
                UserRole.ANALYST,
                null,
                () -> query(doc)
                        .path("timeline.events[*].ad.adId")
                        .entityList(String.class)
                        .containsExactly("AD-TL-1"));
        as("p-b", UserRole.LE_PARTNER, "AGENCY-B", () -> {
            // The ad itself is in the partner's scope (it lists the case's phone).
            query("{ ad(adId: \"AD-TL-1\") { adId } }")
                    .path("ad.adId")
                    .entity(String.class)
                    .isEqualTo("AD-TL-1");
            query(doc).path("timeline.events").entityList(Object.class).hasSize(0);
            // The case's own timeline does show it: the case names the phone the ad lists.
            return query("{ timeline(id: \"" + GlobalId.of(EntityType.CASE, "MC-T-TLB") + "\") { events { ad { adId } }"
                            + " circuit { ads } } }")
                    .path("timeline.events[*].ad.adId")
                    .entityList(String.class)
                    .containsExactly("AD-TL-1");
        });
    }

    /**
     * Issue 15 item 7: aliases merged into a node from another agency's record were shown to a
     * partner, and found it by search. AGENCY-A's record gives a person of AGENCY-B's case an
     * alias and the case's child another spelling: staff see and find both, the partner neither.
     */
    @Test
    void aPartnerIsShownAndFindsOnlyTheNamesItsOwnRecordsGave() {
        query("""
                mutation { importRecords(records: [
                  {kind: "case", caseNumber: "MC-T-ALB", type: "RUNAWAY", status: "OPEN",
                   reportedAt: "2024-06-01T00:00:00Z", agency: "AGENCY-B",
                   child: {childId: "CH-AL", firstName: "Wren", lastName: "Quill", dob: "2009-01-02"},
                   persons: [{personId: "P-AL1", role: "SUSPECT", firstName: "Rollo", lastName: "Marsh",
                              aliases: ["Rollie"]}]},
                  {kind: "case", caseNumber: "MC-T-ALA", type: "RUNAWAY", status: "OPEN",
                   reportedAt: "2024-06-02T00:00:00Z", agency: "AGENCY-A",
                   child: {childId: "CH-AL", firstName: "Renn", lastName: "Quille", dob: "2009-01-02"},
                   persons: [{personId: "P-AL1", role: "SUSPECT", firstName: "Rollo", lastName: "Marsh",
                              aliases: ["Shadowfax"]}]}
                ]) { imported rejected } }
                """).path("importRecords.imported").entity(Integer.class).isEqualTo(2);
        String doc = "{ case(caseNumber: \"MC-T-ALB\") { children { aliases } people { person { aliases } } } }";
        String find = "{ search(text: \"%s\") { node { ... on Person { personId } ... on Child { childId } } } }";
        as("staff", UserRole.ANALYST, null, () -> {
            var r = query(doc);
            r.path("case.people[0].person.aliases").entityList(String.class).containsExactly("Rollie", "Shadowfax");
            query(find.formatted("Shadowfax"))
                    .path("search[*].node.personId")
                    .entityList(String.class)
                    .containsExactly("P-AL1");
            return null;
        });
        as("p-b", UserRole.LE_PARTNER, "AGENCY-B", () -> {
            var r = query(doc);
            r.path("case.people[0].person.aliases").entityList(String.class).containsExactly("Rollie");
            r.path("case.children[0].aliases").entityList(String.class).hasSize(0);
            query(find.formatted("Shadowfax"))
                    .path("search")
                    .entityList(Object.class)
                    .hasSize(0);
            query(find.formatted("Renn Quille"))
                    .path("search")
                    .entityList(Object.class)
                    .hasSize(0);
            query(find.formatted("Rollie"))
                    .path("search[*].node.personId")
                    .entityList(String.class)
                    .containsExactly("P-AL1");
            return query(find.formatted("Wren"))
                    .path("search[*].node.childId")
                    .entityList(String.class)
                    .containsExactly("CH-AL");
        });
    }

    @Test
    void auditorAndAdminSeeNoCaseData() {
        for (UserRole role : List.of(UserRole.AUDITOR, UserRole.ADMIN)) {
            as("x-" + role, role, null, () -> {
                for (String read : List.of(
                        "case(caseNumber: \"MC-T-001\") { caseNumber }",
                        "cases { totalCount }",
                        "search(text: \"Ana\") { score }",
                        "node(id: \"" + id(EntityType.CASE, "MC-T-001") + "\") { id }")) {
                    query("{ " + read + " }")
                            .errors()
                            .expect(e -> e.getErrorType().toString().equals("FORBIDDEN"))
                            .verify();
                }
                return null;
            });
        }
        // The audit trail is the auditor's alone.
        as("x-analyst", UserRole.ANALYST, null, () -> {
            query("{ auditChain { intact } }")
                    .errors()
                    .expect(e -> e.getErrorType().toString().equals("FORBIDDEN"))
                    .verify();
            return null;
        });
        as("x-auditor", UserRole.AUDITOR, null, () -> {
            query("{ auditChain { intact } }")
                    .path("auditChain.intact")
                    .entity(Boolean.class)
                    .isEqualTo(true);
            return null;
        });
    }

    @Test
    void sharingAndAssignmentAreAdminMutationsAndAudited() {
        // partner-a cannot see MC-T-002 until an admin shares it.
        as("partner-a", UserRole.LE_PARTNER, "AGENCY-A", () -> {
            query("{ case(caseNumber: \"MC-T-002\") { caseNumber } }")
                    .path("case")
                    .valueIsNull();
            return null;
        });
        as("root", UserRole.ADMIN, null, () -> {
            query("mutation { shareCase(caseNumber: \"MC-T-002\", agency: \"agency-a\") { sharedWith } }")
                    .path("shareCase.sharedWith")
                    .entityList(String.class)
                    .containsExactly("AGENCY-A");
            query("mutation { assignCase(caseNumber: \"MC-T-002\", user: \"cm-2\") { assignedTo } }")
                    .path("assignCase.assignedTo")
                    .entityList(String.class)
                    .contains("cm-2");
            return null;
        });
        as("partner-a", UserRole.LE_PARTNER, "AGENCY-A", () -> {
            query("{ case(caseNumber: \"MC-T-002\") { caseNumber } }")
                    .path("case.caseNumber")
                    .entity(String.class)
                    .isEqualTo("MC-T-002");
            return null;
        });
        // An analyst cannot share.
        as("x-analyst", UserRole.ANALYST, null, () -> {
            query("mutation { shareCase(caseNumber: \"MC-T-001\", agency: \"AGENCY-B\") { sharedWith } }")
                    .errors()
                    .expect(e -> e.getErrorType().toString().equals("FORBIDDEN"))
                    .verify();
            return null;
        });
        as("root", UserRole.ADMIN, null, () -> {
            query("mutation { unshareCase(caseNumber: \"MC-T-002\", agency: \"AGENCY-A\") { sharedWith } }")
                    .path("unshareCase.sharedWith")
                    .entityList(String.class)
                    .hasSize(0);
            return null;
        });
        as("partner-a", UserRole.LE_PARTNER, "AGENCY-A", () -> {
            query("{ case(caseNumber: \"MC-T-002\") { caseNumber } }")
                    .path("case")
                    .valueIsNull();
            return null;
        });
        List<AuditEvent> admin = auditLog.query(new AuditQuery("root", "ADMIN", null, null, null, null, 10));
        assertThat(admin).extracting(e -> e.details().get("action")).contains("SHARE", "ASSIGN", "UNSHARE");
        assertThat(auditLog.query(new AuditQuery("x-analyst", "ACCESS_DENIED", null, null, null, null, 10)))
                .anySatisfy(e -> assertThat(e.details().get("target")).isEqualTo("Mutation.shareCase"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsAuditedWithWhatItReturned() {
        String mc2 = id(EntityType.CASE, "MC-T-002");
        as("auditee", UserRole.LE_PARTNER, "AGENCY-B", () -> {
            query("query Look { case(caseNumber: \"MC-T-002\") { id children { id } } }")
                    .errors()
                    .verify();
            return null;
        });
        AuditEvent e = auditLog.query(new AuditQuery("auditee", "QUERY", null, null, null, null, 1))
                .getFirst();
        assertThat(e.component()).isEqualTo("graphql");
        assertThat(e.agency()).isEqualTo("AGENCY-B");
        assertThat(e.outcome()).isEqualTo("SUCCESS");
        assertThat(e.at()).isNotNull();
        assertThat(e.details().get("operation")).isEqualTo("Look");
        assertThat((String) e.details().get("documentSha256")).hasSize(64);
        assertThat((List<Object>) e.details().get("returnedIds")).contains(mc2).hasSize(2);
        // Issue 15 item 11: ids returned as plain strings (a link's ends) are recorded too.
        String phone = id(EntityType.PHONE, ANA_PHONE);
        List<String> ends = as(
                "auditee",
                UserRole.ANALYST,
                null,
                () -> query("query Ends { neighbourhood(id: \"" + phone + "\", hops: 1) { links { from to } } }")
                        .path("neighbourhood.links[*].to")
                        .entityList(String.class)
                        .get());
        assertThat(ends).isNotEmpty();
        AuditEvent links = auditLog.query(new AuditQuery("auditee", "QUERY", null, null, null, null, 1))
                .getFirst();
        assertThat(links.details().get("operation")).isEqualTo("Ends");
        assertThat((List<Object>) links.details().get("returnedIds"))
                .contains(phone)
                .containsAll(ends);
        // A mutation that tries to reach the audit trail (there is none) is itself recorded.
        as("auditee", UserRole.ANALYST, null, () -> {
            query("mutation { deleteAuditEvents(before: \"2030-01-01\") }")
                    .errors()
                    .expect(x -> true)
                    .verify();
            return null;
        });
        assertThat(auditLog.query(new AuditQuery("auditee", "TAMPER_ATTEMPT", null, null, null, null, 1)))
                .hasSize(1);
        // A write is recorded before it runs, and again with its outcome.
        as("auditee", UserRole.ANALYST, null, () -> {
            query("mutation Fix { updateCase(caseNumber: \"MC-T-002\", input: {summary: \"s\"}) { caseNumber } }")
                    .errors()
                    .verify();
            return null;
        });
        List<AuditEvent> writes = auditLog.query(new AuditQuery("auditee", "MUTATION", null, null, null, null, 2));
        assertThat(writes).extracting(AuditEvent::outcome).containsExactly("SUCCESS", "STARTED");
        assertThat(writes)
                .allSatisfy(w -> assertThat(w.details().get("operation")).isEqualTo("Fix"));
        assertThat(auditLog.verify().intact()).isTrue();
    }

    @Autowired
    org.springframework.graphql.execution.GraphQlSource source;

    @Test
    void everyRootFieldOfTheSchemaIsInTheAllowList() {
        List<String> roots = new ArrayList<>();
        source.schema().getQueryType().getFieldDefinitions().forEach(f -> roots.add("Query." + f.getName()));
        source.schema().getMutationType().getFieldDefinitions().forEach(f -> roots.add("Mutation." + f.getName()));
        assertThat(roots)
                .allSatisfy(r -> assertThat(Permissions.allowed(r)).as(r).isNotEmpty());
        assertThat(Permissions.roots()).containsExactlyInAnyOrderElementsOf(roots);
    }

    /**
     * The matrix: every root field of the schema, called by every role. A role the allow-list
     * names is never refused; any other always is (FORBIDDEN, before the field runs).
     */
    @Test
    void everyRoleAgainstEveryRootField() {
        List<String> checked = new ArrayList<>();
        for (var type : List.of(source.schema().getQueryType(), source.schema().getMutationType())) {
            for (var field : type.getFieldDefinitions()) {
                String coordinate = type.getName() + "." + field.getName();
                String document = (type.getName().equals("Query") ? "query" : "mutation") + " { " + field.getName()
                        + arguments(field) + selection(field.getType()) + " }";
                for (UserRole role : UserRole.values()) {
                    boolean allowed = Permissions.allowed(coordinate).contains(role);
                    List<String> classes = new ArrayList<>();
                    as("matrix-" + role, role, role == UserRole.LE_PARTNER ? "AGENCY-A" : null, () -> {
                        graphQl.document(document)
                                .execute()
                                .errors()
                                .satisfy(errors -> errors.forEach(e -> classes.add(String.valueOf(e.getErrorType()))));
                        return null;
                    });
                    assertThat(classes.contains("FORBIDDEN"))
                            .as(coordinate + " as " + role + ": " + document + " -> " + classes)
                            .isEqualTo(!allowed);
                    assertThat(classes)
                            .as(coordinate + " as " + role + " reached execution")
                            .doesNotContain("ValidationError");
                    checked.add(coordinate + "/" + role);
                }
            }
        }
        assertThat(checked).hasSize(Permissions.roots().size() * UserRole.values().length);
    }

    private static String arguments(graphql.schema.GraphQLFieldDefinition field) {
        List<String> args = new ArrayList<>();
        for (var a : field.getArguments()) {
            if (graphql.schema.GraphQLTypeUtil.isNonNull(a.getType())) {
                args.add(a.getName() + ": " + filler(a.getType()));
            }
        }
        return args.isEmpty() ? "" : "(" + String.join(", ", args) + ")";
    }

    /** A valid literal of an input type: required fields only, lists empty. */
    private static String filler(graphql.schema.GraphQLInputType type) {
        var inner = graphql.schema.GraphQLTypeUtil.unwrapNonNull(type);
        if (inner instanceof graphql.schema.GraphQLList) {
            return "[]";
        }
        if (inner instanceof graphql.schema.GraphQLEnumType e) {
            return e.getValues().getFirst().getName();
        }
        if (inner instanceof graphql.schema.GraphQLInputObjectType o) {
            List<String> fields = new ArrayList<>();
            for (var f : o.getFieldDefinitions()) {
                if (graphql.schema.GraphQLTypeUtil.isNonNull(f.getType())) {
                    fields.add(f.getName() + ": " + filler(f.getType()));
                }
            }
            return "{" + String.join(", ", fields) + "}";
        }
        return switch (((graphql.schema.GraphQLScalarType) inner).getName()) {
            case "Int" -> "1";
            case "Float" -> "0.5";
            case "Boolean" -> "true";
            case "DateTime" -> "\"2024-06-01T00:00:00Z\"";
            case "Date" -> "\"2010-01-01\"";
            case "JSON" -> "{}";
            default -> "\"MC-MATRIX-1\"";
        };
    }

    /** The cheapest selection a field's type accepts. */
    private static String selection(graphql.schema.GraphQLOutputType type) {
        var inner = graphql.schema.GraphQLTypeUtil.unwrapAll(type);
        return inner instanceof graphql.schema.GraphQLScalarType || inner instanceof graphql.schema.GraphQLEnumType
                ? ""
                : " { __typename }";
    }
}
