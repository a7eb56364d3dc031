package org.caselink.cases;

import java.time.OffsetDateTime;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.graphql.InvalidInputException;
import org.caselink.graphql.Lookup;
import org.caselink.model.Case;
import org.caselink.model.EntityType;
import org.caselink.model.Values;
import org.caselink.security.Access;
import org.caselink.write.Validate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A case manager's dated notes on a case: {@code caseAddNote} and {@code Case.notes}. Staff only,
 * like every write (security/Permissions), on a case the writer sees; a note is audited as the
 * mutation it is, and never shown to a partner (a staff-only field).
 */
@Controller
class CaseNotes {

    /** The longest note, in characters. */
    static final int MAX_TEXT = 4_000;

    /** The most notes one field returns. */
    static final int MAX_FIRST = 200;

    private static final String ADD = CypherFiles.query("cases/add-note");
    private static final String NOTES = CypherFiles.query("cases/notes");

    record CaseNote(String noteId, String text, String author, OffsetDateTime createdAt) {
        static CaseNote from(org.neo4j.driver.Value n) {
            return new CaseNote(
                    n.get("noteId").asString(),
                    n.get("text").asString(),
                    n.get("author").asString(),
                    Values.dateTime(n, "createdAt"));
        }
    }

    record CaseAddNoteInput(String caseNumber, String text) {}

    record CaseAddNotePayload(CaseNote note, Case kase) {}

    private final Graph graph;
    private final Lookup lookup;
    private final Access access;

    CaseNotes(Graph graph, Lookup lookup, Access access) {
        this.graph = graph;
        this.lookup = lookup;
        this.access = access;
    }

    @MutationMapping
    CaseAddNotePayload caseAddNote(@Argument CaseAddNoteInput input) {
        Case kase = lookup.<Case>find(EntityType.CASE, Validate.codeKey(input.caseNumber()))
                .orElseThrow(() -> new InvalidInputException(
                        "input.caseNumber", "no case " + Validate.codeKey(input.caseNumber())));
        String text = Validate.requiredText("input.text", input.text(), MAX_TEXT);
        CaseNote note = graph.write(
                        ADD,
                        Map.of(
                                "n",
                                kase.caseNumber(),
                                "text",
                                text,
                                "author",
                                access.viewer().user()),
                        r -> CaseNote.from(r.get("note")))
                .getFirst();
        return new CaseAddNotePayload(note, kase);
    }

    @SchemaMapping(typeName = "CaseAddNotePayload", field = "case")
    Case noted(CaseAddNotePayload payload) {
        return payload.kase();
    }

    @SchemaMapping(typeName = "Case", field = "notes")
    java.util.List<CaseNote> notes(Case kase, @Argument int first) {
        if (first < 1 || first > MAX_FIRST) {
            throw new InvalidInputException("first", "must be 1 to " + MAX_FIRST);
        }
        return graph.read(NOTES, Map.of("n", kase.caseNumber(), "first", first), r -> CaseNote.from(r.get("note")));
    }
}
