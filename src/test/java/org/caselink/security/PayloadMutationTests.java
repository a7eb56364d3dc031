package org.caselink.security;

import static org.caselink.security.SecurityTests.as;

import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The mutations in the schema's one convention (an input object in, a payload out) do what the
 * deprecated ones they replace did, and are closed to exactly whom those were: a partner writes
 * nothing, only an admin shares or assigns (docs/api-changelog.md lists each pair).
 */
@IntegrationTest
class PayloadMutationTests extends DatabaseProperties {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void load() {
        fixtures.load();
    }

    private GraphQlTester.Response mutate(String document) {
        return graphQl.document(document).execute();
    }

    @Test
    void aCaseIsCreatedUpdatedAndGivenAChildAndAPersonThroughPayloads() {
        as("analyst-p", UserRole.ANALYST, null, () -> {
            mutate("mutation { caseCreate(input: {caseNumber: \"mc-p-1\", type: RUNAWAY,"
                            + " reportedAt: \"2024-06-01T08:30:00Z\", agency: \"AGENCY-C\", state: \"NC\"})"
                            + " { case { caseNumber status agency { code } } } }")
                    .path("caseCreate.case.caseNumber")
                    .entity(String.class)
                    .isEqualTo("MC-P-1")
                    .path("caseCreate.case.status")
                    .entity(String.class)
                    .isEqualTo("OPEN");
            mutate("mutation { caseUpdate(input: {caseNumber: \"MC-P-1\", changes: {status: RECOVERED}})"
                            + " { case { status } } }")
                    .path("caseUpdate.case.status")
                    .entity(String.class)
                    .isEqualTo("RECOVERED");
            mutate("mutation { caseAddChild(input: {caseNumber: \"MC-P-1\", child: {childId: \"CH-P-1\","
                            + " firstName: \"Dee\"}}) { child { childId } } }")
                    .path("caseAddChild.child.childId")
                    .entity(String.class)
                    .isEqualTo("CH-P-1");
            mutate(
                            "mutation { caseAddPerson(input: {caseNumber: \"MC-P-1\", role: SUSPECT, person: {personId:"
                                    + " \"P-P-1\", firstName: \"Rex\"}}) { person { personId cases { role case { caseNumber } } } } }")
                    .path("caseAddPerson.person.personId")
                    .entity(String.class)
                    .isEqualTo("P-P-1")
                    .path("caseAddPerson.person.cases[0].case.caseNumber")
                    .entity(String.class)
                    .isEqualTo("MC-P-1");
            return null;
        });
    }

    @Test
    void contactsPeopleAdsAndWatchesThroughPayloads() {
        as("analyst-p", UserRole.ANALYST, null, () -> {
            String john = mutate("{ case(caseNumber: \"MC-T-002\") { people { person { id personId } } } }")
                    .path("case.people[?(@.person.personId == 'P-17')].person.id")
                    .entityList(String.class)
                    .get()
                    .getFirst();
            String ray = mutate("mutation { caseAddPerson(input: {caseNumber: \"MC-T-002\", role: ASSOCIATE, person:"
                            + " {personId: \"P-P-2\", firstName: \"Ray\"}}) { person { id } } }")
                    .path("caseAddPerson.person.id")
                    .entity(String.class)
                    .get();
            mutate("mutation { contactsAdd(input: {ownerId: \"" + ray
                            + "\", contacts: {emails: [\"Ray@Example.org\"]}})"
                            + " { owner { id ... on Person { emails { address } } } } }")
                    .path("contactsAdd.owner.emails[*].address")
                    .entityList(String.class)
                    .containsExactly("ray@example.org");
            mutate("mutation { peopleLink(input: {from: \"" + ray + "\", to: \"" + john + "\"})"
                            + " { person { associates { personId } } } }")
                    .path("peopleLink.person.associates[*].personId")
                    .entityList(String.class)
                    .contains("P-17");
            mutate(
                            "mutation { adCreate(input: {adId: \"AD-P-1\", site: \"Example-Ads\","
                                    + " postedAt: \"2024-06-02T22:00:00Z\", phones: [\"704 555 0188\"]}) { ad { adId site } } }")
                    .path("adCreate.ad.site")
                    .entity(String.class)
                    .isEqualTo("example-ads");
            String watchId = mutate("mutation { watchCreate(input: {id: \"" + john + "\", hops: 1, note: \"p\"})"
                            + " { watch { id hops } } }")
                    .path("watchCreate.watch.hops")
                    .entity(Integer.class)
                    .isEqualTo(1)
                    .path("watchCreate.watch.id")
                    .entity(String.class)
                    .get();
            // A watch is a Node: node(id) finds it for staff (and not for a partner, below).
            mutate("{ node(id: \"" + watchId + "\") { __typename ... on Watch { hops note } } }")
                    .path("node.__typename")
                    .entity(String.class)
                    .isEqualTo("Watch")
                    .path("node.note")
                    .entity(String.class)
                    .isEqualTo("p");
            as(
                    "partner-b",
                    UserRole.LE_PARTNER,
                    "AGENCY-B",
                    () -> mutate("{ node(id: \"" + watchId + "\") { id } }")
                            .path("node")
                            .valueIsNull());
            mutate("mutation { watchDelete(input: {watchId: \"" + watchId + "\"}) { watchId deleted } }")
                    .path("watchDelete.deleted")
                    .entity(Boolean.class)
                    .isEqualTo(true);
            mutate("mutation { watchDelete(input: {watchId: \"" + watchId + "\"}) { deleted } }")
                    .path("watchDelete.deleted")
                    .entity(Boolean.class)
                    .isEqualTo(false);
            mutate("mutation { alertAcknowledge(input: {alertId: \"AL-none\"}) { alert { id } } }")
                    .errors()
                    .expect(e -> e.getMessage().contains("alert"))
                    .verify();
            return null;
        });
    }

