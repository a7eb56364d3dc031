package org.caselink.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caselink.GraphQlAsserts.expectInputError;

import java.util.List;
import java.util.Map;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.caselink.security.SignedIn;
import org.caselink.security.UserRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** A case manager's dated notes: written by staff on a case they see, read by staff, never by a partner. */
@IntegrationTest
class CaseNotesTests extends DatabaseProperties {

    private static final String ADD = """
            mutation($n: String!, $text: String!) {
              caseAddNote(input: {caseNumber: $n, text: $text}) { note { text author createdAt } case { caseNumber } }
            }""";
    private static final String READ =
            "query($n: String!) { case(caseNumber: $n) { caseNumber notes { text author createdAt } } }";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void load() {
        fixtures.load();
    }

    private GraphQlTester.Response add(String caseNumber, String text) {
        return graphQl.document(ADD)
                .variable("n", caseNumber)
                .variable("text", text)
                .execute();
    }

    @Test
    void aCaseManagersNotesAreSignedDatedAndNewestFirst() {
        SignedIn.as("cm", UserRole.CASE_MANAGER, null, () -> {
            var first = add("mc-t-002", "  Called the placement: no news.  ");
            first.path("caseAddNote.note.text").entity(String.class).isEqualTo("Called the placement: no news.");
            first.path("caseAddNote.note.author").entity(String.class).isEqualTo("cm");
            first.path("caseAddNote.case.caseNumber").entity(String.class).isEqualTo("MC-T-002");
            add("MC-T-002", "Second note").errors().verify();
            return null;
        });
        List<String> texts = graphQl.document(READ)
                .variable("n", "MC-T-002")
                .execute()
                .path("case.notes[*].text")
                .entityList(String.class)
                .get();
        assertThat(texts).containsExactly("Second note", "Called the placement: no news.");
        graphQl.document(READ)
                .variable("n", "MC-T-002")
                .execute()
                .path("case.notes[0].createdAt")
                .hasValue();
        graphQl.document(READ)
                .variable("n", "MC-T-001")
                .execute()
                .path("case.notes")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void aNoteNeedsTextAndACaseInSight() {
        long[] before = fixtures.counts();
        expectInputError(add("MC-T-001", "   "), "input.text", null);
        expectInputError(add("MC-T-001", "x".repeat(CaseNotes.MAX_TEXT + 1)), "input.text", null);
        expectInputError(add("MC-NOPE-1", "text"), "input.caseNumber", null);
        assertThat(fixtures.counts()).isEqualTo(before);
    }

    /** A partner whose agency owns the case may neither write a note nor read one. */
    @Test
    void aPartnerNeitherWritesNorReadsNotes() {
        add("MC-T-002", "Staff only: placement contact details").errors().verify();
        SignedIn.as("partner-b", UserRole.LE_PARTNER, "AGENCY-B", () -> {
            add("MC-T-002", "a partner's note")
                    .errors()
                    .expect(e -> String.valueOf(e.getErrorType()).equals("FORBIDDEN"))
                    .verify();
            var read = graphQl.document(READ).variable("n", "MC-T-002").execute();
            read.path("case.caseNumber").entity(String.class).isEqualTo("MC-T-002");
            read.path("case.notes").entityList(Map.class).hasSize(0);
            return null;
        });
        List<String> texts = graphQl.document(READ)
                .variable("n", "MC-T-002")
                .execute()
                .path("case.notes[*].text")
                .entityList(String.class)
                .get();
        assertThat(texts).containsExactly("Staff only: placement contact details");
    }
}
