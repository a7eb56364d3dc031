package org.caselink.audit;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.caselink.graphql.Connection;
import org.caselink.graphql.Cursor;
import org.caselink.graphql.InvalidInputException;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.caselink.write.Validate;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Arguments;
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

    /** The arguments both listings take. */
    record Listing(
            @Nullable String user,
            @Nullable String type,
            @Nullable String outcome,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            @Nullable String after,
            @Nullable Integer first,
            @Nullable String returnedId,
            @Nullable String caseNumber) {

        AuditQuery query(@Nullable Long afterSeq) {
            int n = first == null ? 50 : first;
            if (n < 1 || n > AuditQuery.MAX_FIRST) {
                throw new InvalidInputException("first", "must be 1 to " + AuditQuery.MAX_FIRST);
            }
            if (returnedId != null && caseNumber != null) {
                throw new InvalidInputException("caseNumber", "give returnedId or caseNumber, not both");
            }
            // A case by its number: the id its answers carried (an auditor may not read the case itself).
            String returned = caseNumber != null
                    ? GlobalId.of(EntityType.CASE, Validate.codeKey(caseNumber))
                    : returnedId == null ? null : Validate.requiredText("returnedId", returnedId, 200);
            return new AuditQuery(
                    user,
                    type,
                    outcome,
                    from == null ? null : from.toInstant(),
                    to == null ? null : to.toInstant(),
                    afterSeq,
                    n,
                    returned);
        }
    }

    @QueryMapping
    AuditEventList auditEvents(@Arguments Listing listing) {
        Long afterSeq = null;
        if (listing.after() != null) {
            try {
                afterSeq = Long.parseLong(listing.after());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("after", "is not a cursor of auditEvents");
            }
        }
        var page = audit.page(listing.query(afterSeq));
        var events = page.events();
        return new AuditEventList(
                events,
                page.truncated(),
                events.isEmpty() ? null : String.valueOf(events.getLast().seq()));
    }

    @QueryMapping
    Connection<AuditEvent> auditEventsConnection(@Arguments Listing listing, DataFetchingFieldSelectionSet selection) {
        String[] at = Cursor.parts(listing.after(), 1);
        var q = listing.query(at == null ? null : Cursor.number(at[0]));
        var page = audit.page(q);
        var edges = page.events().stream()
                .map(e -> new Connection.Edge<>(Cursor.opaque(e.seq()), e, null))
                .toList();
        String end = edges.isEmpty() ? null : edges.getLast().cursor();
        int total = selection.contains("totalCount") ? Math.toIntExact(audit.count(q)) : 0;
        return new Connection<>(edges, new Connection.PageInfo(page.truncated(), end), total);
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

    /** The event's journal line, when it was written in the current format; null for older events. */
    @SchemaMapping(typeName = "AuditEvent")
    @Nullable
    String canonical(AuditEvent event) {
        var fields = EventText.Fields.of(event);
        return fields.hash().equals(event.hash()) ? fields.line(event.hash()) : null;
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