    @Test
    void onlyAnAdminSharesAndAssignsThroughPayloads() {
        String share = "mutation { caseShare(input: {caseNumber: \"MC-T-001\", agency: \"agency-b\"})"
                + " { access { caseNumber sharedWith } } }";
        as(
                "analyst-p",
                UserRole.ANALYST,
                null,
                () -> mutate(share)
                        .errors()
                        .expect(e -> e.getErrorType().toString().equals("FORBIDDEN"))
                        .verify());
        as("admin-p", UserRole.ADMIN, null, () -> {
            mutate(share)
                    .path("caseShare.access.sharedWith")
                    .entityList(String.class)
                    .contains("AGENCY-B");
            mutate(
                            "mutation { caseAssign(input: {caseNumber: \"MC-T-001\", user: \"cm-p\"}) { access { assignedTo } } }")
                    .path("caseAssign.access.assignedTo")
                    .entityList(String.class)
                    .contains("cm-p");
            mutate(
                            "mutation { caseUnassign(input: {caseNumber: \"MC-T-001\", user: \"cm-p\"}) { access { assignedTo } } }")
                    .path("caseUnassign.access.assignedTo")
                    .entityList(String.class)
                    .doesNotContain("cm-p");
            mutate("mutation { caseUnshare(input: {caseNumber: \"MC-T-001\", agency: \"AGENCY-B\"})"
                            + " { access { sharedWith } } }")
                    .path("caseUnshare.access.sharedWith")
                    .entityList(String.class)
                    .doesNotContain("AGENCY-B");
            return null;
        });
    }

    /** Each new write, asked by a partner (the least-privileged user who could try): refused before it runs. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "mutation { caseCreate(input: {caseNumber: \"MC-X\", type: RUNAWAY, reportedAt: \"2024-06-01T08:30:00Z\","
                        + " agency: \"AGENCY-B\"}) { case { caseNumber } } }",
                "mutation { caseUpdate(input: {caseNumber: \"MC-T-002\", changes: {summary: \"x\"}}) { case { status } } }",
                "mutation { caseAddChild(input: {caseNumber: \"MC-T-002\", child: {firstName: \"X\"}}) { child { id } } }",
                "mutation { caseAddPerson(input: {caseNumber: \"MC-T-002\", role: SUSPECT, person: {firstName: \"X\"}})"
                        + " { person { id } } }",
                "mutation { contactsAdd(input: {ownerId: \"x\", contacts: {emails: [\"x@example.org\"]}}) { owner { id } } }",
                "mutation { peopleLink(input: {from: \"x\", to: \"y\"}) { person { id } } }",
                "mutation { adCreate(input: {adId: \"AD-X\", site: \"s\", postedAt: \"2024-06-02T22:00:00Z\"}) { ad { id } } }",
                "mutation { recordsImport(input: {records: []}) { report { read } } }",
                "mutation { identityDecide(input: {id: \"x\", decision: CONFIRM, reason: \"x\"}) { proposal { id } } }",
                "mutation { networksRefresh { refresh { networks } } }",
                "mutation { watchCreate(input: {id: \"x\"}) { watch { id } } }",
                "mutation { watchDelete(input: {watchId: \"x\"}) { deleted } }",
                "mutation { alertAcknowledge(input: {alertId: \"x\"}) { alert { id } } }",
                "mutation { caseShare(input: {caseNumber: \"MC-T-002\", agency: \"AGENCY-A\"}) { access { caseNumber } } }",
                "mutation { caseAssign(input: {caseNumber: \"MC-T-002\", user: \"x\"}) { access { caseNumber } } }"
            })
    void aPartnerCanUseNoneOfThem(String document) {
        long[] before = fixtures.counts();
        as(
                "partner-b",
                UserRole.LE_PARTNER,
                "AGENCY-B",
                () -> mutate(document)
                        .errors()
                        .expect(e -> e.getErrorType().toString().equals("FORBIDDEN"))
                        .verify());
        org.assertj.core.api.Assertions.assertThat(fixtures.counts()).isEqualTo(before);
    }
}
