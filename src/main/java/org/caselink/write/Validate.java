package org.caselink.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.caselink.graphql.InvalidInputException;
import org.caselink.normalize.Normalize;
import org.caselink.write.Inputs.ContactsInput;
import org.caselink.write.Inputs.EvidenceInput;
import org.caselink.write.Inputs.HandleInput;
import org.caselink.write.Rows.Contact;
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
    /** Control characters (but tab and newlines), zero-width characters and bidirectional overrides. */
    private static final Pattern HIDDEN = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF]");

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

    /** A case number or agency code: an {@link #id} in upper case, so "mc-2021-1" and "MC-2021-1" are one case. */
    public static String code(String field, @Nullable String value) {
        return id(field, value).toUpperCase(Locale.ROOT);
    }

    /** The same for a lookup, where a malformed value simply finds nothing. */
    public static String codeKey(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    public static @Nullable String optionalId(String field, @Nullable String value) {
        return value == null ? null : id(field, value);
    }

    /** Free text, stripped; blank becomes null; longer than {@code max} is refused. */
    public static @Nullable String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC)
                .strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "is longer than " + max + " characters");
        }
        if (HIDDEN.matcher(v).find()) {
            throw new InvalidInputException(field, "contains control, zero-width or text-direction characters");
        }
        return v;
    }

    /** A web address: http or https only. */
    public static @Nullable String url(String field, @Nullable String value) {
        String v = text(field, value, 2_000);
        if (v == null) {
            return null;
        }
        try {
            var uri = java.net.URI.create(v);
            if (uri.getScheme() == null
                    || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new InvalidInputException(field, "must be an http or https address");
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be an http or https address");
        }
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

    /**
     * A point in time for a report or a posting: stored in UTC, so that ordering by time is by
     * instant alone; refused when it lies more than a day in the future or before 1900.
     */
    public static java.time.OffsetDateTime instant(String field, java.time.OffsetDateTime value) {
        var utc = value.withOffsetSameInstant(java.time.ZoneOffset.UTC);
        if (utc.isAfter(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(1)) || utc.getYear() < 1900) {
            throw new InvalidInputException(field, "is not a plausible time (in the future, or before 1900)");
        }
        return utc;
    }

    public static java.time.@Nullable OffsetDateTime optionalInstant(
            String field, java.time.@Nullable OffsetDateTime value) {
        return value == null ? null : instant(field, value);
    }

    /** A date of birth: not in the future, not before 1900. */
    public static java.time.@Nullable LocalDate dob(String field, java.time.@Nullable LocalDate value) {
        if (value != null && (value.isAfter(java.time.LocalDate.now()) || value.getYear() < 1900)) {
            throw new InvalidInputException(field, "is not a plausible date of birth");
        }
        return value;
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

    /**
     * Provenance for a write through the API: what the caller gave, else the API itself and a record
     * id derived from what is written ({@code identity}: the mutation and its input), so that a
     * client's retry of the same mutation adds no second piece of evidence.
     */
    public static Provenance provenance(String field, @Nullable EvidenceInput in, Object... identity) {
        String s = in == null ? null : text(field + ".source", in.source(), NAME_MAX);
        String r = in == null ? null : text(field + ".recordId", in.recordId(), NAME_MAX);
        return new Provenance(
                s == null ? "graphql-api" : s,
                r == null ? "api:" + digest(java.util.Arrays.deepToString(identity)) : r,
                in == null ? null : optionalInstant(field + ".observedAt", in.observedAt()));
    }

    private static String digest(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
