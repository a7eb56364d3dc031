package org.caselink.db;

import org.jspecify.annotations.Nullable;

/**
 * The database cannot be reached, so the request was not completed. A write cut off at its commit
 * may or may not have landed; caselink's writes are idempotent, so the same request may simply be
 * sent again once the database answers.
 */
public class DatabaseUnavailableException extends RuntimeException {

    private final DatabaseAvailability.Outage outage;

    DatabaseUnavailableException(DatabaseAvailability.Outage outage, @Nullable Throwable cause) {
        this("The database cannot be reached (since " + outage.since() + "); try again shortly", outage, cause);
    }

    /** For work that says more of what it had done when the database went (an import: what committed). */
    protected DatabaseUnavailableException(String message, DatabaseUnavailableException cause) {
        this(message, cause.outage(), cause);
    }

    private DatabaseUnavailableException(
            String message, DatabaseAvailability.Outage outage, @Nullable Throwable cause) {
        super(message, cause);
        this.outage = outage;
    }

    public DatabaseAvailability.Outage outage() {
        return outage;
    }
}
