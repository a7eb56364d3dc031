package org.caselink.model;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

public record Case(
        String caseNumber,
        CaseType type,
        CaseStatus status,
        OffsetDateTime reportedAt,
        @Nullable String state,
        @Nullable String summary,
        String agencyCode)
        implements Entity {

    static Case from(Value n) {
        return new Case(
                n.get("caseNumber").asString(),
                CaseType.valueOf(n.get("type").asString()),
                CaseStatus.valueOf(n.get("status").asString()),
                Values.dateTime(n, "reportedAt"),
                Values.string(n, "state"),
                Values.string(n, "summary"),
                n.get("agency").asString());
    }

    @Override
    public EntityType entityType() {
        return EntityType.CASE;
    }

    @Override
    public String key() {
        return caseNumber;
    }
}
