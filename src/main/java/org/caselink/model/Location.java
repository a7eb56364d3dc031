package org.caselink.model;

import org.neo4j.driver.Value;

/** A place: a city in a state. */
public record Location(String city, String state) implements Entity {

    static Location from(Value n) {
        return new Location(n.get("city").asString(), n.get("state").asString());
    }

    @Override
    public EntityType entityType() {
        return EntityType.LOCATION;
    }

    @Override
    public String key() {
        return key(city, state);
    }

    /** The natural key: lower-case city and state, so "Richmond, VA" and "RICHMOND, va" are one place. */
    public static String key(String city, String state) {
        return city.strip().toLowerCase(java.util.Locale.ROOT) + "|"
                + state.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
