package org.caselink.graphql;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keyset cursors: the position of an item in a list ordered by a time, newest first, then by its
 * natural key. A cursor stays valid while the list changes, unlike an offset.
 */
public record Cursor(OffsetDateTime time, String key) {

    public String encode() {
        String raw = time + "|" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes {@code after}; null stays null; anything else that is not our cursor is refused. */
    public static @Nullable Cursor decode(@Nullable String after) {
        if (after == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException();
            }
            return new Cursor(OffsetDateTime.parse(raw.substring(0, bar)), raw.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInputException("after", "not a cursor issued by this API");
        }
    }

    /**
     * An opaque cursor for a list ordered by something other than a time and a key (a network's
     * size, an audit event's seq): its parts, joined and encoded. {@link #parts} reads it back.
     */
    public static String opaque(Object... parts) {
        var raw = new StringBuilder();
        for (Object part : parts) {
            if (!raw.isEmpty()) {
                raw.append('|');
            }
            raw.append(part);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code n} parts of a cursor made by {@link #opaque}, the last one taking the rest; null
     * stays null; anything else is refused as a cursor this API did not issue.
     */
    public static String @Nullable [] parts(@Nullable String after, int n) {
        if (after == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|", n);
            if (parts.length == n) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // not base64: refused below
        }
        throw new InvalidInputException("after", "not a cursor issued by this API");
    }

    /** A part of a cursor that must be a whole number; anything else is refused as a foreign cursor. */
    public static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("after", "not a cursor issued by this API");
        }
    }

    /** Page size when a client gives none, or gives null. */
    public static final int DEFAULT_FIRST = 20;

    public static int first(@Nullable Integer first) {
        return first == null ? DEFAULT_FIRST : first;
    }

    /** The keyset position a query continues after: {@code $afterTime}, {@code $afterKey}, both null for the start. */
    public static Map<String, Object> keyset(@Nullable String after) {
        Cursor c = decode(after);
        Map<String, Object> p = new HashMap<>();
        p.put("afterTime", c == null ? null : c.time());
        p.put("afterKey", c == null ? null : c.key());
        return p;
    }

    /** The page parameters a keyset query takes: {@code $afterTime}, {@code $afterKey}, {@code $limit}. */
    public static Map<String, Object> pageParams(int first, @Nullable String after, int maxPageSize) {
        if (first < 0 || first > maxPageSize) {
            throw new InvalidInputException("first", "must be between 0 and " + maxPageSize);
        }
        Map<String, Object> p = keyset(after);
        p.put("limit", first + 1);
        return p;
    }
}
