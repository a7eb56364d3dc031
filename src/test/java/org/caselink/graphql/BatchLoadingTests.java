package org.caselink.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.caselink.StatementCounter;
import org.caselink.db.Graph;
import org.caselink.model.CaseStatus;
import org.caselink.model.CaseType;
import org.caselink.model.EntityType;
import org.caselink.model.Role;
import org.caselink.write.GraphWriter;
import org.caselink.write.Provenance;
import org.caselink.write.Rows.AdRow;
import org.caselink.write.Rows.CaseRow;
import org.caselink.write.Rows.ChildRow;
import org.caselink.write.Rows.Contact;
import org.caselink.write.Rows.ContactRow;
import org.caselink.write.Rows.PersonRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** No N+1: a list of cases with their children, people, phones and ads costs the same few statements at any length. */
@IntegrationTest
class BatchLoadingTests extends DatabaseProperties {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Graph graph;

    @Autowired
    StatementCounter statements;

    @Autowired
    GraphWriter writer;

    @BeforeEach
    void hundredCases() {
        fixtures.clear();
        List<CaseRow> cases = new ArrayList<>();
        List<ChildRow> children = new ArrayList<>();
        List<PersonRow> persons = new ArrayList<>();
        List<AdRow> ads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String n = String.format("MC-B-%03d", i);
            Provenance ev = new Provenance("test", n, null);
            cases.add(new CaseRow(
                    n,
                    CaseType.RUNAWAY,
                    CaseStatus.OPEN,
                    OffsetDateTime.parse("2024-01-01T00:00:00Z").plusHours(i),
                    "AG",
                    "VA",
                    null,
                    ev));
            children.add(new ChildRow(n, null, "CH-B-" + i, "Kid" + i, "Test", LocalDate.of(2008, 1, 1), "F", ev));
            persons.add(new PersonRow(n, Role.SUSPECT, null, "P-B-" + i, "Adult" + i, "Test", List.of(), null, ev));
            ads.add(new AdRow(
                    "AD-B-" + i,
                    "site",
                    null,
                    OffsetDateTime.parse("2024-02-01T00:00:00Z").plusHours(i),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    new Provenance("test", "AD-B-" + i, null)));
        }
        graph.inWriteTransaction(tx -> {
            writer.cases(tx, cases);
            List<String> kids = writer.children(tx, children);
            List<String> adults = writer.persons(tx, persons);
            writer.ads(tx, ads);
            List<ContactRow> contacts = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String phone = String.format("+1703555%04d", 1000 + i);
                String kidPhone = String.format("+1571555%04d", 1000 + i);
                Provenance ev = new Provenance("test", "C" + i, null);
                contacts.add(new ContactRow(EntityType.PERSON, adults.get(i), Contact.phone(phone), ev));
                contacts.add(new ContactRow(EntityType.CHILD, kids.get(i), Contact.phone(kidPhone), ev));
                contacts.add(new ContactRow(EntityType.AD, "AD-B-" + i, Contact.phone(phone), ev));
            }
            writer.contacts(tx, contacts);
            return null;
        });
    }

    @Test
    void statementsDoNotGrowWithTheNumberOfCases() {
        statementsFor(1); // the viewer's scope is computed once, then cached for a few seconds
        long ten = statementsFor(10);
        long hundred = statementsFor(100);
        // cases page, agency, children, children's phones, people, people's phones, those phones'
        // ads (the operation's audit event is not counted: see Graph.uncounted)
        assertThat(ten).isEqualTo(7);
        assertThat(hundred).isEqualTo(ten);
    }

    private long statementsFor(int first) {
        long before = statements.count();
        var r = graphQl.documentName("caseList").variable("first", first).execute();
        long used = statements.count() - before;
        r.path("cases.edges").entityList(Object.class).hasSize(first);
        r.path("cases.edges[0].node.people[0].person.phones[0].ads.totalCount")
                .entity(Integer.class)
                .isEqualTo(1);
        r.path("cases.edges[0].node.children[0].phones")
                .entityList(Object.class)
                .hasSize(1);
        return used;
    }
}
