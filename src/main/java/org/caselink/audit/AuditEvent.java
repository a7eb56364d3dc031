package org.caselink.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail: who ({@code user}, {@code agency}) did what ({@code component},
 * {@code type}, {@code details}) when, and how it ended ({@code outcome}). {@code seq} numbers the
 * events 1, 2, 3 ... and {@code hash} is the SHA-256 of the event together with {@code prevHash},
 * the hash of the event before it, so an edited, removed or inserted event breaks the chain.
 *
 * @param details strings, numbers, booleans and lists of them (operation name, document hash,
 *     variables hash, returned ids, reason ...); read back, integral numbers come as {@code Integer}
 *     or {@code Long}, others as {@code Double}
 */
public record AuditEvent(
        long seq,
        Instant at,
        String component,
        String type,
        String user,
        @Nullable String agency,
        String outcome,
        Map<String, Object> details,
        String prevHash,
        String hash) {}
