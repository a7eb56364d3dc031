package org.caselink.model;

/**
 * A value that carries entities (a search hit, a role in a case, an alert and its path): shown
 * only when the viewer may see every entity it would reveal. The GraphQL guard drops a guarded
 * value that fails this from any list, or returns null for it.
 */
public interface Guarded {

    boolean visibleTo(Visibility visibility);

    /**
     * The global ids this value returns as plain strings (a link's or a step's ends), for the
     * audit event's {@code returnedIds}: entities are recorded as they are returned, strings are not.
     */
    default java.util.Collection<String> returnedIds() {
        return java.util.List.of();
    }
}
