package org.caselink.graphql;

/**
 * An answer that would break one of the service's limits (time, size): refused as a whole, never
 * returned partially as if it were complete. The message says which limit and how to stay within it.
 */
public class LimitExceededException extends RuntimeException {

    private final String limit;

    public LimitExceededException(String limit, String message) {
        super(message);
        this.limit = limit;
    }

    public String limit() {
        return limit;
    }
}
