package org.caselink.model;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/** An online ad. */
public record Ad(
        String adId,
        String site,
        @Nullable String url,
        OffsetDateTime postedAt,
        @Nullable String city,
        @Nullable String state,
        @Nullable String title,
        @Nullable String body)
        implements Entity {

    static Ad from(Value n) {
        return new Ad(
                n.get("adId").asString(),
                n.get("site").asString(),
                Values.string(n, "url"),
                Values.dateTime(n, "postedAt"),
                Values.string(n, "city"),
                Values.string(n, "state"),
                Values.string(n, "title"),
                Values.string(n, "body"));
    }

    @Override
    public EntityType entityType() {
        return EntityType.AD;
    }

    @Override
    public String key() {
        return adId;
    }
}
