package org.caselink.model;

/**
 * What one viewer may see of the graph: entities by value, nodes by Neo4j element id (inside an
 * analysis). Implemented by the security layer; the features only ask.
 */
public interface Visibility {

    boolean sees(Entity entity);

    boolean seesElement(String elementId);

    /** Every entity of a list, or none of it. */
    default boolean seesAll(java.util.Collection<? extends Entity> entities) {
        return entities.stream().allMatch(this::sees);
    }
}
