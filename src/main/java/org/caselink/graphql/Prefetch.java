package org.caselink.graphql;

import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/**
 * The rows one compiled statement read for a whole selection ({@link CompiledReads}), kept in the
 * request's {@link GraphQLContext} and handed to {@link Relations} by the batch loaders: the rows
 * are those its own statement would have returned for the same parent and relationship, so
 * everything after them (mapping, the controllers' shaping, the guard's scope, redaction and the
 * record of returned ids) is the same code on both paths. A parent the statement did not reach
 * (a field deeper than the plan, or not compiled) is simply absent, and its rows are read as before.
 */
public final class Prefetch {

    /** The GraphQLContext key. */
    static final String CONTEXT_KEY = "caselink.prefetch";

    /** How a relationship field reads its rows: see {@link Relations}' methods of the same names. */
    public enum Kind {
        /** {@link Relations#lists}: one row per far node and relationship type, its first evidence. */
        LIST,
        /** {@link Relations#listsByEvidence}: one row per far node, with every relationship to it. */
        EVIDENCE,
        /** {@link Relations#page}: one keyset page of a connection and its count. */
        PAGE
    }

    /**
     * One row: the far node and its relationship ({@code rel}, or for {@link Kind#EVIDENCE} the
     * list {@code rels}).
     */
    record Row(Value node, Value rel) {}

    /** One page: up to {@code first + 1} rows in keyset order, and how many in all. */
    record Page(List<Row> rows, int total) {}

    record Slot(Kind kind, Rel rel, int first, @Nullable String after) {}

    private final Map<Slot, Map<String, Object>> slots = new ConcurrentHashMap<>();

    static @Nullable Prefetch in(@Nullable Object context) {
        return context instanceof GraphQLContext c ? c.get(CONTEXT_KEY) : null;
    }

    static Prefetch attach(GraphQLContext context) {
        return context.computeIfAbsent(CONTEXT_KEY, k -> new Prefetch());
    }

    void put(Slot slot, String parentKey, Object rowsOrPage) {
        slots.computeIfAbsent(slot, s -> new ConcurrentHashMap<>()).put(parentKey, rowsOrPage);
    }

    @SuppressWarnings("unchecked")
    @Nullable
    List<Row> rows(Kind kind, Rel rel, String parentKey) {
        Map<String, Object> byParent = slots.get(new Slot(kind, rel, 0, null));
        return byParent == null ? null : (List<Row>) byParent.get(parentKey);
    }

    @Nullable
    Page page(Rel rel, int first, @Nullable String after, String parentKey) {
        Map<String, Object> byParent = slots.get(new Slot(Kind.PAGE, rel, first, after));
        return byParent == null ? null : (Page) byParent.get(parentKey);
    }
}
