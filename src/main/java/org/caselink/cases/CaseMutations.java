package org.caselink.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.graphql.InvalidInputException;
import org.caselink.graphql.Lookup;
import org.caselink.model.Case;
import org.caselink.model.CaseStatus;
import org.caselink.model.CaseType;
import org.caselink.model.Child;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.caselink.model.Person;
import org.caselink.model.Role;
import org.caselink.write.GraphWriter;
import org.caselink.write.Inputs.ContactsInput;
import org.caselink.write.Inputs.EvidenceInput;
import org.caselink.write.Inputs.HandleInput;
import org.caselink.write.Inputs.LocationInput;
import org.caselink.write.Provenance;
import org.caselink.write.Rows.CaseRow;
import org.caselink.write.Rows.ChildRow;
import org.caselink.write.Rows.Contact;
import org.caselink.write.Rows.ContactRow;
import org.caselink.write.Rows.PersonRow;
import org.caselink.write.Rows.PlaceRow;
import org.caselink.write.Validate;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Writes to cases. Every mutation validates all of its input first, then writes in one
 * transaction: a refused mutation leaves nothing behind.
 */
@Controller
class CaseMutations {

    private static final String CREATE = CypherFiles.query("cases/create");
    private static final String UPDATE = CypherFiles.query("cases/update");

    record CreateCaseInput(
            String caseNumber,
            CaseType type,
            @Nullable CaseStatus status,
            OffsetDateTime reportedAt,
            String agency,
            @Nullable String state,
            @Nullable String summary,
            @Nullable List<String> phones,
            @Nullable List<String> emails,
            @Nullable List<HandleInput> handles,
            @Nullable List<LocationInput> lastSeen,
            @Nullable EvidenceInput evidence) {}

    record UpdateCaseInput(
            @Nullable CaseType type,
            @Nullable CaseStatus status,
            @Nullable OffsetDateTime reportedAt,
            @Nullable String state,
            @Nullable String summary) {}

    record ChildInput(
            @Nullable String id,
            @Nullable String childId,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable LocalDate dob,
            @Nullable String sex,
            @Nullable ContactsInput contacts) {}

    record PersonInput(
            @Nullable String id,
            @Nullable String personId,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable List<String> aliases,
            @Nullable LocalDate dob,
            @Nullable ContactsInput contacts) {}

    private final Graph graph;
    private final GraphWriter writer;
    private final Lookup lookup;
    private final String region;

    private final org.caselink.security.Access access;

    CaseMutations(
            Graph graph,
            GraphWriter writer,
            Lookup lookup,
            org.caselink.security.Access access,
            org.caselink.normalize.PhoneProperties phone) {
        this.access = access;
        this.graph = graph;
        this.writer = writer;
        this.lookup = lookup;
        this.region = phone.defaultRegion();
    }

    @MutationMapping
    Case createCase(@Argument CreateCaseInput input) {
        Provenance ev = Validate.provenance("input.evidence", input.evidence(), "createCase", input);
        String number = Validate.code("input.caseNumber", input.caseNumber());
        CaseRow row = new CaseRow(
                number,
                input.type(),
                input.status() == null ? CaseStatus.OPEN : input.status(),
                Validate.instant("input.reportedAt", input.reportedAt()),
                Validate.code("input.agency", input.agency()),
                Validate.state("input.state", input.state()),
                Validate.text("input.summary", input.summary(), Validate.TEXT_MAX),
                ev);
        List<ContactRow> contacts =
                Validate.contacts("input.", input.phones(), input.emails(), input.handles(), region).stream()
                        .map(c -> new ContactRow(EntityType.CASE, number, c, ev))
                        .toList();
        List<LocationInput> seen = Validate.list("input.lastSeen", input.lastSeen());
        List<PlaceRow> places = new ArrayList<>();
        for (int i = 0; i < seen.size(); i++) {
            String city = Validate.requiredText(
                    "input.lastSeen[" + i + "].city", seen.get(i).city(), Validate.NAME_MAX);
            String state = Validate.state(
                    "input.lastSeen[" + i + "].state", seen.get(i).state());
            if (state == null) {
                throw new InvalidInputException("input.lastSeen[" + i + "].state", "is required");
            }
            places.add(new PlaceRow(EntityType.CASE, number, city, state, ev));
        }
        try {
            graph.inWriteTransaction(tx -> {
                // CREATE, not a check then MERGE: the uniqueness constraint settles concurrent creates.
                tx.run(CREATE, Map.of("n", number));
                writer.cases(tx, List.of(row));
                writer.contacts(tx, contacts);
                writer.places(tx, places);
                return null;
            });
        } catch (RuntimeException e) {
            if (Graph.isUniquenessViolation(e)) {
                throw new InvalidInputException("input.caseNumber", "case " + number + " already exists");
            }
            throw e;
        }
        return existingCase("input.caseNumber", number);
    }

    @MutationMapping
    Case updateCase(@Argument String caseNumber, @Argument UpdateCaseInput input) {
        Case current = existingCase("caseNumber", caseNumber);
        Map<String, Object> p = new HashMap<>();
        p.put("n", current.caseNumber());
        p.put("type", input.type() == null ? null : input.type().name());
        p.put("status", input.status() == null ? null : input.status().name());
        p.put("reportedAt", Validate.optionalInstant("input.reportedAt", input.reportedAt()));
        p.put("state", Validate.state("input.state", input.state()));
        p.put("summary", Validate.text("input.summary", input.summary(), Validate.TEXT_MAX));
        graph.write(UPDATE, p, r -> r);
        return existingCase("caseNumber", caseNumber);
    }

