package org.caselink.ads;

import static org.assertj.core.api.Assertions.assertThat;

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
class AdQueryTests extends DatabaseProperties {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void load() {
        fixtures.load();
    }

    @Test
    void shouldListAdsNewestFirstBreakingTiesByAdId() {
        var r = graphQl.documentName("adsPage").variable("first", 2).execute();
        r.path("ads.totalCount").entity(Integer.class).isEqualTo(3);
        r.path("ads.edges[*].node.adId").entityList(String.class).containsExactly("AD-2", "AD-3");
        String cursor = r.path("ads.pageInfo.endCursor").entity(String.class).get();
        var next = graphQl.documentName("adsPage")
                .variable("first", 2)
                .variable("after", cursor)
                .execute();
        next.path("ads.edges[*].node.adId").entityList(String.class).containsExactly("AD-1");
        next.path("ads.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void shouldFilterAds() {
        assertThat(adIds(Map.of("city", "baltimore"))).containsExactly("AD-2", "AD-3");
        assertThat(adIds(Map.of("state", "VA"))).containsExactly("AD-1");
        assertThat(adIds(Map.of("site", "example-classifieds"))).hasSize(3);
        assertThat(adIds(Map.of("site", "elsewhere"))).isEmpty();
        assertThat(adIds(Map.of("postedFrom", "2024-01-13T00:00:00Z"))).containsExactly("AD-2", "AD-3");
        assertThat(adIds(Map.of("postedTo", "2024-01-13T00:00:00Z"))).containsExactly("AD-1");
    }

    @Test
    void shouldFindTheNumberInAnyCommonFormat() {
        for (String written :
                List.of("(703) 555-0199", "703.555.0199", "+1 703 555 0199", "7035550199", "+17035550199")) {
            var r = graphQl.documentName("phoneAds")
                    .variable("number", written)
                    .variable("first", 10)
                    .execute();
            r.path("phone.e164").entity(String.class).isEqualTo(Fixtures.JOHN_PHONE);
            r.path("phone.national").entity(String.class).isEqualTo("(703) 555-0199");
            r.path("phone.region").entity(String.class).isEqualTo("US");
            r.path("phone.ads.edges[*].node.adId").entityList(String.class).containsExactly("AD-2", "AD-1");
            r.path("phone.people[*].personId").entityList(String.class).containsExactly("P-17");
        }
    }

    @Test
    void shouldPageAPhonesAds() {
        var first = graphQl.documentName("phoneAds")
                .variable("number", Fixtures.JOHN_PHONE)
                .variable("first", 1)
                .execute();
        first.path("phone.ads.totalCount").entity(Integer.class).isEqualTo(2);
        first.path("phone.ads.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        first.path("phone.ads.edges[*].node.adId").entityList(String.class).containsExactly("AD-2");
        String cursor =
                first.path("phone.ads.pageInfo.endCursor").entity(String.class).get();
        var second = graphQl.documentName("phoneAds")
                .variable("number", Fixtures.JOHN_PHONE)
                .variable("first", 1)
                .variable("after", cursor)
                .execute();
        second.path("phone.ads.edges[*].node.adId").entityList(String.class).containsExactly("AD-1");
        second.path("phone.ads.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void shouldFindNothingForAnInvalidOrUnknownNumber() {
        graphQl.documentName("phoneAds")
                .variable("number", "not a phone")
                .variable("first", 1)
                .execute()
                .path("phone")
                .valueIsNull();
        graphQl.documentName("phoneAds")
                .variable("number", "(703) 555-0111")
                .variable("first", 1)
                .execute()
                .path("phone")
                .valueIsNull();
    }

    private List<String> adIds(Map<String, Object> filter) {
        return graphQl.documentName("adsPage")
                .variable("first", 10)
                .variable("filter", filter)
                .execute()
                .path("ads.edges[*].node.adId")
                .entityList(String.class)
                .get();
    }
}
