package org.caselink.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which audit events to list, newest first. Every filter is optional; {@code from} is inclusive,
 * {@code to} exclusive; {@code afterSeq} continues a listing after the last event of the previous
 * page (keyset paging: events with a lower seq); {@code first} is 1 to {@value #MAX_FIRST};
 * {@code returned}, a global id: only the events whose answer returned that entity (who saw it).
 */
public record AuditQuery(
        @Nullable String user,
        @Nullable String type,
        @Nullable String outcome,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Long afterSeq,
        int first,
        @Nullable String returned) {

    public static final int MAX_FIRST = 1000;

    /** Without the filter on returned ids. */
    public AuditQuery(
            @Nullable String user,
            @Nullable String type,
            @Nullable String outcome,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable Long afterSeq,
            int first) {
        this(user, type, outcome, from, to, afterSeq, first, null);
    }

    public AuditQuery {
        if (first < 1 || first > MAX_FIRST) {
            throw new IllegalArgumentException("first must be 1 to " + MAX_FIRST + ", not " + first);
        }
    }

    /** The newest {@code first} events, unfiltered. */
    public static AuditQuery newest(int first) {
        return new AuditQuery(null, null, null, null, null, null, first);
    }
}