    @MutationMapping
    Child addChild(
            @Argument String caseNumber, @Argument ChildInput child, @Argument @Nullable EvidenceInput evidence) {
        Case kase = existingCase("caseNumber", caseNumber);
        Provenance ev = Validate.provenance("evidence", evidence, "addChild", kase.caseNumber(), child);
        String uid = existingUid(
                "child",
                child.id(),
                EntityType.CHILD,
                child.childId() != null
                        || child.firstName() != null
                        || child.lastName() != null
                        || child.dob() != null
                        || child.sex() != null);
        // Linking an existing child into a case would give need-to-know of the child to whoever is
        // assigned that case: only someone who already has it may do so.
        if (uid != null
                && !access.scope()
                        .knows(lookup.<Child>find(EntityType.CHILD, uid).orElseThrow())) {
            throw new InvalidInputException(
                    "child.id", "only a user with need-to-know of this child may add it to another case");
        }
        ChildRow row = new ChildRow(
                kase.caseNumber(),
                uid,
                Validate.optionalId("child.childId", child.childId()),
                Validate.text("child.firstName", child.firstName(), Validate.NAME_MAX),
                Validate.text("child.lastName", child.lastName(), Validate.NAME_MAX),
                Validate.dob("child.dob", child.dob()),
                Validate.text("child.sex", child.sex(), 20),
                ev);
        if (uid == null && row.firstName() == null && row.lastName() == null && row.childId() == null) {
            throw new InvalidInputException("child", "give the child's id, or at least a name or an external childId");
        }
        List<Contact> contacts = Validate.contacts("child.contacts.", child.contacts(), region);
        // However the child is named (external id, or name and date of birth), the same rule.
        var scope = access.scope();
        String written;
        try {
            written = graph.inWriteTransaction(tx -> {
                String id = writer.children(tx, List.of(row), scope::knowsChild).getFirst();
                writer.contacts(
                        tx,
                        contacts.stream()
                                .map(c -> new ContactRow(EntityType.CHILD, id, c, ev))
                                .toList());
                return id;
            });
        } catch (GraphWriter.ChildNotLinkable e) {
            throw new InvalidInputException("child", e.getMessage());
        }
        return lookup.<Child>find(EntityType.CHILD, written).orElseThrow();
    }

    @MutationMapping
    Person addPerson(
            @Argument String caseNumber,
            @Argument Role role,
            @Argument PersonInput person,
            @Argument @Nullable EvidenceInput evidence) {
        Case kase = existingCase("caseNumber", caseNumber);
        Provenance ev = Validate.provenance("evidence", evidence, "addPerson", kase.caseNumber(), role, person);
        String uid = existingUid(
                "person",
                person.id(),
                EntityType.PERSON,
                person.personId() != null
                        || person.firstName() != null
                        || person.lastName() != null
                        || person.dob() != null
                        || person.aliases() != null);
        if (uid == null && person.firstName() == null && person.lastName() == null && person.personId() == null) {
            throw new InvalidInputException(
                    "person", "give the person's id, or at least a name or an external personId");
        }
        List<String> aliases = new ArrayList<>();
        List<String> given = Validate.list("person.aliases", person.aliases());
        for (int i = 0; i < given.size(); i++) {
            String a = Validate.text("person.aliases[" + i + "]", given.get(i), Validate.NAME_MAX);
            if (a != null && !aliases.contains(a)) {
                aliases.add(a);
            }
        }
        PersonRow row = new PersonRow(
                kase.caseNumber(),
                role,
                uid,
                Validate.optionalId("person.personId", person.personId()),
                Validate.text("person.firstName", person.firstName(), Validate.NAME_MAX),
                Validate.text("person.lastName", person.lastName(), Validate.NAME_MAX),
                aliases,
                Validate.dob("person.dob", person.dob()),
                ev);
        if (uid == null && row.firstName() == null && row.lastName() == null && row.personId() == null) {
            throw new InvalidInputException(
                    "person", "give the person's id, or at least a name or an external personId");
        }
        List<Contact> contacts = Validate.contacts("person.contacts.", person.contacts(), region);
        String written = graph.inWriteTransaction(tx -> {
            String id = writer.persons(tx, List.of(row)).getFirst();
            writer.contacts(
                    tx,
                    contacts.stream()
                            .map(c -> new ContactRow(EntityType.PERSON, id, c, ev))
                            .toList());
            return id;
        });
        return lookup.<Person>find(EntityType.PERSON, written).orElseThrow();
    }

    private Case existingCase(String field, String caseNumber) {
        return lookup.<Case>find(EntityType.CASE, Validate.codeKey(caseNumber))
                .orElseThrow(() -> new InvalidInputException(field, "no case " + Validate.codeKey(caseNumber)));
    }

    /** The uid behind {@code id}, which must name an existing node of {@code type}; null when no id was given. */
    private @Nullable String existingUid(String field, @Nullable String id, EntityType type, boolean detailsGiven) {
        if (id == null) {
            return null;
        }
        if (detailsGiven) {
            throw new InvalidInputException(field, "give either an existing id or the details of a new one, not both");
        }
        return lookup.<Entity>find(id, type)
                .map(Entity::key)
                .orElseThrow(() -> new InvalidInputException(
                        field + ".id", "no " + type.label().toLowerCase(java.util.Locale.ROOT) + " with this id"));
    }
}
