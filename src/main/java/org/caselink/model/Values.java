package org.caselink.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/** Reading optional properties off a node without a null check at every call. */
public final class Values {

    private Values() {}

    public static @Nullable String string(Value node, String key) {
        Value v = node.get(key);
        return v.isNull() ? null : v.asString();
    }

    static @Nullable LocalDate date(Value node, String key) {
        Value v = node.get(key);
        return v.isNull() ? null : v.asLocalDate();
    }

    public static @Nullable OffsetDateTime dateTime(Value node, String key) {
        Value v = node.get(key);
        return v.isNull() ? null : v.asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    static List<String> strings(Value node, String key) {
        Value v = node.get(key);
        return v.isNull() ? List.of() : v.asList(Value::asString);
    }
}
