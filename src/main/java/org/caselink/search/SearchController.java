package org.caselink.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.graphql.Cursor;
import org.caselink.graphql.InvalidInputException;
import org.caselink.graphql.Relations;
import org.caselink.model.Child;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.caselink.model.Person;
import org.caselink.security.Access;
import org.caselink.security.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Full-text search over the indexes that migration V0003 creates. */
@Controller
class SearchController {

    enum SearchType {
        PERSON("person_names", EntityType.PERSON, "firstName", "lastName", "aliasText"),
        CHILD("child_names_all", EntityType.CHILD, "firstName", "lastName", "aliasText"),
        CASE("case_text", EntityType.CASE, "caseNumber", "summary"),
        AD("ad_text", EntityType.AD, "title", "body");

        final String index;
        final EntityType type;
        /** The properties the index covers (migrations V0003, V0004). */
        final List<String> fields;

        SearchType(String index, EntityType type, String... fields) {
            this.index = index;
            this.type = type;
            this.fields = List.of(fields);
        }
    }

    record SearchHit(double score, Entity node) implements org.caselink.model.Guarded {
        @Override
        public boolean visibleTo(org.caselink.model.Visibility visibility) {
            return visibility.sees(node);
        }
    }

    private static final int MAX_HITS = 100;

    /** How many index hits a narrowed search reads to fill {@code first} with hits in scope. */
    private static final int NARROWED_SCAN = 2000;

    private static final String FULLTEXT =
            CypherFiles.fill(CypherFiles.query("search/fulltext"), "__HIDDEN_NODE__", Scope.hides("node"));
    private static final String FULLTEXT_IDS = CypherFiles.query("search/fulltext-ids");
    private static final String NODES = CypherFiles.query("search/nodes");

    private final Graph graph;
    private final Access access;
    private final Relations relations;

    SearchController(Graph graph, Access access, Relations relations) {
        this.graph = graph;
        this.access = access;
        this.relations = relations;
    }

