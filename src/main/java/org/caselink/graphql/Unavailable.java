package org.caselink.graphql;

import graphql.ErrorClassification;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.caselink.db.DatabaseUnavailableException;

/**
 * The classification of an error when the database cannot be reached: nothing is wrong with the
 * request, and the same request may be sent again after {@code retryAfterSeconds}.
 */
public enum Unavailable implements ErrorClassification {
    UNAVAILABLE;

    /** The error for {@code e}, wherever it was met (a field, the audit trail, sign-in). */
    public static GraphqlErrorBuilder<?> error(DatabaseUnavailableException e) {
        return GraphqlErrorBuilder.newError()
                .errorType(UNAVAILABLE)
                .message(e.getMessage())
                .extensions(Map.of("retryAfterSeconds", 5));
    }
}
