package org.caselink.graphql;

import org.caselink.model.EntityType;

/**
 * One navigable relationship field: from a node of type {@code from} (bound as {@code s}) along
 * {@code pattern} (which binds the relationship as {@code r} and the far node as {@code t}) to
 * nodes of type {@code to}. Patterns are constants in code, never input.
 *
 * @param orderBy stable order of the results, in terms of {@code t}
 */
public record Rel(EntityType from, String pattern, EntityType to, String orderBy) {

    public Rel {
        if (!pattern.contains("(s)") || !pattern.contains("(t:" + to.label() + ")")) {
            throw new IllegalArgumentException("pattern must bind (s) and (t:" + to.label() + "): " + pattern);
        }
    }
}
