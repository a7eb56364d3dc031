package org.caselink.security;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caselink.model.Child;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.caselink.model.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * One viewer's view of the graph, computed once and cached for a short while ({@link Access}):
 * <ul>
 *   <li>{@code allowed}: for a partner, every node in reach (by element id and by natural key); null
 *       for a role that sees every case;
 *   <li>{@code hidden}: handles and emails that identify a child the viewer has no need-to-know
 *       of (their global ids spell them, so they are not shown at all);
 *   <li>{@code knownChildren}: the children whose identity the viewer may see (see {@link Redaction}).
 * </ul>
 */
public final class Scope implements Visibility {

    /** Sees nothing: a role without data access. */
    public static final Scope NONE = new Scope(Set.of(), Map.of(), Set.of(), Map.of(), Set.of());

    private final @Nullable Set<String> allowedElements;
    private final @Nullable Map<EntityType, Set<String>> allowedKeys;
    private final Set<String> hiddenElements;
    private final Map<EntityType, Set<String>> hiddenKeys;
    private final Set<String> knownChildren;

    Scope(
            @Nullable Set<String> allowedElements,
            @Nullable Map<EntityType, Set<String>> allowedKeys,
            Set<String> hiddenElements,
            Map<EntityType, Set<String>> hiddenKeys,
            Set<String> knownChildren) {
        this.allowedElements = allowedElements;
        this.allowedKeys = allowedKeys;
        this.hiddenElements = hiddenElements;
        this.hiddenKeys = hiddenKeys;
        this.knownChildren = knownChildren;
    }

    /** Every node except the hidden ones. */
    static Scope everything(Set<String> hiddenElements, Map<EntityType, Set<String>> hiddenKeys, Set<String> known) {
        return new Scope(null, null, hiddenElements, hiddenKeys, known);
    }

    /** Rows of (element id, label, key), as {@link Rows} collects them. */
    static Map<EntityType, Set<String>> byType() {
        return new EnumMap<>(EntityType.class);
    }

    public boolean unrestricted() {
        return allowedElements == null && hiddenElements.isEmpty();
    }

    @Override
    public boolean sees(Entity entity) {
        return sees(entity.entityType(), entity.key());
    }

    @Override
    public boolean sees(EntityType type, String key) {
        if (hiddenKeys.getOrDefault(type, Set.of()).contains(key)) {
            return false;
        }
        return allowedKeys == null || allowedKeys.getOrDefault(type, Set.of()).contains(key);
    }

    @Override
    public boolean seesElement(String elementId) {
        if (hiddenElements.contains(elementId)) {
            return false;
        }
        return allowedElements == null || allowedElements.contains(elementId);
    }

    /**
     * For a partner, only its own records (its cases' numbers, the ids of ads in its scope): a
     * link's evidence from another agency's case record would name that case.
     */
    @Override
    public boolean seesRecord(@Nullable String recordId) {
        if (allowedKeys == null || recordId == null) {
            return true;
        }
        return allowedKeys.getOrDefault(EntityType.CASE, Set.of()).contains(recordId)
                || allowedKeys.getOrDefault(EntityType.AD, Set.of()).contains(recordId);
    }

    @Override
    public boolean seesEveryRecord() {
        return allowedKeys == null;
    }

    /** Need-to-know of this child's identity. */
    public boolean knows(Child child) {
        return knowsChild(child.uid());
    }

    @Override
    public boolean knowsChild(String uid) {
        return knownChildren.contains(uid);
    }

    /**
     * The keys of {@code type} a statement may return, as a parameter: null for any. Statements
     * that page or count ({@code totalCount}) filter with it, so counts never tell what is hidden.
     */
    @Override
    public @Nullable List<String> allowedKeys(EntityType type) {
        return allowedKeys == null ? null : List.copyOf(allowedKeys.getOrDefault(type, Set.of()));
    }

    /** The uids of the children whose identity the viewer may see, as a parameter. */
    public List<String> knownChildren() {
        return List.copyOf(knownChildren);
    }

    /** The element ids an analysis may cross, as a parameter: null for any (less the hidden ones: {@link #hides}). */
    public @Nullable List<String> allowedElementList() {
        return allowedElements == null ? null : List.copyOf(allowedElements);
    }

    /**
     * The Cypher condition that the node {@code v} is hidden from the viewer: the rule of
     * {@code security/hidden-identifiers} (a handle or email some child uses and no child the viewer
     * knows does) on one node, with the viewer's known children as {@code $knownChildren} ({@link
     * #knownChildren}; null hides nothing: work that has no viewer). A statement that must not cross
     * a hidden node tests it so, instead of taking the hidden nodes as a list: an analyst who knows
     * no child has a list of every child's handles and emails (87,125 at a million nodes, 4 MB in
     * each statement's parameters).
     */
    public static String hides(String v) {
        // Generated from security/hidden-identifiers, on the one node v (a variable name of the caller's).
        return "($knownChildren IS NOT NULL AND (" + v + ":Handle OR " + v + ":Email)"
                + " AND EXISTS { (:Child)-[:USES]->(" + v + ") }"
                + " AND NOT EXISTS { MATCH (known:Child)-[:USES]->(" + v + ") WHERE known.uid IN $knownChildren })";
    }

    /** Whether the viewer sees only part of the cases (a partner's scope, or none at all). */
    public boolean narrowed() {
        return allowedElements != null;
    }

    /** How many nodes a partner's scope holds (for logs and tests); -1 when unrestricted. */
    public int size() {
        return allowedElements == null ? -1 : allowedElements.size();
    }

    /** Collects (element id, type, key) rows into sets. */
    static final class Rows {
        final Set<String> elements = new HashSet<>();
        final Map<EntityType, Set<String>> keys = byType();

        void add(String elementId, EntityType type, String key) {
            elements.add(elementId);
            keys.computeIfAbsent(type, t -> new HashSet<>()).add(key);
        }
    }
}
