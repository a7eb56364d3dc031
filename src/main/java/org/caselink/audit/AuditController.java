package org.caselink.audit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.caselink.graphql.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Reading the audit trail: the events and the chain check. Read only on purpose: the API has no
 * way to change or delete an audit event. Who may call it is decided centrally (AUDITOR role).
 */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    record AuditEventList(
            List<AuditEvent> events,
            boolean truncated,
            @Nullable String endCursor) {}

    @QueryMapping
    AuditEventList auditEvents(
            @Argument @Nullable String user,
            @Argument @Nullable String type,
            @Argument @Nullable String outcome,
            @Argument @Nullable OffsetDateTime from,
            @Argument @Nullable OffsetDateTime to,
            @Argument @Nullable String after,
            @Argument @Nullable Integer first) {
        int n = first == null ? 50 : first;
        if (n < 1 || n > AuditQuery.MAX_FIRST) {
            throw new InvalidInputException("first", "must be 1 to " + AuditQuery.MAX_FIRST);
        }
        Long afterSeq = null;
        if (after != null) {
            try {
                afterSeq = Long.parseLong(after);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("after", "is not a cursor of auditEvents");
            }
        }
        var page = audit.page(new AuditQuery(
                user,
                type,
                outcome,
                from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(),
                afterSeq,
                n));
        var events = page.events();
        return new AuditEventList(
                events,
                page.truncated(),
                events.isEmpty() ? null : String.valueOf(events.getLast().seq()));
    }

    @QueryMapping
    ChainReport auditChain() {
        return audit.verify();
    }

    @SchemaMapping(typeName = "AuditEvent")
    String seq(AuditEvent event) {
        return String.valueOf(event.seq());
    }

    @SchemaMapping(typeName = "AuditEvent")
    OffsetDateTime at(AuditEvent event) {
        return event.at().atOffset(ZoneOffset.UTC);
    }

    @SchemaMapping(typeName = "AuditChainReport")
    @Nullable
    String brokenAt(ChainReport report) {
        return report.brokenAt() == null ? null : String.valueOf(report.brokenAt());
    }

    @SchemaMapping(typeName = "AuditChainReport")
    String retention(ChainReport report) {
        return iso(audit.retention());
    }

    /** ISO 8601 in days when the period is whole days ("P365D"), else as Duration writes it. */
    static String iso(Duration d) {
        return d.toSeconds() % 86_400 == 0 && d.toNanosPart() == 0 ? "P" + d.toDays() + "D" : d.toString();
    }
}
