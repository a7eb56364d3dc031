package org.caselink.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caselink.GraphQlAsserts.expectInputError;
import static org.caselink.GraphQlAsserts.firstHitId;

import java.util.List;
import java.util.Map;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Writes through GraphQL, and the promise that refused input writes nothing. */
@IntegrationTest
class MutationTests extends DatabaseProperties {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void load() {
        fixtures.load();
    }

    private static Map<String, Object> newCase(String number) {
        return Map.of(
                "caseNumber",
                number,
                "type",
                "RUNAWAY",
                "reportedAt",
                "2024-06-01T08:30:00Z",
                "agency",
                "AGENCY-C",
                "state",
                "nc",
                "summary",
                "Synthetic: left placement at night",
                "phones",
                List.of("(704) 555-0123", "704.555.0123"),
                "emails",
                List.of("Tips@Example.ORG"),
                "handles",
                List.of(Map.of("platform", "Snapchat", "handle", "@Sunny.Day")),
                "lastSeen",
                List.of(Map.of("city", "Charlotte", "state", "NC")));
    }

    @Test
    void shouldCreateACaseWithNormalisedContacts() {
        var r = graphQl.documentName("createCase")
                .variable("input", newCase("MC-N-100"))
                .execute();
        r.path("createCase.caseNumber").entity(String.class).isEqualTo("MC-N-100");
        r.path("createCase.status").entity(String.class).isEqualTo("OPEN");
        r.path("createCase.state").entity(String.class).isEqualTo("NC");
        r.path("createCase.agency.code").entity(String.class).isEqualTo("AGENCY-C");
        r.path("createCase.phones[*].e164").entityList(String.class).containsExactly("+17045550123");
        r.path("createCase.emails[*].address").entityList(String.class).containsExactly("tips@example.org");
        r.path("createCase.handles[0].platform").entity(String.class).isEqualTo("snapchat");
        r.path("createCase.handles[0].handle").entity(String.class).isEqualTo("sunny.day");
        r.path("createCase.locations[0].city").entity(String.class).isEqualTo("Charlotte");
    }

    @Test
    void shouldRefuseADuplicateCaseNumber() {
        long[] before = fixtures.counts();
        expectInputError(
                graphQl.documentName("createCase")
                        .variable("input", newCase("MC-T-001"))
                        .execute(),
                "input.caseNumber",
                "case MC-T-001 already exists");
        assertThat(fixtures.counts()).isEqualTo(before);
    }

