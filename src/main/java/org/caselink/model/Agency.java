package org.caselink.model;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/** A law-enforcement or child-welfare agency that owns cases. */
public record Agency(String code, @Nullable String name) implements Entity {

    static Agency from(Value n) {
        return new Agency(n.get("code").asString(), Values.string(n, "name"));
    }

    @Override
    public EntityType entityType() {
        return EntityType.AGENCY;
    }

    @Override
    public String key() {
        return code;
    }
}
