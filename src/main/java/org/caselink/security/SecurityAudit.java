package org.caselink.security;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Where security decisions and operations are recorded: the audit trail. */
public interface SecurityAudit {

    /** A viewer was refused {@code what} (a root field, an endpoint) for {@code reason}. */
    void denied(Viewer viewer, String what, String reason);

    /** A sign-in: who (as claimed, when it failed), and details (for a failure why, and from where). */
    void logon(String user, @Nullable String agency, boolean success, Map<String, Object> details);

    /** Sign-in attempts refused unread because their address failed too often: how many, from where. */
    void throttled(String lastClaimedUser, Map<String, Object> details);

    /** Any other event: component, type, outcome and details; throws when it cannot be written. */
    void record(Viewer viewer, String component, String type, String outcome, Map<String, Object> details);
}