    @Test
    void shouldRefuseBadInputNamingTheFieldAndWriteNothing() {
        long[] before = fixtures.counts();
        var badPhone = new java.util.HashMap<>(newCase("MC-N-101"));
        badPhone.put("phones", List.of("703 555 0100", "call me maybe"));
        expectInputError(
                graphQl.documentName("createCase").variable("input", badPhone).execute(),
                "input.phones[1]",
                "is not a valid phone number");

        var longSummary = new java.util.HashMap<>(newCase("MC-N-102"));
        longSummary.put("summary", "x".repeat(20_001));
        expectInputError(
                graphQl.documentName("createCase")
                        .variable("input", longSummary)
                        .execute(),
                "input.summary",
                "is longer than 20000 characters");

        var badHandle = new java.util.HashMap<>(newCase("MC-N-103"));
        badHandle.put("handles", List.of(Map.of("platform", "snapchat", "handle", "no spaces allowed")));
        expectInputError(
                graphQl.documentName("createCase").variable("input", badHandle).execute(),
                "input.handles[0].handle",
                null);

        var badNumber = new java.util.HashMap<>(newCase("MC N 104 ; DROP"));
        expectInputError(
                graphQl.documentName("createCase").variable("input", badNumber).execute(), "input.caseNumber", null);

        var unknownEnum = new java.util.HashMap<>(newCase("MC-N-105"));
        unknownEnum.put("type", "SHOPLIFTING");
        graphQl.documentName("createCase")
                .variable("input", unknownEnum)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("SHOPLIFTING", "CaseType")));

        expectInputError(
                graphQl.documentName("addChild")
                        .variable("caseNumber", "MC-NOPE")
                        .variable("child", Map.of("firstName", "Zed"))
                        .execute(),
                "caseNumber",
                "no case MC-NOPE");
        expectInputError(
                graphQl.documentName("addChild")
                        .variable("caseNumber", "MC-T-001")
                        .variable("child", Map.of("id", GlobalId.of(EntityType.CHILD, "no-such-uid")))
                        .execute(),
                "child.id",
                null);
        expectInputError(
                graphQl.documentName("addChild")
                        .variable("caseNumber", "MC-T-001")
                        .variable(
                                "child",
                                Map.of("firstName", "Zed", "contacts", Map.of("emails", List.of("not-an-email"))))
                        .execute(),
                "child.contacts.emails[0]",
                "is not a valid email address");

        assertThat(fixtures.counts()).as("nothing written by refused mutations").isEqualTo(before);
        graphQl.documentName("caseDetail")
                .variable("caseNumber", "MC-N-101")
                .execute()
                .path("case")
                .valueIsNull();
    }

    @Test
    void shouldAddAChildResolvingAnExistingOneByItsIdOnly() {
        // Same external id as Ana in the fixtures: the same node, now subject of a third case.
        var r = graphQl.documentName("addChild")
                .variable("caseNumber", "MC-T-002")
                .variable("child", Map.of("childId", "CH-1", "contacts", Map.of("phones", List.of("703-555-0177"))))
                .variable("evidence", Map.of("source", "intake-call", "recordId", "IC-9"))
                .execute();
        r.path("addChild.firstName").entity(String.class).isEqualTo("Ana");
        r.path("addChild.cases[*].caseNumber")
                .entityList(String.class)
                .containsExactly("MC-T-002", "MC-T-001", "MC-T-003");
        r.path("addChild.phones[*].e164").entityList(String.class).containsExactly(Fixtures.ANA_PHONE, "+17035550177");
        // Same name and date of birth, no external id: a child of its own (two different children can
        // share both); the refresh after an import proposes them as one, for an analyst to decide.
        graphQl.documentName("addChild")
                .variable("caseNumber", "MC-T-001")
                .variable("child", Map.of("firstName", "bea", "lastName", "KING", "dob", "2009-06-15"))
                .execute()
                .path("addChild.childId")
                .valueIsNull()
                .path("addChild.cases[*].caseNumber")
                .entityList(String.class)
                .containsExactly("MC-T-001");
    }

    @Test
    void shouldAddAPersonInARoleAndLinkPeople() {
        var r = graphQl.documentName("addPerson")
                .variable("caseNumber", "MC-T-003")
                .variable("role", "SUSPECT")
                .variable(
                        "person",
                        Map.of(
                                "personId",
                                "P-99",
                                "firstName",
                                "Carl",
                                "lastName",
                                "Vance",
                                "aliases",
                                List.of("CV"),
                                "contacts",
                                Map.of("phones", List.of("+1 (404) 555-0111"), "emails", List.of("CARL@example.com"))))
                .execute();
        r.path("addPerson.personId").entity(String.class).isEqualTo("P-99");
        r.path("addPerson.cases[0].role").entity(String.class).isEqualTo("SUSPECT");
        r.path("addPerson.cases[0].case.caseNumber").entity(String.class).isEqualTo("MC-T-003");
        r.path("addPerson.cases[0].evidence.source").entity(String.class).isEqualTo("graphql-api");
        r.path("addPerson.phones[*].e164").entityList(String.class).containsExactly("+14045550111");
        r.path("addPerson.emails[*].address").entityList(String.class).containsExactly("carl@example.com");
        String carl = r.path("addPerson.id").entity(String.class).get();

        String john = graphQl.documentName("caseDetail")
                .variable("caseNumber", "MC-T-001")
                .execute()
                .path("case.people[0].person")
                .entity(Map.class)
                .get()
                .get("personId")
                .toString();
        assertThat(john).isEqualTo("P-17");
        String johnId = firstHitId(graphQl, "John Doe", "PERSON");
        var linked = graphQl.documentName("linkPeople")
                .variable("from", carl)
                .variable("to", johnId)
                .execute();
        linked.path("linkPeople.associates[*].personId")
                .entityList(String.class)
                .containsExactly("P-17");
        expectInputError(
                graphQl.documentName("linkPeople")
                        .variable("from", carl)
                        .variable("to", carl)
                        .execute(),
                "to",
                null);
    }

    @Test
    void shouldAddContactsToAnyOwnerAndCreateAds() {
        String johnId = firstHitId(graphQl, "John", "PERSON");
        var c = graphQl.documentName("addContacts")
                .variable("ownerId", johnId)
                .variable("contacts", Map.of("handles", List.of(Map.of("platform", "Telegram", "handle", "@JDoe"))))
                .execute();
        c.path("addContacts.__typename").entity(String.class).isEqualTo("Person");
        c.path("addContacts.handles[*].handle").entityList(String.class).containsExactly("jdoe");

        var ad = graphQl.documentName("createAd")
                .variable(
                        "input",
                        Map.of(
                                "adId",
                                "AD-9",
                                "site",
                                "example-classifieds",
                                "postedAt",
                                "2024-03-01T21:00:00Z",
                                "city",
                                "Richmond",
                                "state",
                                "VA",
                                "title",
                                "new in town",
                                "body",
                                "call me",
                                "phones",
                                List.of("703 555 0199"),
                                "imageHashes",
                                List.of("A1B2C3D4E5F60718")))
                .execute();
        ad.path("createAd.phones[0].e164").entity(String.class).isEqualTo(Fixtures.JOHN_PHONE);
        ad.path("createAd.phones[0].ads.totalCount").entity(Integer.class).isEqualTo(3);
        ad.path("createAd.images[*].hash").entityList(String.class).containsExactly(Fixtures.IMAGE);
        ad.path("createAd.location.city").entity(String.class).isEqualTo("Richmond");

        expectInputError(
                graphQl.documentName("createAd")
                        .variable(
                                "input",
                                Map.of(
                                        "adId",
                                        "AD-10",
                                        "site",
                                        "x",
                                        "postedAt",
                                        "2024-03-01T21:00:00Z",
                                        "imageHashes",
                                        List.of("xyz")))
                        .execute(),
                "input.imageHashes[0]",
                "must be a 64-bit hash as 16 hex digits");
    }

    @Test
    void shouldUpdateOnlyTheFieldsGiven() {
        var r = graphQl.documentName("updateCase")
                .variable("caseNumber", "MC-T-001")
                .variable("input", Map.of("status", "RECOVERED"))
                .execute();
        r.path("updateCase.status").entity(String.class).isEqualTo("RECOVERED");
        r.path("updateCase.type").entity(String.class).isEqualTo("RUNAWAY");
        r.path("updateCase.summary").entity(String.class).isEqualTo("Synthetic test case MC-T-001");
    }
}
