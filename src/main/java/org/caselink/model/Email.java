package org.caselink.model;

import org.neo4j.driver.Value;

/** An email address, lower-cased. */
public record Email(String address) implements Entity {

    static Email from(Value n) {
        return new Email(n.get("address").asString());
    }

    @Override
    public EntityType entityType() {
        return EntityType.EMAIL;
    }

    @Override
    public String key() {
        return address;
    }
}
