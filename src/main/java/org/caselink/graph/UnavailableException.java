package org.caselink.graph;

/**
 * A capability this deployment does not have (network detection on a Neo4j server without Graph
 * Data Science): the message says what is missing and how to get it.
 */
public class UnavailableException extends RuntimeException {

    private final String capability;

    public UnavailableException(String capability, String message) {
        super(message);
        this.capability = capability;
    }

    public String capability() {
        return capability;
    }
}
