package org.caselink.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.caselink.graph.InvalidInputException;
import org.caselink.ingest.Inputs.ContactsInput;
import org.caselink.ingest.Inputs.EvidenceInput;
import org.caselink.ingest.Inputs.HandleInput;
import org.caselink.ingest.Rows.Contact;
import org.caselink.normalize.Normalize;
import org.jspecify.annotations.Nullable;

/**
 * Checks shared by every write path. Each failure names the field (as a path into the input) and
 * the reason; callers validate everything before they write anything.
 */
public final class Validate {

    public static final int NAME_MAX = 200;
    public static final int TEXT_MAX = 20_000;
    public static final int LIST_MAX = 100;
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,79}$");
    private static final Pattern STATE = Pattern.compile("^[A-Za-z]{2}$");

    private Validate() {}

    /** A natural identifier (case number, ad id, agency code, external id): letters, digits and . _ : / - only. */
    public static String id(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String v = value.strip();
        if (!ID.matcher(v).matches()) {
            throw new InvalidInputException(
                    field, "must be 1 to 80 letters, digits or . _ : / - starting with a letter or digit");
        }
        return v;
    }

    public static @Nullable String optionalId(String field, @Nullable String value) {
        return value == null ? null : id(field, value);
    }

    /** Free text, stripped; blank becomes null; longer than {@code max} is refused. */
    public static @Nullable String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "is longer than " + max + " characters");
        }
        return v;
    }

    public static String requiredText(String field, @Nullable String value, int max) {
        String v = text(field, value, max);
        if (v == null) {
            throw new InvalidInputException(field, "is required");
        }
        return v;
    }

    /** A two-letter state code, upper-cased. */
    public static @Nullable String state(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!STATE.matcher(value.strip()).matches()) {
            throw new InvalidInputException(field, "must be a two-letter state code");
        }
        return value.strip().toUpperCase(Locale.ROOT);
    }

    public static <T> List<T> list(String field, @Nullable List<T> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > LIST_MAX) {
            throw new InvalidInputException(field, "has more than " + LIST_MAX + " entries");
        }
        return values;
    }

    /** Phones, emails and handles, normalised; the first bad one is refused with its index. */
    public static List<Contact> contacts(
            String field,
            @Nullable List<String> phones,
            @Nullable List<String> emails,
            @Nullable List<HandleInput> handles,
            String region) {
        List<Contact> out = new ArrayList<>();
        List<String> ps = list(field + "phones", phones);
        for (int i = 0; i < ps.size(); i++) {
            String at = field + "phones[" + i + "]";
            String e164 = Normalize.phone(ps.get(i), region)
                    .orElseThrow(() -> new InvalidInputException(at, "is not a valid phone number"));
            out.add(Contact.phone(e164));
        }
        List<String> es = list(field + "emails", emails);
        for (int i = 0; i < es.size(); i++) {
            String at = field + "emails[" + i + "]";
            out.add(Contact.email(Normalize.email(es.get(i))
                    .orElseThrow(() -> new InvalidInputException(at, "is not a valid email address"))));
        }
        List<HandleInput> hs = list(field + "handles", handles);
        for (int i = 0; i < hs.size(); i++) {
            String at = field + "handles[" + i + "]";
            String platform = Normalize.platform(hs.get(i).platform())
                    .orElseThrow(() ->
                            new InvalidInputException(at + ".platform", "must be 1 to 40 letters, digits or . _ -"));
            String handle = Normalize.handle(hs.get(i).handle())
                    .orElseThrow(() -> new InvalidInputException(
                            at + ".handle", "must be 1 to 64 letters, digits or . _ -, with an optional leading @"));
            out.add(Contact.handle(platform, handle));
        }
        return out.stream().distinct().toList();
    }

    public static List<Contact> contacts(String field, @Nullable ContactsInput in, String region) {
        return in == null ? List.of() : contacts(field, in.phones(), in.emails(), in.handles(), region);
    }

    /** Provenance for a write through the API: what the caller gave, else the API itself and a fresh record id. */
    public static Provenance provenance(String field, @Nullable EvidenceInput in) {
        String s = in == null ? null : text(field + ".source", in.source(), NAME_MAX);
        String r = in == null ? null : text(field + ".recordId", in.recordId(), NAME_MAX);
        return new Provenance(
                s == null ? "graphql-api" : s,
                r == null ? "api:" + UUID.randomUUID() : r,
                in == null ? null : in.observedAt());
    }
}
