package org.caselink.model;

import org.neo4j.driver.Value;

/** An ad image, known by its 64-bit perceptual hash (16 lower-case hex digits). */
public record Image(String hash) implements Entity {

    static Image from(Value n) {
        return new Image(n.get("hash").asString());
    }

    @Override
    public EntityType entityType() {
        return EntityType.IMAGE;
    }

    @Override
    public String key() {
        return hash;
    }
}
