package org.caselink.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;

import org.caselink.HttpApi;
import org.caselink.StatementCounter;
import org.caselink.TestDatabase;
import org.caselink.db.Graph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API as deployed outside demo mode: no introspection, and (here) a tiny request rate, 5 a
 * minute. A context of its own, with a database of its own, closed after the class.
 */
@org.caselink.Slow
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "caselink.demo.enabled=false",
            "caselink.api.introspection=false",
            "caselink.api.rate-limit.requests-per-minute=5",
            "caselink.api.rate-limit.burst=5",
            "caselink.embedded.page-cache=32MB"
        })
@AutoConfigureGraphQlTester
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@org.springframework.security.test.context.support.WithMockUser(username = "test-analyst", roles = "ANALYST")
class LockedDownApiTests {

    private static final String COUNT = "{\"query\": \"{ cases(first: 1) { totalCount } }\"}";

    /** What an unexpected failure carries and a client must never see. */
    private static final String[] INTERNALS = {
        "MATCH",
        "4:0b1c2d3e:17",
        "Exception",
        "exception",
        "org.neo4j",
        "org.caselink",
        "java.",
        "TransactionTimedOut",
        "\tat "
    };

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerOwn(registry, "locked-down");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphQlTester graphQl;

    @MockitoSpyBean
    Graph graph;

    @Autowired
    StatementCounter statements;

    @Autowired
    FilterRegistrationBean<RateLimitFilter> rateLimit;

    private HttpApi api;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void freshBuckets() {
        rateLimit.getFilter().reset();
        api = new HttpApi(port);
    }

    @Test
    void introspectionIsOff() {
        graphQl.document("{ __schema { queryType { name } } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("introspection")));
        graphQl.document("{ __type(name: \"Case\") { fields { name } } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
    }

    @Test
    void aMisspeltFieldGetsNoSuggestionOfRealFieldNames() {
        graphQl.document("{ cases(first: 1) { edges { node { caseNumbr } } } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getMessage())
                                .contains("caseNumbr")
                                .doesNotContainIgnoringCase("did you mean")
                                .doesNotContain("caseNumber", "status", "reportedAt")));
    }

    /** A Neo4j failure whose message holds Cypher, an element id and a code, as the driver's do. */
    private void neo4jTimesOut() {
        var timeout = new ClientException(
                "Neo.ClientError.Transaction.TransactionTimedOut",
                "The transaction has been terminated: MATCH (c:Case) WHERE elementId(c) = '4:0b1c2d3e:17' RETURN c");
        doThrow(timeout).when(graph).read(anyString(), anyMap(), any());
    }

    @Test
    void aNeo4jFailureReachesTheClientMasked() {
        neo4jTimesOut();
        graphQl.document("{ cases(first: 1) { totalCount } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getMessage()).startsWith("INTERNAL_ERROR for ");
                    assertThat(e.getErrorType().toString()).isEqualTo("INTERNAL_ERROR");
                    assertThat(e.getMessage() + e.getExtensions() + e.getLocations())
                            .doesNotContain(INTERNALS);
                }));
    }

    @Test
    void anUnexpectedFailureReachesTheClientMasked() {
        doThrow(new IllegalStateException("broken at org.caselink.db.Graph: MATCH (n) RETURN n"))
                .when(graph)
                .read(anyString(), anyMap(), any());
        graphQl.document("{ cases(first: 1) { totalCount } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getMessage()).startsWith("INTERNAL_ERROR for ");
                    assertThat(e.getMessage() + e.getExtensions() + e.getLocations())
                            .doesNotContain(INTERNALS);
                }));
    }

    @Test
    void aNeo4jFailureOverHttpIsMaskedToo() throws Exception {
        neo4jTimesOut();
        var response = api.post("/graphql", COUNT);
        assertThat(response.statusCode()).isEqualTo(200);
        var error = json.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain(INTERNALS);
    }

    @Test
    void theSixthRequestInAMinuteIsRefusedWith429BeforeAnyCypherRuns() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(api.post("/graphql", COUNT).statusCode())
                    .as("request %d", i)
                    .isEqualTo(200);
        }
        long before = statements.count();
        var refused = api.post("/graphql", COUNT);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        var error = json.readTree(refused.body()).path("errors").get(0);
        assertThat(error.path("message").asString()).startsWith("too many requests: at most 5 a minute");
        assertThat(error.path("extensions").path("limit").asString()).isEqualTo("rate");
        assertThat(statements.count()).isEqualTo(before);
        assertThat(refused.body()).doesNotContain("Exception");
    }
}
