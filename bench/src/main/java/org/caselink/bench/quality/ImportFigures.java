package org.caselink.bench.quality;

import static org.caselink.bench.quality.Quality.strings;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caselink.bench.quality.Quality.NearDuplicates;
import org.caselink.bench.quality.Quality.RelationshipCount;
import org.caselink.bench.quality.Quality.Score;
import org.caselink.db.Graph;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the import wrote, read from the graph and held against the ground truth: the phones it
 * extracted from ad text, the mentions it resolved to one person, the ads it connected, the
 * near-duplicate ads it linked, and how many relationships of each type it made. Most are
 * clusterings, scored pairwise ({@link #pairScore}).
 */
final class ImportFigures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Graph graph;

    ImportFigures(Graph graph) {
        this.graph = graph;
    }

    /** Phone extraction, person resolution and ad-to-network grouping, in that order. */
    List<Score> scores(Path data, JsonNode truth, int hubDegree) throws IOException {
        return List.of(phoneExtraction(truth), personResolution(data, truth), adGrouping(truth, hubDegree));
    }

    /** (ad, phone) pairs found in ad text versus the phones the generator hid there. */
    Score phoneExtraction(JsonNode truth) {
        Map<String, Set<String>> found = new HashMap<>();
        graph.read(
                "MATCH (a:Ad)-[r:LISTS]->(p:Phone) WHERE r.source ENDS WITH ':text' RETURN a.adId AS ad, collect(p.e164) AS phones",
                Map.of(),
                r -> found.put(
                        r.get("ad").asString(), new HashSet<>(r.get("phones").asList(v -> v.asString()))));
        long tp = 0;
        long predicted = 0;
        long actual = 0;
        for (var e : truth.path("adTextPhones").properties()) {
            Set<String> expected = new HashSet<>();
            e.getValue().forEach(v -> expected.add(v.asString()));
            Set<String> got = found.getOrDefault(e.getKey(), Set.of());
            actual += expected.size();
            predicted += got.size();
            tp += got.stream().filter(expected::contains).count();
        }
        return new Score("phone extraction", tp, predicted, actual);
    }

    /**
     * Pairs of person mentions that became one node, versus pairs that are one individual. A
     * mention is found again through the role relationship its record made (case and role).
     */
    Score personResolution(Path data, JsonNode truth) throws IOException {
        Map<String, String> nodeByCaseRole = new HashMap<>();
        graph.read(
                "MATCH (p:Person)-[r:SUSPECT_IN|ASSOCIATE_IN]->(c:Case) RETURN c.caseNumber AS c, type(r) AS t, p.uid AS uid",
                Map.of(),
                r -> nodeByCaseRole.put(
                        r.get("c").asString() + "|" + r.get("t").asString(),
                        r.get("uid").asString()));
        Map<String, String> predictedOf = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                JsonNode record = JSON.readTree(line);
                if (!"case".equals(record.path("kind").asString(""))) {
                    continue;
                }
                JsonNode persons = record.path("persons");
                for (int i = 0; i < persons.size(); i++) {
                    String rel =
                            "SUSPECT".equals(persons.get(i).path("role").asString("")) ? "SUSPECT_IN" : "ASSOCIATE_IN";
                    String uid = nodeByCaseRole.get(record.path("caseNumber").asString() + "|" + rel);
                    if (uid != null) {
                        predictedOf.put(n + ":" + i, uid);
                    }
                }
            }
        }
        Map<String, String> truthOf = new HashMap<>();
        truth.path("persons")
                .properties()
                .forEach(e -> truthOf.put(e.getKey(), e.getValue().asString()));
        return pairScore("person resolution", truthOf, predictedOf);
    }

    /** Pairs of ads the graph connects (shared contacts and images, similar images and texts; hubs left out) versus pairs from one network or poster. */
    Score adGrouping(JsonNode truth, int hubDegree) {
        UnionFind groups = new UnionFind();
        truth.path("adGroups").properties().forEach(e -> groups.add(e.getKey()));
        graph.read("""
                MATCH (a:Ad)-[:LISTS|SHOWS]->(x)
                WITH x, collect(DISTINCT a.adId) AS ads
                WHERE size(ads) > 1 AND size(ads) <= $hub
                RETURN ads
                """, Map.of("hub", hubDegree), r -> {
            groups.unionAll(r.get("ads").asList(v -> v.asString()));
            return null;
        });
        graph.read("""
                MATCH (i:Image)-[:SIMILAR_IMAGE]-(j:Image)
                WHERE COUNT { (i)<-[:SHOWS]-() } <= $hub AND COUNT { (j)<-[:SHOWS]-() } <= $hub
                MATCH (a:Ad)-[:SHOWS]->(i), (b:Ad)-[:SHOWS]->(j)
                RETURN a.adId AS a, b.adId AS b
                """, Map.of("hub", hubDegree), r -> {
            groups.unionAll(List.of(r.get("a").asString(), r.get("b").asString()));
            return null;
        });
        graph.read("MATCH (a:Ad)-[:SIMILAR_TEXT]-(b:Ad) RETURN a.adId AS a, b.adId AS b", Map.of(), r -> {
            groups.unionAll(List.of(r.get("a").asString(), r.get("b").asString()));
            return null;
        });
        Map<String, String> truthOf = new HashMap<>();
        Map<String, String> predictedOf = new HashMap<>();
        truth.path("adGroups").properties().forEach(e -> {
            truthOf.put(e.getKey(), e.getValue().asString());
            predictedOf.put(e.getKey(), groups.find(e.getKey()));
        });
        return pairScore("ad-to-network grouping", truthOf, predictedOf);
    }

    /** Pairwise precision and recall of a clustering, counted through cluster intersections (no pair enumeration). */
    static Score pairScore(String what, Map<String, String> truthOf, Map<String, String> predictedOf) {
        Map<String, Long> truthSizes = new HashMap<>();
        Map<String, Long> predictedSizes = new HashMap<>();
        Map<String, Long> both = new HashMap<>();
        for (var e : truthOf.entrySet()) {
            String predicted = predictedOf.get(e.getKey());
            if (predicted == null) {
                predicted = "unmatched:" + e.getKey();
            }
            truthSizes.merge(e.getValue(), 1L, Long::sum);
            predictedSizes.merge(predicted, 1L, Long::sum);
            both.merge(e.getValue() + "\u0000" + predicted, 1L, Long::sum);
        }
        return new Score(what, pairs(both), pairs(predictedSizes), pairs(truthSizes));
    }

    private static long pairs(Map<String, Long> sizes) {
        return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }

    /** SIMILAR_TEXT links against the planted re-posts of one text. */
    NearDuplicates nearDuplicates(JsonNode truth) {
        Map<String, String> textOf = strings(truth.path("adTexts"));
        Set<List<String>> links = new HashSet<>();
        graph.read(
                "MATCH (a:Ad)-[:SIMILAR_TEXT]-(b:Ad) WHERE a.adId < b.adId RETURN a.adId AS a, b.adId AS b",
                Map.of(),
                r -> links.add(List.of(r.get("a").asString(), r.get("b").asString())));
        long ads = graph.read(
                        "MATCH (a:Ad) RETURN count(a) AS n",
                        Map.of(),
                        r -> r.get("n").asLong())
                .getFirst();
        UnionFind chains = new UnionFind();
        long trueLinks = 0;
        for (List<String> l : links) {
            String t = textOf.get(l.get(0));
            if (t != null && t.equals(textOf.get(l.get(1)))) {
                trueLinks++;
            }
            chains.unionAll(l);
        }
        Map<String, String> predictedOf = new HashMap<>();
        textOf.keySet().forEach(ad -> predictedOf.put(ad, chains.find(ad)));
        Score reposts = pairScore("near-duplicates", textOf, predictedOf);
        return new NearDuplicates(ads, links.size(), trueLinks, reposts.actual(), reposts.truePositives());
    }

    /** Every relationship type in the graph, counted. */
    List<RelationshipCount> relationships(long records) {
        List<RelationshipCount> out = new ArrayList<>();
        for (String type : graph.read(
                "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS t ORDER BY t",
                Map.of(),
                r -> r.get("t").asString())) {
            long n = graph.read(
                            "MATCH ()-[r:`" + type.replace("`", "``") + "`]->() RETURN count(r) AS n",
                            Map.of(),
                            r -> r.get("n").asLong())
                    .getFirst();
            out.add(new RelationshipCount(type, n, records));
        }
        return out;
    }
}
