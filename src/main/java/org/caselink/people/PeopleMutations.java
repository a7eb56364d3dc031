package org.caselink.people;

import java.util.List;
import org.caselink.db.Graph;
import org.caselink.graphql.InvalidInputException;
import org.caselink.graphql.Lookup;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.caselink.model.Person;
import org.caselink.write.GraphWriter;
import org.caselink.write.Inputs.ContactsInput;
import org.caselink.write.Inputs.EvidenceInput;
import org.caselink.write.Provenance;
import org.caselink.write.Rows.AssociationRow;
import org.caselink.write.Rows.ContactRow;
import org.caselink.write.Validate;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Links between people, and the contacts that anyone (or any case or ad) uses. */
@Controller
class PeopleMutations {

    private static final List<EntityType> CONTACT_OWNERS =
            List.of(EntityType.CHILD, EntityType.PERSON, EntityType.CASE, EntityType.AD);

    private final Graph graph;
    private final GraphWriter writer;
    private final Lookup lookup;
    private final String region;

    PeopleMutations(Graph graph, GraphWriter writer, Lookup lookup, org.caselink.normalize.PhoneProperties phone) {
        this.graph = graph;
        this.writer = writer;
        this.lookup = lookup;
        this.region = phone.defaultRegion();
    }

    @MutationMapping
    Entity addContacts(
            @Argument String ownerId, @Argument ContactsInput contacts, @Argument @Nullable EvidenceInput evidence) {
        Entity owner = lookup.find(ownerId)
                .filter(e -> CONTACT_OWNERS.contains(e.entityType()))
                .orElseThrow(() -> new InvalidInputException("ownerId", "no child, person, case or ad with this id"));
        Provenance ev = Validate.provenance("evidence", evidence, "addContacts", owner.getId(), contacts);
        var rows = Validate.contacts("contacts.", contacts, region).stream()
                .map(c -> new ContactRow(owner.entityType(), owner.key(), c, ev))
                .toList();
        if (rows.isEmpty()) {
            throw new InvalidInputException("contacts", "give at least one phone, email or handle");
        }
        graph.inWriteTransaction(tx -> {
            writer.contacts(tx, rows);
            return null;
        });
        return owner;
    }

    @MutationMapping
    Person linkPeople(@Argument String from, @Argument String to, @Argument @Nullable EvidenceInput evidence) {
        Person a = person("from", from);
        Person b = person("to", to);
        if (a.uid().equals(b.uid())) {
            throw new InvalidInputException("to", "a person cannot be linked to themselves");
        }
        Provenance ev = Validate.provenance("evidence", evidence, "linkPeople", a.uid(), b.uid());
        graph.inWriteTransaction(tx -> {
            writer.associations(tx, List.of(new AssociationRow(a.uid(), b.uid(), ev)));
            return null;
        });
        return a;
    }

    private Person person(String field, String id) {
        return lookup.<Person>find(id, EntityType.PERSON)
                .orElseThrow(() -> new InvalidInputException(field, "no person with this id"));
    }
}
