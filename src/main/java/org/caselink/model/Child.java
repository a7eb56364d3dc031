package org.caselink.model;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

public record Child(
        String uid,
        @Nullable String childId,
        @Nullable String firstName,
        @Nullable String lastName,
        List<String> aliases,
        @Nullable LocalDate dob,
        @Nullable String sex)
        implements Entity {

    static Child from(Value n) {
        return new Child(
                n.get("uid").asString(),
                Values.string(n, "childId"),
                Values.string(n, "firstName"),
                Values.string(n, "lastName"),
                Values.strings(n, "aliases"),
                Values.date(n, "dob"),
                Values.string(n, "sex"));
    }

    @Override
    public EntityType entityType() {
        return EntityType.CHILD;
    }

    @Override
    public String key() {
        return uid;
    }
}
