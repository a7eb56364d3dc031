package org.caselink.write;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a written fact comes from: the source system and the record in it (both required: they
 * identify the evidence, so writing the same record again changes nothing), and when it was observed.
 * The time it was stored is set by the database at write.
 */
public record Provenance(
        String source, String recordId, @Nullable OffsetDateTime observedAt) {

    public Provenance {
        if (source.isBlank() || recordId.isBlank()) {
            throw new IllegalArgumentException("source and recordId are required");
        }
    }

    Map<String, Object> params() {
        Map<String, Object> m = new HashMap<>();
        m.put("source", source);
        m.put("recordId", recordId);
        m.put("observedAt", observedAt);
        return m;
    }
}
