package org.caselink.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caselink.bench.quality.Quality;
import org.caselink.model.GlobalId;
import org.springframework.graphql.ExecutionGraphQlService;

/**
 * {@link Quality}'s analyst: asks the GraphQL API in this JVM as an analyst would (through {@link
 * AnalysisBenchmark#execute}), so that {@code score} measures what a client gets.
 */
public final class GraphQlAnalyst implements Quality.Analyst {

    private static final String LINKED =
            "query($c: String!) { linkedCases(caseNumber: $c) { links { case { caseNumber } score } } }";
    private static final String NETWORK =
            "query($c: String!) { case(caseNumber: $c) { network { id keyPlayers(first: 3) { node { id } } } } }";

    private final ExecutionGraphQlService gql;

    public GraphQlAnalyst(ExecutionGraphQlService gql) {
        this.gql = gql;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Quality.Linked> linkedCases(String caseNumber) {
        var data = AnalysisBenchmark.execute(gql, LINKED, Map.of("c", caseNumber));
        var links = (List<Map<String, Object>>) ((Map<String, Object>) data.get("linkedCases")).get("links");
        return links.stream()
                .map(l -> new Quality.Linked(
                        (String) ((Map<String, Object>) l.get("case")).get("caseNumber"),
                        ((Number) l.get("score")).doubleValue()))
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Quality.Detected> network(String caseNumber) {
        var data = AnalysisBenchmark.execute(gql, NETWORK, Map.of("c", caseNumber));
        var found = (Map<String, Object>) data.get("case");
        var network = found == null ? null : (Map<String, Object>) found.get("network");
        if (network == null) {
            return Optional.empty();
        }
        var players = (List<Map<String, Object>>) network.get("keyPlayers");
        return Optional.of(new Quality.Detected(
                (String) network.get("id"),
                players.stream()
                        .map(p -> GlobalId.parse((String) ((Map<String, Object>) p.get("node")).get("id"))
                                .orElseThrow()
                                .key())
                        .toList()));
    }
}
