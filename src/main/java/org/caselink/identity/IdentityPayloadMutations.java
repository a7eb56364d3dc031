package org.caselink.identity;

import org.caselink.identity.IdentityController.IdentityDecision;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code identityDecide}: the deprecated {@code decideIdentity} of {@link IdentityController} with
 * an input object and a payload; the same checks, history and audit.
 */
@Controller
class IdentityPayloadMutations {

    record IdentityDecideInput(String id, IdentityDecision decision, String reason) {}

    record IdentityDecidePayload(IdentityController.IdentityProposal proposal) {}

    private final IdentityController identities;

    IdentityPayloadMutations(IdentityController identities) {
        this.identities = identities;
    }

    @MutationMapping
    IdentityDecidePayload identityDecide(@Argument IdentityDecideInput input) {
        return new IdentityDecidePayload(identities.decideIdentity(input.id(), input.decision(), input.reason()));
    }
}
