package org.caselink.model;

import org.neo4j.driver.Value;

/** A social-media or messaging account: lower-case, without a leading @, per platform. */
public record Handle(String platform, String handle) implements Entity {

    static Handle from(Value n) {
        return new Handle(n.get("platform").asString(), n.get("handle").asString());
    }

    @Override
    public EntityType entityType() {
        return EntityType.HANDLE;
    }

    @Override
    public String key() {
        return platform + ":" + handle;
    }
}
