package org.caselink.model;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/** Where a relationship came from. Every relationship in the graph carries these four properties. */
public record Evidence(
        String source, @Nullable String recordId, @Nullable OffsetDateTime observedAt, OffsetDateTime ingestedAt)
        implements Guarded {

    /** Shown when its record is one the viewer may see (another agency's case record is not). */
    @Override
    public boolean visibleTo(Visibility visibility) {
        return visibility.seesRecord(recordId);
    }

    public static Evidence from(Value rel) {
        return new Evidence(
                rel.get("source").asString(),
                Values.string(rel, "recordId"),
                Values.dateTime(rel, "observedAt"),
                Values.dateTime(rel, "ingestedAt"));
    }
}