    @QueryMapping
    List<SearchHit> search(
            @Argument String text,
            @Argument @Nullable List<SearchType> types,
            @Argument("first") @Nullable Integer firstOrNull) {
        int first = Cursor.first(firstOrNull);
        if (first < 0 || first > MAX_HITS) {
            throw new InvalidInputException("first", "must be between 0 and " + MAX_HITS);
        }
        String query = luceneTerms(text);
        if (query.isEmpty() || first == 0) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        Scope scope = access.scope();
        for (SearchType t :
                types == null || types.isEmpty() ? EnumSet.allOf(SearchType.class) : EnumSet.copyOf(types)) {
            // Hits out of the viewer's scope never come back, nor does a child whose identity the
            // viewer may not know: finding a child by name would confirm who the child is.
            Map<String, Object> p = new java.util.HashMap<>();
            p.put("index", t.index);
            p.put("query", query);
            List<String> words = words(text);
            if (scope.narrowed()) {
                hits.addAll(partnersHits(t, p, scope, words));
                continue;
            }
            p.put("keyProperty", t.type.keyProperty());

            p.put("allowed", scope.allowedKeys(t.type));
            p.put("knownChildren", scope.knownChildren());
            p.put("known", t.type == EntityType.CHILD ? scope.knownChildren() : null);
            // Narrowed: a partner's view of any index, and everyone's of the children's.
            boolean narrowed = scope.allowedKeys(t.type) != null || t.type == EntityType.CHILD;
            p.put("scan", narrowed ? NARROWED_SCAN : first);
            // Narrowed, every hit in view is scored here, and the best kept below.
            p.put("limit", narrowed ? NARROWED_SCAN : first);
            List<SearchHit> found = graph.read(
                    FULLTEXT,
                    p,
                    // Lucene's score weighs terms by how rare they are in the whole index, every
                    // agency's records and every child included: a narrowed view is scored by what
                    // it can see alone, the share of the words searched for that the hit holds.
                    r -> new SearchHit(
                            narrowed
                                    ? share(words, r.get("node"), t.fields)
                                    : r.get("score").asDouble(),
                            t.type.map(r.get("node"))));
            hits.addAll(
                    scope.allowedKeys(t.type) != null && t.fields.contains("aliasText")
                            ? byNamesInSight(found, words)
                            : found);
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score)
                .reversed()
                .thenComparing(h -> h.node().getId()));
        return hits.subList(0, Math.min(first, hits.size()));
    }

    /**
     * A partner's hits of one index: the index's best {@link #NARROWED_SCAN} as element ids, those
     * its scope holds (and, for children, those it knows: every child of its cases) loaded and
     * scored by what it can see, as the narrowed search of {@code search/fulltext} scores them.
     */
    private List<SearchHit> partnersHits(SearchType t, Map<String, Object> p, Scope scope, List<String> words) {
        p.put("scan", NARROWED_SCAN);
        List<String> kept = graph
                .read(FULLTEXT_IDS, p, r -> {
                    String id = r.get("id").asString();
                    boolean known = t.type != EntityType.CHILD
                            || (!r.get("uid").isNull()
                                    && scope.knowsChild(r.get("uid").asString()));
                    return known && scope.seesElement(id) ? id : "";
                })
                .stream()
                .filter(id -> !id.isEmpty())
                .toList();
        if (kept.isEmpty()) {
            return List.of();
        }
        List<SearchHit> found = graph.read(
                NODES,
                Map.of("ids", kept),
                r -> new SearchHit(share(words, r.get("node"), t.fields), t.type.map(r.get("node"))));
        return t.fields.contains("aliasText") ? byNamesInSight(found, words) : found;
    }

    /**
     * A partner's hits on people and children rescored on the names it may see: the index holds
     * every alias of the node, some of them from another agency's records, which a partner is not
     * shown ({@link Relations#aliasesInSight}) and must not find a node by.
     */
    private List<SearchHit> byNamesInSight(List<SearchHit> found, List<String> words) {
        Map<Entity, List<String>> aliases =
                relations.aliasesInSight(found.stream().map(SearchHit::node).toList(), node -> switch (node) {
                    case Person p -> p.aliases();
                    case Child c -> c.aliases();
                    default -> List.of();
                });
        List<SearchHit> kept = new ArrayList<>();
        for (SearchHit hit : found) {
            List<String> names = new ArrayList<>(aliases.getOrDefault(hit.node(), List.of()));
            switch (hit.node()) {
                case Person p -> names.addAll(java.util.Arrays.asList(p.firstName(), p.lastName()));
                case Child c -> names.addAll(java.util.Arrays.asList(c.firstName(), c.lastName()));
                default -> {}
            }
            double score = share(words, names);
            if (score > 0) {
                kept.add(new SearchHit(score, hit.node()));
            }
        }
        return kept;
    }

    /** The share of {@code words} that {@code texts} hold. */
    private static double share(List<String> words, List<@Nullable String> texts) {
        java.util.Set<String> held = new java.util.HashSet<>();
        texts.stream().filter(java.util.Objects::nonNull).forEach(x -> held.addAll(tokens(x)));
        return words.isEmpty()
                ? 0
                : (double) words.stream().filter(held::contains).count() / words.size();
    }

    /** The words searched for, as the index's analyzer would cut them: lower case, letters and digits. */
    static List<String> words(String text) {
        return tokens(text).stream().distinct().limit(20).toList();
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (!word.isEmpty()) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        return out;
    }

    /** The share of {@code words} that the node's indexed properties hold, in (0, 1] for a hit. */
    static double share(List<String> words, org.neo4j.driver.Value node, List<String> fields) {
        List<@Nullable String> texts = new ArrayList<>();
        for (String f : fields) {
            var v = node.get(f);
            texts.add(v.isNull() ? null : v.asString());
        }
        return share(words, texts);
    }

    /**
     * The words of {@code text} as Lucene terms: every character Lucene would read as syntax is
     * escaped, so user text is searched for, never interpreted. Words are OR-ed; more matching
     * words score higher.
     */
    static String luceneTerms(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty() || terms.size() >= 20) {
                continue;
            }
            StringBuilder escaped = new StringBuilder();
            for (char c : word.toCharArray()) {
                if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
            String term = escaped.toString();
            if (term.equals("AND") || term.equals("OR") || term.equals("NOT")) {
                term = term.toLowerCase(java.util.Locale.ROOT);
            }
            terms.add(term);
        }
        return String.join(" ", terms);
    }
}
