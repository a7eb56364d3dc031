package org.caselink.model;

/**
 * A value that carries entities (a search hit, a role in a case, an alert and its path): shown
 * only when the viewer may see every entity it would reveal. The GraphQL guard drops a guarded
 * value that fails this from any list, or returns null for it.
 */
public interface Guarded {

    boolean visibleTo(Visibility visibility);
}
