package org.caselink.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

@IntegrationTest
class SearchTests extends DatabaseProperties {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void load() {
        fixtures.load();
    }

    @Test
    void shouldFindPeopleByNameAndAlias() {
        var byName = graphQl.documentName("search")
                .variable("text", "John Doe")
                .variable("types", List.of("PERSON"))
                .execute();
        byName.path("search[0].node.personId").entity(String.class).isEqualTo("P-17");
        assertThat(byName.path("search[0].score").entity(Double.class).get()).isPositive();
        graphQl.documentName("search")
                .variable("text", "Johnny")
                .execute()
                .path("search[*].node.personId")
                .entityList(String.class)
                .containsExactly("P-17");
    }

    @Test
    void shouldSearchCasesAdsAndChildrenAndRankByScore() {
        var r = graphQl.documentName("search")
                .variable("text", "Baltimore")
                .variable("first", 10)
                .execute();
        r.path("search[*].node.adId")
                .entityList(String.class)
                .contains("AD-2", "AD-3")
                .hasSize(2);
        List<Double> scores = r.path("search[*].score").entityList(Double.class).get();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        graphQl.documentName("search")
                .variable("text", "MC-T-002")
                .variable("types", List.of("CASE"))
                .execute()
                .path("search[0].node.caseNumber")
                .entity(String.class)
                .isEqualTo("MC-T-002");
        graphQl.documentName("search")
                .variable("text", "Lopez")
                .variable("types", List.of("CHILD"))
                .execute()
                .path("search[*].node.childId")
                .entityList(String.class)
                .containsExactly("CH-1");
    }

    @Test
    void shouldTreatLuceneSyntaxAsText() {
        for (String text : List.of("*", "\"", "John AND", "(Doe", "name:John", "~", "\\")) {
            graphQl.documentName("search")
                    .variable("text", text)
                    .execute()
                    .errors()
                    .verify();
        }
        assertThat(SearchController.luceneTerms("a+b (c) name:x AND")).isEqualTo("a\\+b \\(c\\) name\\:x and");
    }
}
