package org.caselink.write;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.caselink.model.CaseStatus;
import org.caselink.model.CaseType;
import org.caselink.model.EntityType;
import org.caselink.model.Role;
import org.jspecify.annotations.Nullable;

/** Validated, normalised facts ready to be written; every one carries its provenance. */
public final class Rows {

    private Rows() {}

    public record CaseRow(
            String caseNumber,
            CaseType type,
            CaseStatus status,
            OffsetDateTime reportedAt,
            String agency,
            @Nullable String state,
            @Nullable String summary,
            Provenance ev) {}

    /**
     * A child who is the subject of a case. {@code uid} names an existing child; when null,
     * identity resolution finds one (external id, else name and date of birth) or makes one.
     */
    public record ChildRow(
            String caseNumber,
            @Nullable String uid,
            @Nullable String childId,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable LocalDate dob,
            @Nullable String sex,
            Provenance ev) {}

    /** A person in a role in a case; identity as for {@link ChildRow}. */
    public record PersonRow(
            String caseNumber,
            Role role,
            @Nullable String uid,
            @Nullable String personId,
            @Nullable String firstName,
            @Nullable String lastName,
            List<String> aliases,
            @Nullable LocalDate dob,
            Provenance ev) {}

    /** Something a node uses (child, person), mentions (case) or lists (ad): a phone, email or handle. */
    public record ContactRow(EntityType owner, String ownerKey, Contact contact, Provenance ev) {}

    /** A normalised phone (E.164), email, or platform handle. */
    public record Contact(
            EntityType type, String value, @Nullable String platform) {
        public static Contact phone(String e164) {
            return new Contact(EntityType.PHONE, e164, null);
        }

        public static Contact email(String address) {
            return new Contact(EntityType.EMAIL, address, null);
        }

        public static Contact handle(String platform, String handle) {
            return new Contact(EntityType.HANDLE, handle, platform);
        }
    }

    public record AdRow(
            String adId,
            String site,
            @Nullable String url,
            OffsetDateTime postedAt,
            @Nullable String city,
            @Nullable String state,
            @Nullable String title,
            @Nullable String body,
            List<String> imageHashes,
            Provenance ev) {}

    /** A place a case's child was last seen in (owner CASE) or an ad was posted in (owner AD). */
    public record PlaceRow(EntityType owner, String ownerKey, String city, String state, Provenance ev) {}

    public record AssociationRow(String fromUid, String toUid, Provenance ev) {}
}
