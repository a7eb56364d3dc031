package org.caselink.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caselink.GraphQlAsserts.expectInputError;
import static org.caselink.GraphQlAsserts.firstHitId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.caselink.StatementCounter;
import org.caselink.db.Graph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** What a careless or hostile client can do, and what the API does about it. */
@IntegrationTest
class HardeningTests extends DatabaseProperties {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Graph graph;

    @Autowired
    StatementCounter statements;

    @BeforeEach
    void load() {
        fixtures.load();
    }

    private static Map<String, Object> newCase(String number, String agency) {
        return Map.of("caseNumber", number, "type", "RUNAWAY", "reportedAt", "2024-06-01T08:30:00Z", "agency", agency);
    }

    @Test
    void concurrentCreatesOfOneCaseNumberLetExactlyOneWin() throws Exception {
        List<Callable<GraphQlTester.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String agency = "AG-" + i;
            // Each thread signs in as the test's user (the security context is per thread).
            calls.add(new org.springframework.security.concurrent.DelegatingSecurityContextCallable<>(
                    () -> graphQl.documentName("createCase")
                            .variable("input", newCase("MC-RACE-1", agency))
                            .execute()));
        }
        int ok = 0;
        int refused = 0;
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var f : pool.invokeAll(calls)) {
                var errors = new ArrayList<String>();
                f.get().errors().satisfy(list -> list.forEach(e -> errors.add(e.getMessage())));
                if (errors.isEmpty()) {
                    ok++;
                } else {
                    assertThat(errors).containsExactly("input.caseNumber: case MC-RACE-1 already exists");
                    refused++;
                }
            }
        }
        assertThat(ok).isEqualTo(1);
        assertThat(refused).isEqualTo(7);
        assertThat(graph.read(
                        "MATCH (c:Case {caseNumber: 'MC-RACE-1'})-[:OWNED_BY]->(a) RETURN count(a) AS n",
                        Map.of(),
                        r -> r.get("n").asLong()))
                .containsExactly(1L);
    }

    @Test
    void anExplicitNullFirstMeansTheDefault() {
        graphQl.document("{ cases(first: null) { edges { node { caseNumber } } } }")
                .execute()
                .path("cases.edges")
                .entityList(Object.class)
                .hasSize(3);
        graphQl.document(
                        "query($f: Int) { ads(first: $f) { totalCount } search(text: \"Baltimore\", first: $f) { score } }")
                .variable("f", null)
                .execute()
                .path("ads.totalCount")
                .entity(Integer.class)
                .isEqualTo(3);
    }

    @Test
    void tooDeepAQueryIsRefusedBeforeAnyCypherRuns() {
        String deep =
                "{ cases(first: 1) { edges { node { people { person { cases { case { people { person { cases { case { people { person { cases { case { caseNumber } } } } } } } } } } } } } } } }";
        refusedBeforeAnyCypher(deep, e -> assertThat(e.getMessage()).containsIgnoringCase("depth"));
    }

    @Test
    void tooCostlyAQueryIsRefusedBeforeAnyCypherRuns() {
        String wide =
                "{ cases(first: 100) { edges { node { phones { ads(first: 100) { edges { node { phones { ads(first: 100) { edges { node { adId } } } } } } } } } } } }";
        refusedBeforeAnyCypher(wide, e -> assertThat(e.getMessage()).containsIgnoringCase("complexity"));
    }

    /**
     * Issue 15 item 8: an analysis field was priced as one field, so 30 aliased walks of eight
     * hops ran one after another. A walk now costs by its hops, and such a request is refused.
     */
    @Test
    void manyDeepWalksInOneRequestAreRefusedBeforeAnyCypherRuns() {
        String walks = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> " l" + i + ": linkedCases(caseNumber: \"MC-T-001\", maxHops: 8) { links { score } }")
                .collect(java.util.stream.Collectors.joining());
        refusedBeforeAnyCypher(
                "{" + walks + " }", e -> assertThat(e.getMessage()).containsIgnoringCase("complexity"));
        String neighbourhoods = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> " n" + i + ": neighbourhood(id: \"x" + i + "\", hops: 4) { truncated }")
                .collect(java.util.stream.Collectors.joining());
        refusedBeforeAnyCypher(
                "{" + neighbourhoods + " }", e -> assertThat(e.getMessage()).containsIgnoringCase("complexity"));
        // Four deep walks, or one with its default hops, are within the limit.
        String four = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> " l" + i + ": linkedCases(caseNumber: \"MC-T-001\", maxHops: 8) { truncated }")
                .collect(java.util.stream.Collectors.joining());
        graphQl.document("{" + four + " }").execute().errors().verify();
        graphQl.document("{ linkedCases(caseNumber: \"MC-T-001\") { truncated } }")
                .execute()
                .errors()
                .verify();
    }

    /** The one error of a refused document: it names the limit, and no Cypher ran for it. */
    private void refusedBeforeAnyCypher(String document, String limit, String inMessage) {
        refusedBeforeAnyCypher(document, e -> {
            assertThat(e.getMessage()).contains(inMessage);
            assertThat(e.getExtensions()).containsEntry("limit", limit);
        });
    }

    /** A refused document: one error, as {@code error} expects, and no Cypher ran for it. */
    private void refusedBeforeAnyCypher(
            String document, java.util.function.Consumer<org.springframework.graphql.ResponseError> error) {
        long before = statements.count();
        graphQl.document(document)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error::accept));
        assertThat(statements.count()).isEqualTo(before);
    }

    @Test
    void aQueryTwentyDeepIsRefusedBeforeAnyCypherRuns() {
        String deep = "{ cases(first: 1) { edges { node { "
                + "people { person { cases { case { ".repeat(4) + "caseNumber"
                + " } } } }".repeat(4) + " } } } }";
        refusedBeforeAnyCypher(deep, e -> assertThat(e.getMessage()).contains("depth exceeded 20 > 12"));
    }

    @Test
    void aHundredAliasesAreRefusedBeforeAnyCypherRuns() {
        var fields = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            fields.append(" c").append(i).append(": cases(first: 1) { totalCount }");
        }
        refusedBeforeAnyCypher("{" + fields + " }", "aliases", "more than 30");
    }

    @Test
    void aliasesInAFragmentCountEachTimeItIsSpread() {
        String twenty = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> "n" + i + ": caseNumber")
                .collect(java.util.stream.Collectors.joining(" "));
        refusedBeforeAnyCypher(
                "{ cases(first: 1) { edges { node { ...F } } } other: cases(first: 2) { edges { node { ...F } } } }"
                        + " fragment F on Case { " + twenty + " }",
                "aliases",
                "more than 30");
        graphQl.document("{ cases(first: 1) { edges { node { ...F } } } } fragment F on Case { " + twenty + " }")
                .execute()
                .path("cases.edges[0].node.n19")
                .entity(String.class)
                .satisfies(n -> assertThat(n).startsWith("MC-T-"));
    }

    @Test
    void thirtyAliasesAreAllowed() {
        var fields = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            fields.append(" t").append(i).append(": __typename");
        }
        graphQl.document("{" + fields + " }")
                .execute()
                .path("t29")
                .entity(String.class)
                .isEqualTo("Query");
    }

    @Test
    void anOversizedDocumentIsRefusedBeforeAnyCypherRuns() {
        String padded = "{ cases(first: 1) { totalCount } }" + "#".repeat(20_000);
        refusedBeforeAnyCypher(padded, "document-size", "the limit is 20000");
    }

    @Test
    void tooManyTokensAreRefusedBeforeAnyCypherRuns() {
        // 6,000 one-letter fields: 12,000 characters, within the size limit, past the token limit.
        refusedBeforeAnyCypher(
                "{ cases(first: 1) { totalCount } " + "a ".repeat(6_000) + "}", "tokens", "the limit is 5000");
        refusedBeforeAnyCypher(
                "{ cases(first: 1) { totalCount }" + ",".repeat(10_001) + " }",
                "whitespace-tokens",
                "the limit is 10000");
    }

    @Test
    void schemaIntrospectionAsGraphiqlSendsItIsNotHeldToTheLimits() {
        graphQl.document(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY)
                .execute()
                .path("__schema.queryType.name")
                .entity(String.class)
                .isEqualTo("Query");
    }

    @Test
    void impossibleOrImplausibleValuesAreRefused() {
        long[] before = fixtures.counts();
        graphQl.documentName("addChild")
                .variable("caseNumber", "MC-T-001")
                .variable("child", Map.of("firstName", "A", "dob", "2011-02-30"))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("2011-02-30")));
        expectInputError(
                graphQl.documentName("addChild")
                        .variable("caseNumber", "MC-T-001")
                        .variable("child", Map.of("firstName", "A", "dob", "2999-01-01"))
                        .execute(),
                "child.dob",
                null);
        expectInputError(
                graphQl.documentName("addChild")
                        .variable("caseNumber", "MC-T-001")
                        .variable("child", Map.of("firstName", "   ", "lastName", ""))
                        .execute(),
                "child",
                null);
        expectInputError(
                graphQl.documentName("addChild")
                        .variable("caseNumber", "MC-T-001")
                        .variable("child", Map.of("firstName", "An\u202Ena"))
                        .execute(),
                "child.firstName",
                null);
        expectInputError(
                graphQl.documentName("createCase")
                        .variable(
                                "input",
                                Map.of(
                                        "caseNumber",
                                        "MC-F-1",
                                        "type",
                                        "RUNAWAY",
                                        "reportedAt",
                                        "2999-01-01T00:00:00Z",
                                        "agency",
                                        "A"))
                        .execute(),
                "input.reportedAt",
                null);
        expectInputError(
                graphQl.documentName("createAd")
                        .variable(
                                "input",
                                Map.of(
                                        "adId",
                                        "AD-X",
                                        "site",
                                        "s",
                                        "postedAt",
                                        "2024-01-01T00:00:00Z",
                                        "url",
                                        "javascript:alert(1)"))
                        .execute(),
                "input.url",
                null);
        assertThat(fixtures.counts()).isEqualTo(before);
    }

    @Test
    void retryingAMutationAddsNoSecondEvidence() {
        var contacts = Map.of("phones", List.of("703 555 0177"));
        String ana = firstHitId(graphQl, "Lopez", "CHILD");
        graphQl.documentName("addContacts")
                .variable("ownerId", ana)
                .variable("contacts", contacts)
                .execute();
        long[] once = fixtures.counts();
        graphQl.documentName("addContacts")
                .variable("ownerId", ana)
                .variable("contacts", contacts)
                .execute();
        assertThat(fixtures.counts()).isEqualTo(once);
    }

    @Test
    void codesAndNamesAreMatchedWithoutRegardToCase() {
        graphQl.documentName("caseDetail")
                .variable("caseNumber", "mc-t-001")
                .execute()
                .path("case.caseNumber")
                .entity(String.class)
                .isEqualTo("MC-T-001");
        var r = graphQl.documentName("agencyCases")
                .variable("code", "agency-a")
                .variable("first", 1)
                .execute();
        r.path("agency.code").entity(String.class).isEqualTo("AGENCY-A");
        r.path("agency.cases.totalCount").entity(Integer.class).isEqualTo(2);
        r.path("agency.cases.edges[*].node.caseNumber").entityList(String.class).containsExactly("MC-T-001");
        r.path("location.city").entity(String.class).isEqualTo("Richmond");
        r.path("location.cases.totalCount").entity(Integer.class).isEqualTo(1);
        r.path("location.ads.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void anotherSpellingOfAKnownChildIsKeptAsAnAlias() {
        var r = graphQl.documentName("addChild")
                .variable("caseNumber", "MC-T-002")
                .variable("child", Map.of("childId", "CH-1", "firstName", "Anna", "lastName", "Lopes"))
                .execute();
        r.path("addChild.firstName").entity(String.class).isEqualTo("Ana");
        graphQl.document("{ search(text: \"Lopes\", types: [CHILD]) { node { ... on Child { childId aliases } } } }")
                .execute()
                .path("search[0].node.aliases")
                .entityList(String.class)
                .containsExactly("Anna Lopes");
    }
}
