package org.caselink.write;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.caselink.model.CaseStatus;
import org.caselink.model.CaseType;
import org.caselink.model.Role;
import org.caselink.write.Rows.Contact;
import org.jspecify.annotations.Nullable;

/** The import format's records after validation and normalisation: what the writer turns into rows. */
public final class Records {

    private Records() {}

    /** Where a record came from: the file (or upload, or API call) and its line. */
    public record Origin(String file, long line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    public sealed interface ImportRecord permits CaseRecord, AdRecord, LinkRecord {
        Origin origin();

        /** The record's natural key, named in reports: a case number, an ad id, a link's ends. */
        String key();

        String source();
    }

    public record Place(String city, String state) {}

    public record ChildIn(
            @Nullable String childId,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable LocalDate dob,
            @Nullable String sex,
            List<Contact> contacts) {}

    public record PersonIn(
            @Nullable String personId,
            Role role,
            @Nullable String firstName,
            @Nullable String lastName,
            List<String> aliases,
            @Nullable LocalDate dob,
            List<Contact> contacts) {}

    public record CaseRecord(
            Origin origin,
            String caseNumber,
            CaseType type,
            CaseStatus status,
            OffsetDateTime reportedAt,
            String agency,
            @Nullable String state,
            @Nullable String summary,
            String source,
            @Nullable ChildIn child,
            List<PersonIn> persons,
            List<Contact> contacts,
            List<Place> locations)
            implements ImportRecord {
        @Override
        public String key() {
            return caseNumber;
        }
    }

    /**
     * An ad. {@code contacts} are the ones the record lists; {@code extracted} the phones and
     * emails found in its title and body that it did not list.
     */
    public record AdRecord(
            Origin origin,
            String adId,
            String site,
            @Nullable String url,
            OffsetDateTime postedAt,
            @Nullable String city,
            @Nullable String state,
            @Nullable String title,
            @Nullable String body,
            String source,
            List<Contact> contacts,
            List<Contact> extracted,
            List<String> imageHashes)
            implements ImportRecord {
        @Override
        public String key() {
            return adId;
        }
    }

    /** Two people (by their external person ids) recorded as associated. */
    public record LinkRecord(Origin origin, String from, String to, String type, String source)
            implements ImportRecord {
        @Override
        public String key() {
            return from + "->" + to;
        }
    }

    /** A problem with one record: an error rejects it, a warning does not. */
    public record Problem(Origin origin, @Nullable String key, String field, String reason) {}
}
