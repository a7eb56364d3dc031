package org.caselink.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caselink.db.Graph;
import org.caselink.model.CurrentVisibility;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * One statement per root field where the shape allows it. A root lookup ({@code case}, {@code
 * phone}, {@code person}...) translates the relationship fields of its selection set, to {@code
 * caselink.api.compiled-depth} levels, into nested {@code COLLECT} subqueries of the one statement
 * that finds the root node; the rows each relationship returns are kept in the request
 * ({@link Prefetch}) and the fields' batch loaders take them from there instead of running their
 * own statements. Every subquery is generated from the same {@link Rel} (pattern, order, a
 * partner's {@code $allowed} narrowing of pages, the keyset) as the batched statement it stands
 * for, and yields the same rows: the values, the guard's scope, redaction and the record of
 * returned ids come from the same code on both paths.
 *
 * <p>Only relationship fields registered here (by the controllers that own them) are compiled;
 * any other field, and everything below the depth limit, is loaded as before, batched per level.
 * Below a few levels one statement stops paying: a subtree reached by many paths (the cases of
 * every person of a case, and their children) is read once per path inside one statement, where
 * the batched loaders read each parent once. Nor does it pay for an operation of many root
 * fields ({@link #MAX_ROOTS}).
 */
@Component
public class CompiledReads {

    /** How a registered field reads its rows, and where its far node's selection sits under it. */
    record Field(Prefetch.Kind kind, Rel rel, List<String> via) {}

    /** One compiled field: a subquery, its alias in the result, its page arguments and its own fields. */
    private record Node(
            String alias, Field field, int first, @Nullable String after, List<Node> children) {}

    /**
     * An operation with more root fields than this is read batched: each compiled root field is a
     * statement of its own, where the batched loaders read one level of every root field at once
     * (the leak search sends documents of hundreds of aliased lookups).
     */
    static final int MAX_ROOTS = 4;

    /**
     * Statements asked for at least once. A statement runs compiled from the second time its
     * shape is asked for: the first goes the batched way, whose few statements Neo4j has planned
     * long ago, so a one-off query (an analyst exploring) never waits for a new plan, and a
     * client's recurring query pays for its plan once.
     */
    static final int SEEN = 1_000;

    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> seen =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(SEEN)
                    .build();

    private final Map<String, Field> fields = new ConcurrentHashMap<>();
    private final Graph graph;
    private final CurrentVisibility access;
    private final int maxPageSize;
    private final int depth;

    /**
     * The most relationships one statement reads ({@code caselink.api.compiled-relationships}); the
     * rest are read batched. Neo4j plans a statement the first time it sees its text, and the plan
     * of nested subqueries grows with their number: the first runs of the leak search's statements
     * took 0.5 to 2 seconds with 20 to 40 of them, 0.1 to 0.7 seconds with six; once planned, a
     * run is the reading alone. Twelve hold the benchmark's case lookup three levels deep, which
     * six split into four to six statements (18.2 ms median at a million nodes; 14.9 ms in one).
     */
    private final int maxSubqueries;

    private volatile boolean enabled;

    CompiledReads(Graph graph, CurrentVisibility access, ApiProperties api) {
        this.graph = graph;
        this.access = access;
        this.maxPageSize = api.maxPageSize();
        this.depth = api.compiledDepth();
        this.maxSubqueries = api.compiledRelationships();
        this.enabled = api.compiledReads();
    }

    /**
     * Lets the field {@code coordinate} ({@code Type.field}) be compiled: its batch loader reads
     * {@code rel} as {@code kind} through {@link Relations} with the request's context; the far
     * node's own fields are selected under the sub-fields {@code via} ({@code person} in a
     * {@code CaseRole}, {@code edges}, {@code node} in a connection).
     */
    public void register(String coordinate, Prefetch.Kind kind, Rel rel, String... via) {
        fields.put(coordinate, new Field(kind, rel, List.of(via)));
    }

    /** Whether root lookups compile their selections (tests compare both paths). */
    void enabled(boolean on) {
        this.enabled = on;
    }

    /** Forgets the shapes asked for (tests: the next ask of each goes batched again). */
    void forget() {
        seen.invalidateAll();
    }

    /**
     * The root node of {@code type} with key {@code key}, its selection's relationships read by the
     * same statement into the request's {@link Prefetch}; empty when there is no such node.
     * {@code null} when nothing in the selection compiles: the caller finds the node alone.
     */
    @Nullable
    Optional<Entity> find(DataFetchingEnvironment env, EntityType type, String key) {
        if (!enabled
                || depth < 1
                || env.getSelectionSet() == null
                || env.getOperationDefinition()
                                .getSelectionSet()
                                .getSelections()
                                .size()
                        > MAX_ROOTS) {
            return null;
        }
        int[] aliases = {0};
        List<Node> plan = plan(type, env.getSelectionSet().getImmediateFields(), 1, aliases);
        if (plan.isEmpty()) {
            return null;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        String cypher = rootQuery(type, plan, params);
        if (seen.asMap().putIfAbsent(cypher, Boolean.TRUE) == null) {
            return null; // a shape not asked for before: batched, see SEEN
        }
        List<Value[]> rows = graph.read(cypher, params, r -> new Value[] {r.get("node"), r.get("f")});
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Entity root = type.map(rows.getFirst()[0]);
        keep(Prefetch.attach(env.getGraphQlContext()), root.key(), rows.getFirst()[1], plan);
        return Optional.of(root);
    }

    private List<Node> plan(EntityType type, List<SelectedField> selected, int level, int[] aliases) {
        List<Node> out = new ArrayList<>();
        if (level > depth) {
            return out;
        }
        for (SelectedField f : selected) {
            String coordinate = type.label() + "." + f.getName();
            Field field = fields.get(coordinate);
            if (field == null || !f.getObjectTypeNames().contains(type.label()) || aliases[0] >= maxSubqueries) {
                continue;
            }
            int first = 0;
            String after = null;
            if (field.kind() == Prefetch.Kind.PAGE) {
                Object asked = f.getArguments().get("first");
                first = Cursor.first(asked instanceof Integer i ? i : null);
                after = f.getArguments().get("after") instanceof String s ? s : null;
                try {
                    Cursor.pageParams(first, after, maxPageSize);
                } catch (InvalidInputException e) {
                    continue; // the field's own resolver refuses it, as it always did
                }
            }
            List<SelectedField> below = f.getSelectionSet().getImmediateFields();
            for (String step : field.via()) {
                List<SelectedField> next = new ArrayList<>();
                for (SelectedField b : below) {
                    if (b.getName().equals(step)) {
                        next.addAll(b.getSelectionSet().getImmediateFields());
                    }
                }
                below = next;
            }
            String alias = "c" + aliases[0]++;
            out.add(new Node(alias, field, first, after, plan(field.rel().to(), below, level + 1, aliases)));
        }
        return out;
    }

    private String rootQuery(EntityType type, List<Node> plan, Map<String, Object> params) {
        // Generated from a selection set, root shape (type, key; its subqueries below): not a .cypher file
        return "MATCH " + type.match("t0", "$key") + " RETURN t0 AS node, " + map("t0", plan, 1, params) + " AS f";
    }

    /** The map of subqueries for {@code nodes} below the node bound to {@code parent}. */
    private String map(String parent, List<Node> nodes, int level, Map<String, Object> params) {
        List<String> entries = new ArrayList<>();
        for (Node n : nodes) {
            entries.add(n.alias() + ": " + subquery(parent, n, level, params));
        }
        return "{" + String.join(", ", entries) + "}";
    }

    // Generated from a Rel, the same three shapes as Relations' statements: not a .cypher file.
    private String subquery(String parent, Node n, int level, Map<String, Object> params) {
        Rel rel = n.field().rel();
        String t = "t" + level;
        String r = "r" + level;
        String pattern = rename(rel.pattern(), parent, r, t);
        String order = rename(rel.orderBy(), parent, r, t);
        String below = map(t, n.children(), level + 1, params);
        return switch (n.field().kind()) {
            case LIST ->
                "COLLECT { MATCH " + pattern + " WITH " + t + ", type(" + r + ") AS k" + level + ", collect("
                        + r + ") AS rs" + level + " WITH " + t + ", rs" + level + "[0] AS " + r + " ORDER BY " + order
                        + " RETURN {node: " + t + ", rel: " + r + ", f: " + below + "} }";
            case EVIDENCE ->
                "COLLECT { MATCH " + pattern + " WITH " + t + ", collect(" + r + ") AS " + r + " ORDER BY " + order
                        + " RETURN {node: " + t + ", rel: " + r + ", f: " + below + "} }";
            case PAGE -> {
                String p = n.alias() + "_";
                Cursor.pageParams(n.first(), n.after(), maxPageSize).forEach((k, v) -> params.put(p + k, v));
                params.put(p + "allowed", access.current().allowedKeys(rel.to()));
                String allowed = " WHERE ($" + p + "allowed IS NULL OR " + t + "."
                        + rel.to().keyProperty() + " IN $" + p + "allowed)";
                String after = rename(
                        Relations.keysetAfter(rel.to())
                                .replace("$afterTime", "$" + p + "afterTime")
                                .replace("$afterKey", "$" + p + "afterKey"),
                        parent,
                        r,
                        t);
                String keyset = rename(Relations.keysetOrder(rel.to()), parent, r, t);
                yield "{page: COLLECT { MATCH " + pattern + allowed + " WITH " + t + ", collect(" + r + ")[0] AS " + r
                        + " WHERE " + after + " WITH " + t + ", " + r + " ORDER BY " + keyset + " LIMIT $" + p
                        + "limit RETURN {node: " + t + ", rel: " + r + ", f: " + below + "} }, total: COUNT { MATCH "
                        + pattern + allowed + " WITH DISTINCT " + t + " RETURN " + t + " } }";
            }
        };
    }

    private static final Pattern VARIABLE = Pattern.compile("\\b([srt])\\b");

    /** A Rel's text with its variables s, r and t renamed (they are single letters, labels are not). */
    static String rename(String text, String s, String r, String t) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = switch (m.group(1)) {
                case "s" -> s;
                case "r" -> r;
                default -> t;
            };
            m.appendReplacement(out, name);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Keeps the rows of every compiled field below {@code parentKey}, and of theirs, for the batch loaders. */
    private static void keep(Prefetch prefetch, String parentKey, Value fields, List<Node> nodes) {
        for (Node n : nodes) {
            Value v = fields.get(n.alias());
            Rel rel = n.field().rel();
            List<Value> items =
                    n.field().kind() == Prefetch.Kind.PAGE ? v.get("page").asList(x -> x) : v.asList(x -> x);
            List<Prefetch.Row> rows = new ArrayList<>(items.size());
            for (Value item : items) {
                rows.add(new Prefetch.Row(item.get("node"), item.get("rel")));
                if (!n.children().isEmpty()) {
                    keep(prefetch, rel.to().map(item.get("node")).key(), item.get("f"), n.children());
                }
            }
            if (n.field().kind() == Prefetch.Kind.PAGE) {
                prefetch.put(
                        new Prefetch.Slot(Prefetch.Kind.PAGE, rel, n.first(), n.after()),
                        parentKey,
                        new Prefetch.Page(rows, v.get("total").asInt()));
            } else {
                prefetch.put(new Prefetch.Slot(n.field().kind(), rel, 0, null), parentKey, rows);
            }
        }
    }
}
