package org.caselink.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.caselink.StatementCounter;
import org.caselink.db.Graph;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.caselink.security.SignedIn;
import org.caselink.security.UserRole;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Issue 18, item 2: a root lookup and the relationships its selection asks for are one statement,
 * and the answers are those of the batched path, for every kind of user (the guard decides on the
 * same values either way; LeakSearchTests walks the schema on both paths).
 */
@IntegrationTest
class CompiledReadsTests extends DatabaseProperties {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Graph graph;

    @Autowired
    StatementCounter statements;

    @Autowired
    CompiledReads compiled;

    @Autowired
    ApiProperties api;

    private record User(
            String name, UserRole role, @Nullable String agency) {}

    private static final List<User> USERS = List.of(
            new User("cm-1", UserRole.CASE_MANAGER, null),
            new User("nobody", UserRole.ANALYST, null),
            new User("p-a", UserRole.LE_PARTNER, "AGENCY-A"),
            new User("p-b", UserRole.LE_PARTNER, "AGENCY-B"));

    private static final String PERSON = "personId firstName lastName aliases dob";

    /** Every registered relationship, each under a root that reaches it, nested, aliased and paged. */
    private List<String> documents() {
        String john = person("P-17");
        return List.of(
                "{ case(caseNumber: \"MC-T-001\") { caseNumber status agency { code name } children { childId firstName"
                        + " lastName dob redacted aliases cases { caseNumber } phones { e164 } emails { address }"
                        + " handles { handle } } people { role evidence { source recordId } person { " + PERSON
                        + " cases { role case { caseNumber state } } phones { e164 } emails { address } handles"
                        + " { handle } associates { personId } } } phones { e164 } emails { address } handles"
                        + " { handle } locations { city state } } }",
                "{ a: case(caseNumber: \"MC-T-002\") { caseNumber people { person { personId cases { case {"
                        + " caseNumber children { firstName lastName } } } } } } b: case(caseNumber: \"MC-T-003\") {"
                        + " caseNumber children { firstName } } none: case(caseNumber: \"MC-T-404\") { caseNumber"
                        + " children { firstName } } }",
                "{ phone(number: \"" + Fixtures.JOHN_PHONE + "\") { e164 people { " + PERSON + " } children {"
                        + " firstName } cases { caseNumber } ads(first: 1) { totalCount pageInfo { hasNextPage"
                        + " endCursor } edges { cursor evidence { source } node { adId postedAt phones { e164 }"
                        + " location { city } images { hash } } } } all: ads { totalCount edges { node { adId } }"
                        + " } } }",
                "{ phone(number: \"" + Fixtures.ANA_PHONE + "\") { ads(first: 5) { edges { node { adId emails {"
                        + " address } handles { handle } } } } } email(address: \"jd@example.com\") { people {"
                        + " personId } ads { totalCount edges { node { adId } } } } }",
                "{ agency(code: \"AGENCY-A\") { code cases(first: 1) { totalCount edges { node { caseNumber"
                        + " children { firstName } } } } } ad(adId: \"AD-2\") { adId phones { e164 cases {"
                        + " caseNumber } } location { city ads { totalCount } cases { totalCount } } images {"
                        + " hash ads { totalCount edges { node { adId } } } } } }",
                "{ person(id: \"" + john + "\") { " + PERSON + " cases { role case { caseNumber children {"
                        + " firstName lastName } phones { e164 } } } associates { personId cases { role } } } node(id: \""
                        + john + "\") { id ... on Person { personId phones { e164 ads { totalCount } } } } }",
                "{ case(caseNumber: \"MC-T-001\") { caseNumber phones { ads(first: 200) { totalCount } } } }",
                "{ location(city: \"Richmond\", state: \"VA\") { city cases { totalCount edges { node { caseNumber"
                        + " agency { code } } } } ads { totalCount } } }");
    }

    @BeforeEach
    void load() {
        fixtures.clear();
        fixtures.load();
        fixtures.assign("cm-1", "MC-T-001");
        // AGENCY-B's case last seen in Richmond too: each partner sees the place, and a page of
        // its cases where one is the other agency's (the page and its count leave it out).
        graph.write(
                "MATCH (:Case {caseNumber: 'MC-T-001'})-[seen:LAST_SEEN_IN]->(l:Location)"
                        + " MATCH (c:Case {caseNumber: 'MC-T-002'})"
                        + " CREATE (c)-[r:LAST_SEEN_IN]->(l) SET r = properties(seen), r.recordId = 'MC-T-002'",
                Map.of(),
                r -> r);
    }

