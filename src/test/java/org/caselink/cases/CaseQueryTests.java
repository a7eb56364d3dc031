package org.caselink.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

@IntegrationTest
class CaseQueryTests extends DatabaseProperties {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void load() {
        fixtures.load();
    }

    @Test
    void shouldNavigateFromCaseToChildToPeopleToPhonesToAds() {
        var r = graphQl.documentName("caseDetail")
                .variable("caseNumber", "MC-T-001")
                .execute();
        r.path("case.caseNumber").entity(String.class).isEqualTo("MC-T-001");
        r.path("case.type").entity(String.class).isEqualTo("RUNAWAY");
        r.path("case.reportedAt").entity(String.class).isEqualTo("2024-01-10T10:00:00.000Z");
        r.path("case.agency.code").entity(String.class).isEqualTo("AGENCY-A");
        r.path("case.locations[0].city").entity(String.class).isEqualTo("Richmond");
        r.path("case.phones[*].e164").entityList(String.class).containsExactly("+17035550100");
        // The child: a repeat runaway, subject of two cases, whose phone is on an ad.
        r.path("case.children[0].childId").entity(String.class).isEqualTo("CH-1");
        r.path("case.children[0].dob").entity(String.class).isEqualTo("2008-02-01");
        r.path("case.children[0].cases[*].caseNumber").entityList(String.class).containsExactly("MC-T-001", "MC-T-003");
        r.path("case.children[0].phones[0].ads.edges[*].node.adId")
                .entityList(String.class)
                .containsExactly("AD-2");
        r.path("case.children[0].phones[0].ads.edges[0].evidence.recordId")
                .entity(String.class)
                .isEqualTo("AD-2");
        r.path("case.children[0].handles[0].handle").entity(String.class).isEqualTo("ana.l");
        // The suspect: the same person is an associate in another case.
        r.path("case.people[*].role").entityList(String.class).containsExactly("SUSPECT");
        r.path("case.people[0].evidence.source").entity(String.class).isEqualTo("test-fixture");
        r.path("case.people[0].evidence.recordId").entity(String.class).isEqualTo("MC-T-001");
        r.path("case.people[0].person.aliases")
                .entityList(String.class)
                .contains("JD", "Johnny D")
                .hasSize(2);
        r.path("case.people[0].person.associates[*].personId")
                .entityList(String.class)
                .containsExactly("P-22");
        r.path("case.people[0].person.cases[*].role").entityList(String.class).containsExactly("ASSOCIATE", "SUSPECT");
        r.path("case.people[0].person.cases[*].case.caseNumber")
                .entityList(String.class)
                .containsExactly("MC-T-002", "MC-T-001");
        r.path("case.people[0].person.phones[0].ads.totalCount")
                .entity(Integer.class)
                .isEqualTo(2);
        r.path("case.people[0].person.phones[0].ads.edges[*].node.adId")
                .entityList(String.class)
                .containsExactly("AD-2", "AD-1");
        r.path("case.people[0].person.phones[0].ads.edges[0].node.images[0].hash")
                .entity(String.class)
                .isEqualTo(Fixtures.IMAGE);
        r.path("case.people[0].person.phones[0].ads.edges[0].node.location.city")
                .entity(String.class)
                .isEqualTo("Baltimore");
        r.path("case.people[0].person.emails[0].ads.edges[*].node.adId")
                .entityList(String.class)
                .containsExactly("AD-3");
    }

    @Test
    void shouldReturnNullForAnUnknownCase() {
        graphQl.documentName("caseDetail")
                .variable("caseNumber", "MC-NOPE")
                .execute()
                .path("case")
                .valueIsNull();
    }

    @Test
    void shouldPageCasesNewestFirstWithStableCursors() {
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            var r = graphQl.documentName("casesPage")
                    .variable("first", 2)
                    .variable("after", after)
                    .execute();
            r.path("cases.totalCount").entity(Integer.class).isEqualTo(3);
            seen.addAll(r.path("cases.edges[*].node.caseNumber")
                    .entityList(String.class)
                    .get());
            boolean more =
                    r.path("cases.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = more
                    ? r.path("cases.pageInfo.endCursor").entity(String.class).get()
                    : null;
        } while (after != null);
        assertThat(seen).containsExactly("MC-T-002", "MC-T-001", "MC-T-003");
    }

    @Test
    void shouldFilterCases() {
        assertThat(caseNumbers(Map.of("status", List.of("OPEN")))).containsExactly("MC-T-002", "MC-T-001");
        assertThat(caseNumbers(Map.of("type", List.of("CST_TIP", "RUNAWAY")))).containsExactly("MC-T-001", "MC-T-003");
        assertThat(caseNumbers(Map.of("agency", "AGENCY-B"))).containsExactly("MC-T-002");
        assertThat(caseNumbers(Map.of("state", "va"))).containsExactly("MC-T-001", "MC-T-003");
        assertThat(caseNumbers(Map.of("reportedFrom", "2024-01-01T00:00:00Z", "reportedTo", "2024-02-01T00:00:00Z")))
                .containsExactly("MC-T-001");
        assertThat(caseNumbers(Map.of("agency", "AGENCY-A", "status", List.of("RECOVERED"))))
                .containsExactly("MC-T-003");
    }

    @Test
    void shouldRefuseACursorItDidNotIssue() {
        graphQl.documentName("casesPage")
                .variable("first", 2)
                .variable("after", "bm90IGEgY3Vyc29y")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(
                                e -> assertThat(e.getMessage()).isEqualTo("after: not a cursor issued by this API")));
    }

    @Test
    void shouldRefuseAnOversizedPage() {
        graphQl.documentName("casesPage")
                .variable("first", 1000)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getMessage()).isEqualTo("first: must be between 0 and 100");
                    assertThat(e.getExtensions()).containsEntry("field", "first");
                }));
    }

    private List<String> caseNumbers(Map<String, Object> filter) {
        return graphQl.documentName("casesPage")
                .variable("first", 10)
                .variable("filter", filter)
                .execute()
                .path("cases.edges[*].node.caseNumber")
                .entityList(String.class)
                .get();
    }
}
