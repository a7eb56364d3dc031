package org.caselink.model;

/** A person's part in one case; the relationship type that records it. */
public enum Role {
    SUSPECT("SUSPECT_IN"),
    ASSOCIATE("ASSOCIATE_IN");

    private final String relationship;

    Role(String relationship) {
        this.relationship = relationship;
    }

    public String relationship() {
        return relationship;
    }

    public static Role ofRelationship(String type) {
        return type.equals(SUSPECT.relationship) ? SUSPECT : ASSOCIATE;
    }
}
