package org.caselink.graphql;

/**
 * Input that the API refuses: names the field (a path such as {@code input.phones[1]}) and the
 * reason. Thrown before anything is written, so a refused mutation leaves the graph unchanged.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
