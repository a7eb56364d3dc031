package org.caselink.write;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Input shapes that several GraphQL mutations share (bound from the schema's input types of the same names). */
public final class Inputs {

    private Inputs() {}

    public record HandleInput(String platform, String handle) {}

    public record ContactsInput(
            @Nullable List<String> phones,
            @Nullable List<String> emails,
            @Nullable List<HandleInput> handles) {}

    public record EvidenceInput(
            @Nullable String source,
            @Nullable String recordId,
            @Nullable OffsetDateTime observedAt) {}

    public record LocationInput(String city, String state) {}
}
