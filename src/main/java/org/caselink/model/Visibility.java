package org.caselink.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one viewer may see of the graph: entities by value, nodes by Neo4j element id (inside an
 * analysis). Implemented by the security layer; the features only ask.
 */
public interface Visibility {

    boolean sees(Entity entity);

    boolean seesElement(String elementId);

    /**
     * The keys of {@code type} a statement may return, as a parameter: null for any. Statements
     * that page or count filter with it, so a count never tells what is out of sight.
     */
    @Nullable
    List<String> allowedKeys(EntityType type);

    /**
     * Whether evidence from this record may be shown: a record is named by its case number or ad
     * id; one without a record id (an API write) is shown with what it links.
     */
    boolean seesRecord(@Nullable String recordId);

    /**
     * The record ids {@link #seesRecord} accepts, as a parameter: null for any (a partner's: its
     * cases' numbers and the ids of the ads in its scope).
     */
    default @Nullable List<String> allowedRecords() {
        List<String> cases = allowedKeys(EntityType.CASE);
        List<String> ads = allowedKeys(EntityType.AD);
        if (cases == null || ads == null) {
            return null;
        }
        List<String> records = new java.util.ArrayList<>(cases);
        records.addAll(ads);
        return records;
    }

    /** Whether {@link #seesRecord} accepts every record (then {@link #allowedRecords} is null). */
    default boolean seesEveryRecord() {
        return allowedRecords() == null;
    }

    /** Whether the viewer has need-to-know of the child {@code uid} (sees its identity). */
    boolean knowsChild(String uid);

    /**
     * A node named by its global id (or, as alerts of early builds kept them, by its element id):
     * whether the viewer sees it. An id that names nothing readable is not seen.
     */
    default boolean seesId(String id) {
        var global = GlobalId.parse(id);
        return global.isPresent() ? sees(global.get().type(), global.get().key()) : seesElement(id);
    }

    /** Whether the viewer sees the node of this type and natural key. */
    boolean sees(EntityType type, String key);

    /** Every entity of a list, or none of it. */
    default boolean seesAll(java.util.Collection<? extends Entity> entities) {
        return entities.stream().allMatch(this::sees);
    }
}
