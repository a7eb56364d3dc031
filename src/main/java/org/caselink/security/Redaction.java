package org.caselink.security;

import java.util.Set;
import org.caselink.model.Child;

/**
 * The one rule for a child's identity: the fields below are returned only to a viewer with
 * need-to-know of that child (an analyst or case manager assigned to one of the child's cases, or
 * a partner whose agency owns or was shared one of them); to anyone else they are null and the
 * child's {@code redacted} field is true. Handles and emails that identify such a child are kept out
 * of sight altogether ({@link Scope}): their ids spell them. Lists of children are in the order of
 * their uids, never of their names, which would leak the order of redacted names. The child's type has no image or street
 * address field today; one added later belongs in this list.
 */
public final class Redaction {

    /** Child fields that identify the child. */
    public static final Set<String> CHILD_FIELDS =
            Set.of("firstName", "lastName", "aliases", "dob", "emails", "handles");

    private Redaction() {}

    static boolean redacts(String typeName, String field) {
        return "Child".equals(typeName) && CHILD_FIELDS.contains(field);
    }

    /** Whether this viewer sees the child's identity. */
    static boolean shows(Scope scope, Child child) {
        return scope.knows(child);
    }
}