    @AfterEach
    void compiledAgain() {
        compiled.enabled(api.compiledReads());
    }

    @Test
    void answersAreTheBatchedPathsForEveryUser() {
        List<String> checked = new ArrayList<>();
        for (User user : USERS) {
            for (String document : documents()) {
                Answer batched = answer(user, document, false);
                answer(user, document, true); // a shape's first ask goes batched
                Answer one = answer(user, document, true);
                assertThat(one).as("%s asks %s", user.name(), document).isEqualTo(batched);
                checked.add(user.name() + ": " + String.valueOf(batched.data()).length());
            }
        }
        // The answers hold data (a comparison of empty answers proves nothing).
        assertThat(answer(USERS.get(1), documents().getFirst(), true).data().toString())
                .contains("MC-T-001", "P-17", "AGENCY-A", "Richmond");
        assertThat(checked).hasSize(USERS.size() * documents().size());
    }

    @Test
    void aRootFieldAndItsRelationshipsAreOneStatement() {
        User analyst = USERS.get(1);
        String twoLevels = "{ case(caseNumber: \"MC-T-002\") { caseNumber agency { code } children { firstName }"
                + " people { role person { personId cases { role case { caseNumber } } phones { e164 } } } } }";
        String phoneAds = "{ phone(number: \"" + Fixtures.JOHN_PHONE
                + "\") { e164 ads(first: 20) { edges { node { adId city postedAt } } } } }";
        compiled.forget();
        assertThat(statementsFor(analyst, twoLevels, true))
                .as("the first ask of a shape: batched, the viewer's scope computed")
                .isGreaterThan(6);
        assertThat(statementsFor(analyst, twoLevels, true)).isEqualTo(1);
        assertThat(statementsFor(analyst, phoneAds, true)).as("a new shape").isEqualTo(2);
        assertThat(statementsFor(analyst, phoneAds, true)).isEqualTo(1);
        assertThat(statementsFor(analyst, twoLevels, false))
                .as("batched: the case, then agency, children, people, their cases and phones")
                .isEqualTo(6);
        assertThat(statementsFor(analyst, phoneAds, false)).isEqualTo(2);
        // Below the compiled depth each level is one batched statement, however many parents.
        String deeper = "{ case(caseNumber: \"MC-T-002\") { people { person { cases { case { children { firstName }"
                + " phones { e164 } } } } } } }";
        int depth = api.compiledDepth();
        long batchedBelow = (depth < 2 ? 1 : 0) + (depth < 3 ? 2 : 0); // the cases; their children and phones
        statementsFor(analyst, deeper, true);
        assertThat(statementsFor(analyst, deeper, true)).isEqualTo(1 + batchedBelow);
    }

    @Test
    void subqueriesRenameOnlyTheVariablesOfARel() {
        assertThat(CompiledReads.rename("(s)-[r:SUSPECT_IN|ASSOCIATE_IN]->(t:Case)", "t1", "r2", "t2"))
                .isEqualTo("(t1)-[r2:SUSPECT_IN|ASSOCIATE_IN]->(t2:Case)");
        assertThat(CompiledReads.rename("t.reportedAt DESC, t.caseNumber, type(r) DESC", "t1", "r2", "t2"))
                .isEqualTo("t2.reportedAt DESC, t2.caseNumber, type(r2) DESC");
        assertThat(CompiledReads.rename("($p_afterTime IS NULL OR t.postedAt < $p_afterTime)", "t0", "r1", "t1"))
                .isEqualTo("($p_afterTime IS NULL OR t1.postedAt < $p_afterTime)");
    }

    private long statementsFor(User user, String document, boolean compile) {
        long before = statements.count();
        answer(user, document, compile);
        return statements.count() - before;
    }

    private record Answer(@Nullable Object data, List<String> errors) {}

    private Answer answer(User user, String document, boolean compile) {
        compiled.enabled(compile);
        return SignedIn.as(user.name(), user.role(), user.agency(), () -> {
            var response = graphQl.document(document).execute().returnResponse();
            List<String> errors = new ArrayList<>();
            response.getErrors().forEach(e -> errors.add(e.getMessage() + " at " + e.getPath()));
            return new Answer(response.getData(), errors);
        });
    }

    private String person(String personId) {
        String uid = graph.read(
                        "MATCH (p:Person {personId: $id}) RETURN p.uid AS uid",
                        Map.of("id", personId),
                        r -> r.get("uid").asString())
                .getFirst();
        return GlobalId.of(EntityType.PERSON, uid);
    }
}
