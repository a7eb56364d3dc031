package org.caselink.security;

/** A root field the viewer's roles do not allow; the client sees FORBIDDEN and which field. */
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field) {
        super("Not permitted for your role: " + field + ".");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
