package org.caselink.cases;

import org.caselink.cases.CaseMutations.ChildInput;
import org.caselink.cases.CaseMutations.CreateCaseInput;
import org.caselink.cases.CaseMutations.PersonInput;
import org.caselink.cases.CaseMutations.UpdateCaseInput;
import org.caselink.model.Case;
import org.caselink.model.Child;
import org.caselink.model.Person;
import org.caselink.model.Role;
import org.caselink.write.Inputs.EvidenceInput;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The case mutations in the schema's one convention: one input object in, one payload out
 * ({@code caseCreate}, {@code caseUpdate}, {@code caseAddChild}, {@code caseAddPerson}). Each is
 * the deprecated positional mutation of {@link CaseMutations} it replaces, with the same checks,
 * provenance and audit, so a partner moving over gets exactly what it had.
 */
@Controller
class CasePayloadMutations {

    record CaseUpdateInput(String caseNumber, UpdateCaseInput changes) {}

    record CaseAddChildInput(
            String caseNumber, ChildInput child, @Nullable EvidenceInput evidence) {}

    record CaseAddPersonInput(
            String caseNumber,
            Role role,
            PersonInput person,
            @Nullable EvidenceInput evidence) {}

    record CaseAddChildPayload(Child child) {}

    record CaseAddPersonPayload(Person person) {}

    private final CaseMutations mutations;

    CasePayloadMutations(CaseMutations mutations) {
        this.mutations = mutations;
    }

    /** {@code CaseCreatePayload} and {@code CaseUpdatePayload}: their field is {@code case}, which Java cannot name. */
    record CasePayload(Case kase) {}

    @MutationMapping
    CasePayload caseCreate(@Argument CreateCaseInput input) {
        return new CasePayload(mutations.createCase(input));
    }

    @MutationMapping
    CasePayload caseUpdate(@Argument CaseUpdateInput input) {
        return new CasePayload(mutations.updateCase(input.caseNumber(), input.changes()));
    }

    @SchemaMapping(typeName = "CaseCreatePayload", field = "case")
    Case created(CasePayload payload) {
        return payload.kase();
    }

    @SchemaMapping(typeName = "CaseUpdatePayload", field = "case")
    Case updated(CasePayload payload) {
        return payload.kase();
    }

    @MutationMapping
    CaseAddChildPayload caseAddChild(@Argument CaseAddChildInput input) {
        return new CaseAddChildPayload(mutations.addChild(input.caseNumber(), input.child(), input.evidence()));
    }

    @MutationMapping
    CaseAddPersonPayload caseAddPerson(@Argument CaseAddPersonInput input) {
        return new CaseAddPersonPayload(
                mutations.addPerson(input.caseNumber(), input.role(), input.person(), input.evidence()));
    }
}
