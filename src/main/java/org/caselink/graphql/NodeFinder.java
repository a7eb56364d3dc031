package org.caselink.graphql;

import java.util.Optional;

/**
 * Finds, for {@code node(id)}, an object whose id is not an entity's global id: a network, a
 * watch, an alert, an identity proposal. The feature that owns the kind registers one (the
 * GraphQL plumbing knows no feature); each answers empty for an id not of its kind, and for a
 * viewer who may not see the object, as if it did not exist.
 */
public interface NodeFinder {

    Optional<Object> find(String id);
}
