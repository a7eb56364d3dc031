package org.caselink.backup;

import java.io.IOException;
import java.util.Map;
import org.caselink.security.Access;
import org.caselink.security.SecurityAudit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/admin/backup} (ADMIN): a backup of the running service's embedded database into
 * {@code caselink.backup.dir} on the service's machine; the answer names the file and how long
 * writes paused. The request takes no path: where backups go is the operator's configuration, not
 * the caller's choice. Audited before and after, like an import.
 */
@RestController
class BackupController {

    /** As on uploads: a form posted from another site cannot add it. */
    static final String CLIENT_HEADER = "X-Caselink-Client";

    private final Backup backup;
    private final Access access;
    private final SecurityAudit audit;

    BackupController(Backup backup, Access access, SecurityAudit audit) {
        this.backup = backup;
        this.access = access;
        this.audit = audit;
    }

    record BackupReport(
            String file,
            long bytes,
            long pauseMillis,
            long totalMillis,
            long nodes,
            long relationships,
            long auditEvents) {}

    @PostMapping("/api/admin/backup")
    BackupReport backup(@RequestHeader(name = CLIENT_HEADER, required = false) @Nullable String client)
            throws IOException, InterruptedException {
        if (client == null || client.isBlank()) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "send the header " + CLIENT_HEADER + " (any value) with a backup request");
        }
        audit.record(access.viewer(), "backup", "BACKUP", "STARTED", Map.of());
        Backup.Result r;
        try {
            r = backup.run();
        } catch (IllegalStateException e) {
            audit.record(access.viewer(), "backup", "BACKUP", "FAILURE", Map.of("reason", e.getMessage()));
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        audit.record(
                access.viewer(),
                "backup",
                "BACKUP",
                "SUCCESS",
                Map.of("file", r.file().getFileName().toString(), "pauseMillis", r.pauseMillis()));
        return new BackupReport(
                r.file().getFileName().toString(),
                r.bytes(),
                r.pauseMillis(),
                r.totalMillis(),
                r.counts().nodes(),
                r.counts().relationships(),
                r.counts().auditEvents());
    }
}
