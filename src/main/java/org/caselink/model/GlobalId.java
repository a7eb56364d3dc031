package org.caselink.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Global ids: the type and the natural key, base64url-encoded, so a client treats them as opaque. */
public record GlobalId(EntityType type, String key) {

    public static String of(EntityType type, String key) {
        String raw = type.label() + ":" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes an id; empty when it is not one of ours (a malformed id finds nothing, it is not an error). */
    public static Optional<GlobalId> parse(String id) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0 || colon == raw.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new GlobalId(EntityType.ofLabel(raw.substring(0, colon)), raw.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
