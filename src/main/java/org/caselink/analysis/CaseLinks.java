package org.caselink.analysis;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.model.Case;
import org.caselink.model.EntityType;
import org.caselink.model.Values;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The strongest case-to-case links across the whole graph, for a "cases to look at together"
 * view: {@code linkedCases} run from every case that shares a component of the evidence graph
 * with another case (a case alone in its component links to nothing but through hubs, which
 * analysis does not cross), kept as {@code CASE_LINK} relationships with the score and distance.
 * Refreshed with the networks; the paths that explain a link come from {@code linkedCases} or
 * {@code paths}.
 */
@Controller
class CaseLinks {

    private static final String WRITE = CypherFiles.query("analysis/case-links-write");
    private static final String LIST = CypherFiles.query("analysis/case-links-list");
    private static final String STALE = CypherFiles.query("analysis/case-links-stale");
    private static final String COMPUTED_AT = CypherFiles.query("analysis/case-links-computed-at");

    private final Graph graph;
    private final LinkedCaseSearch search;
    private final Explorer explorer;
    private final int maxHops;
    static final int BATCH = 100;

    CaseLinks(Graph graph, LinkedCaseSearch search, Explorer explorer, AnalysisProperties settings) {
        this.graph = graph;
        this.search = search;
        this.explorer = explorer;
        this.maxHops = settings.caseLinks().maxHops();
    }

    record CasePair(Case a, Case b, double score, int distance) {}

    record CasePairs(List<CasePair> links, @Nullable OffsetDateTime computedAt, boolean truncated) {}

    @QueryMapping
    CasePairs caseLinks(@Argument @Nullable Double minScore, @Argument @Nullable Integer first) {
        double min = minScore == null ? 0.3 : minScore;
        int max = AnalysisController.between("first", first == null ? 20 : first, 1, 1000);
        List<CasePair> pairs = graph.read(
                LIST,
                Map.of("minScore", min, "limit", max + 1),
                r -> new CasePair(
                        (Case) EntityType.CASE.map(r.get("a")),
                        (Case) EntityType.CASE.map(r.get("b")),
                        r.get("score").asDouble(),
                        r.get("distance").asInt()));
        OffsetDateTime computedAt = graph.read(COMPUTED_AT, Map.of(), r -> Values.dateTime(r.get("last"), "at"))
                .getFirst();
        var cut = Cut.of(pairs, max);
        return new CasePairs(cut.kept(), computedAt, cut.truncated());
    }

    /**
     * Replaces every case link by those found from {@code cases}; returns how many pairs. The
     * searches run in batches of {@link #BATCH} cases walking together (one statement per depth for
     * the whole batch), each batch within {@code timeout}, and each batch's links are written as it
     * finishes (a link found again is updated in place). Links not found again are deleted at the
     * end, so while a refresh runs, readers see the old links beside the new ones, never fewer.
     */
    int refresh(List<String> cases, OffsetDateTime computedAt, java.time.Duration timeout) {
        List<String> all = List.copyOf(new LinkedHashSet<>(cases));
        Set<List<String>> written = new HashSet<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            if (Thread.currentThread().isInterrupted()) {
                // Told to stop (the service is shutting down): the next run writes them all again.
                throw new java.util.concurrent.CancellationException("case links stopped after " + i + " cases");
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (var p : search.pairs(
                    all.subList(i, Math.min(all.size(), i + BATCH)), maxHops, explorer.deadline(timeout))) {
                if (written.add(List.of(p.a(), p.b()))) {
                    rows.add(Map.of("a", p.a(), "b", p.b(), "score", p.score(), "distance", p.distance()));
                }
            }
            if (!rows.isEmpty()) {
                graph.write(WRITE, Map.of("links", rows, "computedAt", computedAt), r -> r);
            }
        }
        while (graph.write(
                                STALE,
                                Map.of("computedAt", computedAt),
                                r -> r.get("deleted").asLong())
                        .getFirst()
                > 0) {
            // Stale links go in transactions of at most 10,000.
        }
        return written.size();
    }
}
