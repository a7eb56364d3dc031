package org.caselink.people;

import org.caselink.model.Entity;
import org.caselink.model.Person;
import org.caselink.write.Inputs.ContactsInput;
import org.caselink.write.Inputs.EvidenceInput;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code contactsAdd} and {@code peopleLink}: the deprecated {@code addContacts} and
 * {@code linkPeople} of {@link PeopleMutations} in the schema's convention (an input object in, a
 * payload out), with the same checks, provenance and audit.
 */
@Controller
class PeoplePayloadMutations {

    record ContactsAddInput(
            String ownerId,
            ContactsInput contacts,
            @Nullable EvidenceInput evidence) {}

    record PeopleLinkInput(String from, String to, @Nullable EvidenceInput evidence) {}

    record ContactsAddPayload(Entity owner) {}

    record PeopleLinkPayload(Person person) {}

    private final PeopleMutations mutations;

    PeoplePayloadMutations(PeopleMutations mutations) {
        this.mutations = mutations;
    }

    @MutationMapping
    ContactsAddPayload contactsAdd(@Argument ContactsAddInput input) {
        return new ContactsAddPayload(mutations.addContacts(input.ownerId(), input.contacts(), input.evidence()));
    }

    @MutationMapping
    PeopleLinkPayload peopleLink(@Argument PeopleLinkInput input) {
        return new PeopleLinkPayload(mutations.linkPeople(input.from(), input.to(), input.evidence()));
    }
}
