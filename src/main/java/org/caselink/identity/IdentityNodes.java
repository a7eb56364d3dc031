package org.caselink.identity;

import java.util.Optional;
import org.caselink.graphql.NodeFinder;
import org.caselink.security.Access;
import org.springframework.stereotype.Component;

/**
 * {@code node(id)} for an identity proposal: staff only, as {@code identityProposals} is, and a
 * proposal about children only for a viewer with need-to-know of both.
 */
@Component
class IdentityNodes implements NodeFinder {

    private final IdentityController identities;
    private final Access access;

    IdentityNodes(IdentityController identities, Access access) {
        this.identities = identities;
        this.access = access;
    }

    @Override
    public Optional<Object> find(String id) {
        if (access.viewer().partner()) {
            return Optional.empty();
        }
        var scope = access.scope();
        return identities.proposal(id).filter(p -> p.visibleTo(scope)).map(p -> p);
    }
}
