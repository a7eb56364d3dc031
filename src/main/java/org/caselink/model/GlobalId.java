package org.caselink.model;

import java.util.Optional;

/**
 * Global ids: the type and the natural key, encrypted with the deployment's ids key
 * ({@link IdCodec}), so that an id is opaque: it cannot be made from a guess (a child's name, a
 * phone number) nor read back into one.
 */
public record GlobalId(EntityType type, String key) {

    public static String of(EntityType type, String key) {
        return IdCodec.installed().encode(type, key);
    }

    /** Decodes an id; empty when it is not one of ours (a malformed id finds nothing, it is not an error). */
    public static Optional<GlobalId> parse(String id) {
        return IdCodec.installed().decode(id);
    }
}
