package org.caselink.model;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

public record Person(
        String uid,
        @Nullable String personId,
        @Nullable String firstName,
        @Nullable String lastName,
        List<String> aliases,
        @Nullable LocalDate dob)
        implements Entity {

    static Person from(Value n) {
        return new Person(
                n.get("uid").asString(),
                Values.string(n, "personId"),
                Values.string(n, "firstName"),
                Values.string(n, "lastName"),
                Values.strings(n, "aliases"),
                Values.date(n, "dob"));
    }

    @Override
    public EntityType entityType() {
        return EntityType.PERSON;
    }

    @Override
    public String key() {
        return uid;
    }
}
