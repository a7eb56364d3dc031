package org.caselink.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.caselink.db.Graph;
import org.caselink.graph.Cursor;
import org.caselink.graph.InvalidInputException;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
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
        PERSON("person_names", EntityType.PERSON),
        CHILD("child_names_all", EntityType.CHILD),
        CASE("case_text", EntityType.CASE),
        AD("ad_text", EntityType.AD);

        final String index;
        final EntityType type;

        SearchType(String index, EntityType type) {
            this.index = index;
            this.type = type;
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

    private final Graph graph;
    private final Access access;

    SearchController(Graph graph, Access access) {
        this.graph = graph;
        this.access = access;
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
            p.put("limit", first);
            p.put("allowed", scope.allowedKeys(t.type));
            p.put("hidden", scope.hiddenKeys(t.type));
            p.put("known", t.type == EntityType.CHILD ? scope.knownChildren() : null);
            p.put("scan", scope.unrestricted() && t.type != EntityType.CHILD ? first : NARROWED_SCAN);
            hits.addAll(graph.read(
                    "CALL db.index.fulltext.queryNodes($index, $query, {limit: $scan}) YIELD node, score"
                            + " WITH node, score WHERE ($allowed IS NULL OR node." + t.type.keyProperty()
                            + " IN $allowed) AND NOT node." + t.type.keyProperty() + " IN $hidden"
                            + " AND ($known IS NULL OR node.uid IN $known)"
                            + " RETURN node, score ORDER BY score DESC LIMIT $limit",
                    p,
                    r -> new SearchHit(r.get("score").asDouble(), t.type.map(r.get("node")))));
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score)
                .reversed()
                .thenComparing(h -> h.node().getId()));
        return hits.subList(0, Math.min(first, hits.size()));
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
