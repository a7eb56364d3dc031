package org.caselink.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.caselink.db.Graph;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the benchmarks over HTTP ask the service and how: the read operations (a case three levels
 * deep, a phone with its ads, a neighbourhood, paths, {@code linkedCases}, search), each with a
 * seeded sample of variables drawn from the graph, and the client that posts them as the demo
 * analyst. Apart from {@link HttpBenchmark} because {@link LoadBenchmark} sends the same reads.
 */
final class GraphQlRequests {

    static final String DEMO_ANALYST = "Basic "
            + java.util.Base64.getEncoder()
                    .encodeToString("analyst:analyst-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** One GraphQL operation and the variables of each sample it is run with. */
    record Op(String name, String document, List<Map<String, Object>> samples) {}

    static final String CASE = """
            query($c: String!) { case(caseNumber: $c) {
              id caseNumber type status reportedAt state summary agency { code name }
              children { id firstName lastName dob sex phones { e164 } cases { caseNumber } }
              people { role evidence { source recordId observedAt }
                person { id firstName lastName aliases dob phones { e164 } cases { role case { caseNumber } } } }
              phones { e164 national } emails { address } locations { city state } } }
            """;
    static final String PHONE = """
            query($n: String!) { phone(number: $n) { id e164 national region
              ads(first: 20) { totalCount edges { node { id adId site postedAt city state title } } } } }
            """;
    static final String NEIGHBOURHOOD = """
            query($id: ID!) { neighbourhood(id: $id, hops: 2, limit: 200) {
              truncated nodes { id } links { type from to evidence { source recordId } } } }
            """;
    static final String PATHS = """
            query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 6, limit: 10) {
              truncated paths { length nodes { id } steps { type forward evidence { source recordId } } } } }
            """;
    static final String LINKED = """
            query($c: String!) { linkedCases(caseNumber: $c, maxHops: 6, first: 20) {
              truncated links { score distance case { caseNumber } paths { length steps { type evidence { source } } } } } }
            """;
    static final String SEARCH = """
            query($t: String!) { search(text: $t, first: 20) { score node { id
              ... on Case { caseNumber } ... on Person { firstName lastName } ... on Child { firstName lastName }
              ... on Ad { title } } } }
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphQlRequests() {}

    /** Posts GraphQL documents; an answer with errors, or not 200, stops the benchmark. */
    record Client(HttpClient http, URI uri) {

        String send(Op op, Map<String, Object> variables) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    // The demo analyst: the service runs embedded, so in demo mode.
                    .header("Authorization", DEMO_ANALYST)
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("query", op.document(), "variables", variables))))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // graphql-java writes "errors" before "data": a cheap check that keeps the client's cost low.
            if (response.statusCode() != 200 || response.body().startsWith("{\"errors\"")) {
                throw new IllegalStateException(
                        op.name() + " " + variables + " failed: " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        /** Sends and reads the whole answer: it must have data for the operation and no errors. */
        String check(Op op, Map<String, Object> variables) {
            String body = send(op, variables);
            JsonNode tree = JSON.readTree(body);
            if (tree.has("errors") || !tree.path("data").isObject()) {
                throw new IllegalStateException(op.name() + " " + variables + " answered " + body);
            }
            return body;
        }
    }

    /** The operations, each with a seeded sample of what to ask for, drawn from the graph. */
    static List<Op> operations(Graph graph, int samples, Random random) {
        List<String> cases = shuffled(
                graph.read(
                        "MATCH (c:Case) RETURN c.caseNumber AS v ORDER BY v",
                        Map.of(),
                        r -> r.get("v").asString()),
                random);
        List<String> phones = shuffled(
                graph.read(
                        "MATCH (p:Phone) WHERE EXISTS { (p)<-[:LISTS]-(:Ad) } RETURN p.e164 AS v ORDER BY v",
                        Map.of(),
                        r -> r.get("v").asString()),
                random);
        List<String[]> linked = shuffled(
                graph.read(
                        "MATCH (a:Case)-[:CASE_LINK]->(b:Case) RETURN a.caseNumber AS a, b.caseNumber AS b ORDER BY a, b",
                        Map.of(),
                        r -> new String[] {r.get("a").asString(), r.get("b").asString()}),
                random);
        List<String> names = shuffled(
                graph.read(
                        "MATCH (p:Person) WHERE p.lastName IS NOT NULL RETURN DISTINCT p.firstName + ' ' + p.lastName AS v"
                                + " ORDER BY v",
                        Map.of(),
                        r -> r.get("v").asString()),
                random);
        if (cases.isEmpty() || phones.isEmpty() || names.isEmpty()) {
            throw new IllegalStateException("the graph has no cases, phones in ads or named people to ask about");
        }
        List<Map<String, Object>> byCase = new ArrayList<>();
        List<Map<String, Object>> byId = new ArrayList<>();
        List<Map<String, Object>> byPhone = new ArrayList<>();
        List<Map<String, Object>> pairs = new ArrayList<>();
        List<Map<String, Object>> texts = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String c = cases.get(i % cases.size());
            byCase.add(Map.of("c", c));
            byId.add(Map.of("id", GlobalId.of(EntityType.CASE, c)));
            byPhone.add(Map.of("n", phones.get(i % phones.size())));
            texts.add(Map.of("t", names.get(i % names.size())));
            // Half between linked cases (a path exists), half between two cases drawn at random.
            String[] p = i % 2 == 0 && !linked.isEmpty()
                    ? linked.get((i / 2) % linked.size())
                    : new String[] {c, cases.get((i * 7919 + 1) % cases.size())};
            pairs.add(Map.of("a", GlobalId.of(EntityType.CASE, p[0]), "b", GlobalId.of(EntityType.CASE, p[1])));
        }
        return List.of(
                new Op("case by number, 3 levels", CASE, byCase),
                new Op("phone(number) with its ads", PHONE, byPhone),
                new Op("neighbourhood, 2 hops", NEIGHBOURHOOD, byId),
                new Op("paths between two cases", PATHS, pairs),
                new Op("linkedCases", LINKED, byCase),
                new Op("search", SEARCH, texts));
    }

    private static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> out = new ArrayList<>(list);
        Collections.shuffle(out, random);
        return out;
    }
}
