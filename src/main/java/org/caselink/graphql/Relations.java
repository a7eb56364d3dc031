package org.caselink.graphql;

import graphql.GraphQLContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.model.CurrentVisibility;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.caselink.model.Evidence;
import org.caselink.model.Visibility;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Loads relationship fields for a whole batch of parents in one statement, so that a list of 100
 * cases with their children costs one query, not 100. Plain lists go through {@code @BatchMapping}
 * and {@link #lists}; paged lists (a phone's ads) through a data loader keyed by parent and page.
 */
@Component
public class Relations {

    /** Keyset order of the types that are paged: a time (newest first), then the natural key. */
    private static final Map<EntityType, String[]> KEYSET = Map.of(
            EntityType.AD, new String[] {"postedAt", "adId"},
            EntityType.CASE, new String[] {"reportedAt", "caseNumber"});

    private static final String ALIASES_IN_SIGHT = CypherFiles.query("graphql/aliases-in-sight");

    private final Graph graph;
    private final CurrentVisibility access;
    private final int maxPageSize;
    private final CompiledReads compiled;

    Relations(
            Graph graph,
            CurrentVisibility access,
            BatchLoaderRegistry registry,
            ApiProperties api,
            CompiledReads compiled) {
        this.graph = graph;
        this.compiled = compiled;
        this.access = access;
        this.maxPageSize = api.maxPageSize();
        // Registered under Connection's class name: a DataLoader<PageKey, Connection<?>> argument finds it.
        registry.forTypePair(PageKey.class, Connection.class)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> pages(keys, env.getContext())));
    }

    /**
     * Lets a root lookup read the field {@code coordinate} in its own statement: the field's
     * loader must read {@code rel} through the method {@code kind} names, with the request's
     * context (see {@link CompiledReads#register}).
     */
    public void compiles(String coordinate, Prefetch.Kind kind, Rel rel, String... via) {
        compiled.register(coordinate, kind, rel, via);
    }

    /** The far ends of {@code rel} for every parent, mapped from (far node, relationship). */
    public <S extends Entity, T> Map<S, List<T>> lists(List<S> parents, Rel rel, BiFunction<Value, Value, T> mapper) {
        return lists(null, parents, rel, mapper);
    }

    /**
     * As {@link #lists(List, Rel, BiFunction)}, taking the rows a compiled statement of this
     * request already read ({@link Prefetch}, found in {@code context}) instead of reading them again.
     */
    public <S extends Entity, T> Map<S, List<T>> lists(
            @Nullable GraphQLContext context, List<S> parents, Rel rel, BiFunction<Value, Value, T> mapper) {
        Map<String, List<Prefetch.Row>> byKey = rows(context, Prefetch.Kind.LIST, rel, parents);
        Map<S, List<T>> out = new LinkedHashMap<>();
        parents.forEach(p -> out.put(
                p,
                byKey.getOrDefault(p.key(), List.of()).stream()
                        .map(row -> mapper.apply(row.node(), row.rel()))
                        .toList()));
        return out;
    }

    /**
     * The far ends of {@code rel} that the current viewer may see the link to: those with at least
     * one relationship whose evidence is a record in the viewer's sight (parallel relationships,
     * one per record, are all read). A far end linked only by another agency's record is left out,
     * though the viewer may see the node itself.
     */
    public <S extends Entity, T extends Entity> Map<S, List<T>> listsByEvidence(List<S> parents, Rel rel) {
        return listsByEvidence(null, parents, rel);
    }

    /** As {@link #listsByEvidence(List, Rel)}, with the rows a compiled statement already read. */
    @SuppressWarnings("unchecked")
    public <S extends Entity, T extends Entity> Map<S, List<T>> listsByEvidence(
            @Nullable GraphQLContext context, List<S> parents, Rel rel) {
        Visibility viewer = access.current();
        Map<String, List<Prefetch.Row>> byKey = rows(context, Prefetch.Kind.EVIDENCE, rel, parents);
        Map<S, List<T>> out = new LinkedHashMap<>();
        parents.forEach(p -> out.put(
                p,
                byKey.getOrDefault(p.key(), List.of()).stream()
                        .filter(row -> row.rel().asList(Evidence::from).stream().anyMatch(e -> e.visibleTo(viewer)))
                        .map(row -> (T) rel.to().map(row.node()))
                        .toList()));
        return out;
    }

    /**
     * The rows of {@code rel} for every parent: those a compiled statement of this request read,
     * and one statement for the parents it did not reach.
     */
    private Map<String, List<Prefetch.Row>> rows(
            @Nullable GraphQLContext context, Prefetch.Kind kind, Rel rel, List<? extends Entity> parents) {
        Prefetch prefetch = Prefetch.in(context);
        Map<String, List<Prefetch.Row>> byKey = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys(parents)) {
            List<Prefetch.Row> read = prefetch == null ? null : prefetch.rows(kind, rel, key);
            if (read == null) {
                missing.add(key);
            } else {
                byKey.put(key, read);
            }
        }
        if (!missing.isEmpty()) {
            boolean all = kind == Prefetch.Kind.EVIDENCE;
            graph.read(all ? listAllQuery(rel) : listQuery(rel), Map.of("keys", missing), r -> {
                byKey.computeIfAbsent(r.get("key").asString(), k -> new ArrayList<>())
                        .add(new Prefetch.Row(r.get("node"), r.get(all ? "rels" : "rel")));
                return null;
            });
        }
        return byKey;
    }

    /**
     * The aliases of people or children that the current viewer may be shown: all of them for a
     * viewer who sees every record; for a partner, only those its own records gave (each case
     * record's names are kept on its role relationship), not those merged into the node from
     * another agency's record.
     */
    public <S extends Entity> Map<S, List<String>> aliasesInSight(
            List<S> parents, java.util.function.Function<S, List<String>> aliases) {
        var visibility = access.current();
        Map<S, List<String>> out = new LinkedHashMap<>();
        if (visibility.seesEveryRecord() || parents.isEmpty()) {
            parents.forEach(p -> out.put(p, aliases.apply(p)));
            return out;
        }
        Map<String, Set<String>> given = new HashMap<>();
        graph.read(
                CypherFiles.fill(
                        ALIASES_IN_SIGHT,
                        "__LABEL__",
                        parents.getFirst().entityType().label()),
                Map.of("keys", keys(parents)),
                r -> {
                    if (visibility.seesRecord(r.get("recordId").asString())) {
                        given.computeIfAbsent(r.get("key").asString(), k -> new java.util.HashSet<>())
                                .addAll(r.get("names").asList(Value::asString));
                    }
                    return null;
                });
        parents.forEach(p -> out.put(
                p,
                aliases.apply(p).stream()
                        .filter(given.getOrDefault(p.key(), Set.of())::contains)
                        .toList()));
        return out;
    }

    /** The far ends of {@code rel} as values of their type. */
    public <S extends Entity, T extends Entity> Map<S, List<T>> lists(List<S> parents, Rel rel) {
        return lists(null, parents, rel);
    }

    /** As {@link #lists(List, Rel)}, with the rows a compiled statement already read. */
    @SuppressWarnings("unchecked")
    public <S extends Entity, T extends Entity> Map<S, List<T>> lists(
            @Nullable GraphQLContext context, List<S> parents, Rel rel) {
        return lists(context, parents, rel, (node, r) -> (T) rel.to().map(node));
    }

    /** One page of {@code rel} from {@code parent}, batched with every other page asked for in the same request. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> CompletableFuture<Connection<T>> page(
            DataLoader<PageKey, Connection<?>> loader,
            Rel rel,
            Entity parent,
            @Nullable Integer firstOrNull,
            @Nullable String after) {
        int first = Cursor.first(firstOrNull);
        Cursor.pageParams(first, after, maxPageSize); // refuse bad input before any batching
        return (CompletableFuture) loader.load(new PageKey(rel, parent.key(), first, after, access.current()));
    }

    /**
     * One page of a root list. {@code cypher} returns {@code total} and {@code page} (the nodes in
     * keyset order, at most {@code $limit}); {@code filters} are its other parameters.
     */
    public <T> Connection<T> rootPage(
            String cypher,
            Map<String, Object> filters,
            EntityType type,
            @Nullable Integer firstOrNull,
            @Nullable String after) {
        int first = Cursor.first(firstOrNull);
        Map<String, Object> params = new HashMap<>(filters);
        params.putAll(Cursor.pageParams(first, after, maxPageSize));
        // A partner's page and count hold only what it may see: the count tells nothing of the rest.
        params.put("allowed", access.current().allowedKeys(type));
        return graph.read(cypher, params, r -> {
                    @SuppressWarnings("unchecked")
                    List<Connection.Edge<T>> edges =
                            r.get("page").asList(n -> (Connection.Edge<T>) (Connection.Edge<?>) edge(type, n, null));
                    return Connection.of(edges, first, r.get("total").asInt());
                })
                .getFirst();
    }

    /** A request for one page of one parent's relationship, as one viewer's scope may see it. */
    public record PageKey(
            Rel rel, String parentKey, int first, @Nullable String after, Visibility scope) {}

    @SuppressWarnings("rawtypes")
    private Map<PageKey, Connection> pages(Set<PageKey> asked, @Nullable Object context) {
        Map<PageKey, Connection> out = new HashMap<>();
        Prefetch prefetch = Prefetch.in(context);
        List<PageKey> keys = new ArrayList<>();
        for (PageKey k : asked) {
            Prefetch.Page read = prefetch == null ? null : prefetch.page(k.rel(), k.first(), k.after(), k.parentKey());
            if (read == null) {
                keys.add(k);
            } else {
                List<Connection.Edge<Object>> edges = read.rows().stream()
                        .map(row -> edge(k.rel().to(), row.node(), row.rel()))
                        .toList();
                out.put(k, Connection.of(edges, k.first(), read.total()));
            }
        }
        // One statement per (relationship, page size, cursor): in practice one per field in the request.
        var groups = keys.stream()
                .collect(Collectors.groupingBy(k -> List.of(k.rel(), k.first(), String.valueOf(k.after()), k.scope())));
        for (var group : groups.values()) {
            PageKey any = group.getFirst();
            Map<String, Object> params = new HashMap<>(Cursor.pageParams(any.first(), any.after(), maxPageSize));
            params.put("keys", group.stream().map(PageKey::parentKey).toList());
            params.put("allowed", any.scope().allowedKeys(any.rel().to()));
            Map<String, Connection<?>> byParent = new HashMap<>();
            graph.read(pageQuery(any.rel()), params, r -> {
                List<Connection.Edge<Object>> edges =
                        r.get("page").asList(e -> edge(any.rel().to(), e.get("node"), e.get("rel")));
                byParent.put(
                        r.get("key").asString(),
                        Connection.of(edges, any.first(), r.get("total").asInt()));
                return null;
            });
            for (PageKey k : group) {
                out.put(k, byParent.getOrDefault(k.parentKey(), Connection.of(List.of(), k.first(), 0)));
            }
        }
        return out;
    }

    /** An edge of a paged list; its cursor is the keyset position of the node. */
    public static Connection.Edge<Object> edge(EntityType type, Value node, @Nullable Value rel) {
        String[] keyset = KEYSET.get(type);
        Entity entity = type.map(node);
        var time = node.get(keyset[0]).asZonedDateTime().toOffsetDateTime();
        String cursor = new Cursor(time, node.get(keyset[1]).asString()).encode();
        return new Connection.Edge<>(cursor, entity, rel == null || rel.isNull() ? null : Evidence.from(rel));
    }

    /** {@code ORDER BY} and the keyset condition for a paged type, in terms of {@code t}. */
    public static String keysetOrder(EntityType type) {
        String[] k = KEYSET.get(type);
        return "t." + k[0] + " DESC, t." + k[1] + " ASC";
    }

    public static String keysetAfter(EntityType type) {
        String[] k = KEYSET.get(type);
        return "($afterTime IS NULL OR t." + k[0] + " < $afterTime OR (t." + k[0] + " = $afterTime AND t." + k[1]
                + " > $afterKey))";
    }

    private static List<String> keys(List<? extends Entity> parents) {
        return parents.stream().map(Entity::key).distinct().toList();
    }

    // Parallel relationships (one per piece of evidence) collapse to one result per far node and
    // relationship type; the first evidence rides along.
    private static String listQuery(Rel rel) {
        // Generated from a Rel, list shape (from-type, pattern, order): not a .cypher file
        return "UNWIND $keys AS key MATCH " + rel.from().match("s", "key") + " MATCH " + rel.pattern()
                + " WITH key, t, type(r) AS relType, collect(r) AS rels"
                + " WITH key, t, rels[0] AS r ORDER BY key, " + rel.orderBy()
                + " RETURN key, t AS node, r AS rel";
    }

    private static String listAllQuery(Rel rel) {
        // Generated from a Rel, list-with-all-evidence shape (from-type, pattern, order): not a .cypher file
        return "UNWIND $keys AS key MATCH " + rel.from().match("s", "key") + " MATCH " + rel.pattern()
                + " WITH key, t, collect(r) AS rels ORDER BY key, " + rel.orderBy()
                + " RETURN key, t AS node, rels";
    }

    // $allowed narrows page and count to a partner's scope (null: everything).
    private static String pageQuery(Rel rel) {
        String allowed = " WHERE ($allowed IS NULL OR t." + rel.to().keyProperty() + " IN $allowed)";
        // Generated from a Rel, keyset-page shape (from-type, pattern, order): not a .cypher file
        return "UNWIND $keys AS key MATCH " + rel.from().match("s", "key")
                + " CALL (s) { MATCH " + rel.pattern() + allowed + " WITH t, collect(r)[0] AS r WHERE "
                + keysetAfter(rel.to())
                + " WITH t, r ORDER BY " + keysetOrder(rel.to()) + " LIMIT $limit"
                + " RETURN collect({node: t, rel: r}) AS page }"
                + " CALL (s) { MATCH " + rel.pattern() + allowed + " RETURN count(DISTINCT t) AS total }"
                + " RETURN key, page, total";
    }
}
