package org.caselink.security;

import java.util.Map;
import org.caselink.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Security events into the hash-chained audit trail ({@link AuditLog}). */
@Component
class AuditRecorder implements SecurityAudit {

    private final AuditLog log;

    AuditRecorder(AuditLog log) {
        this.log = log;
    }

    @Override
    public void denied(Viewer viewer, String what, String reason) {
        log.append(
                "authz",
                "ACCESS_DENIED",
                viewer.user(),
                viewer.agency(),
                "DENIED",
                Map.of(
                        "target",
                        what,
                        "reason",
                        reason,
                        "roles",
                        viewer.roles().stream().map(Enum::name).sorted().toList()));
    }

    @Override
    public void logon(String user, @Nullable String agency, boolean success, Map<String, Object> details) {
        log.append(
                "auth",
                success ? "LOGON_SUCCESS" : "LOGON_FAILURE",
                user,
                agency,
                success ? "SUCCESS" : "FAILURE",
                details);
    }

    @Override
    public void throttled(String lastClaimedUser, Map<String, Object> details) {
        log.append("auth", "LOGON_THROTTLED", lastClaimedUser, null, "FAILURE", details);
    }

    @Override
    public void record(Viewer viewer, String component, String type, String outcome, Map<String, Object> details) {
        log.append(component, type, viewer.user(), viewer.agency(), outcome, details);
    }
}
