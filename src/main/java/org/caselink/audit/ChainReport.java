package org.caselink.audit;

import org.jspecify.annotations.Nullable;

/**
 * What {@link AuditLog#verify()} found: how many events it checked and, when the chain is
 * broken, the first seq where it breaks and why ("hash mismatch at seq 17: event altered",
 * "seq 18 missing", "prevHash of 19 does not match 18").
 */
public record ChainReport(
        long checked,
        boolean intact,
        @Nullable Long brokenAt,
        @Nullable String reason) {

    static ChainReport intact(long checked) {
        return new ChainReport(checked, true, null, null);
    }

    static ChainReport broken(long checked, long seq, String reason) {
        return new ChainReport(checked, false, seq, reason);
    }
}
