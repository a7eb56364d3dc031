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
import java.util.TreeMap;
import org.caselink.bench.quality.Quality.Identity;
import org.caselink.db.Graph;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who the Person and Child nodes truly are (the true individuals behind the mentions each node
 * holds), and the identity proposals between nodes of one kind judged against that. The
 * node-to-individual maps also tell {@link AnalystFigures} who a key player truly is.
 */
final class IdentityFigures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Graph graph;

    IdentityFigures(Graph graph) {
        this.graph = graph;
    }

    /** Person uid to the true individuals its mentions are (a mention found again by case and role). */
    Map<String, Set<String>> personIndividuals(Path data, JsonNode truth) throws IOException {
        Map<String, String> truthOf = strings(truth.path("persons"));
        Map<String, Set<String>> mentioned = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record = JSON.readTree(line);
                if (!"case".equals(record.path("kind").asString(""))) {
                    continue;
                }
                JsonNode persons = record.path("persons");
                for (int i = 0; i < persons.size(); i++) {
                    String who = truthOf.get(n + ":" + i);
                    if (who != null) {
                        String role =
                                "SUSPECT".equals(persons.get(i).path("role").asString("")) ? "SUSPECT" : "ASSOCIATE";
                        mentioned
                                .computeIfAbsent(
                                        record.path("caseNumber").asString() + "|" + role, k -> new HashSet<>())
                                .add(who);
                    }
                }
            }
        }
        Map<String, Set<String>> out = new HashMap<>();
        graph.read(
                "MATCH (p:Person)-[r:SUSPECT_IN|ASSOCIATE_IN]->(c:Case)"
                        + " RETURN p.uid AS uid, c.caseNumber + '|' + replace(type(r), '_IN', '') AS mention",
                Map.of(),
                r -> out.computeIfAbsent(r.get("uid").asString(), k -> new HashSet<>())
                        .addAll(mentioned.getOrDefault(r.get("mention").asString(), Set.of())));
        out.values().removeIf(Set::isEmpty);
        return out;
    }

    /** Child uid to the true children of the cases it is the subject of. */
    Map<String, Set<String>> childIndividuals(JsonNode truth) {
        Map<String, String> childOf = strings(truth.path("caseChildren"));
        Map<String, Set<String>> out = new HashMap<>();
        graph.read("MATCH (k:Child)-[:SUBJECT_OF]->(c:Case) RETURN k.uid AS uid, c.caseNumber AS c", Map.of(), r -> {
            String who = childOf.get(r.get("c").asString());
            if (who != null) {
                out.computeIfAbsent(r.get("uid").asString(), k -> new HashSet<>())
                        .add(who);
            }
            return null;
        });
        return out;
    }

    /** Identity proposals between nodes of one label, against who the nodes truly are. */
    Identity identity(String what, String label, Map<String, Set<String>> individuals) {
        long nodes = graph.read(
                        "MATCH (n:" + label + ") RETURN count(n) AS n",
                        Map.of(),
                        r -> r.get("n").asLong())
                .getFirst();
        Set<Set<String>> proposed = new HashSet<>();
        graph.read(
                "MATCH (a:" + label + ")-[r:POSSIBLE_SAME_AS]->(b:" + label + ")"
                        + " WHERE r.status IN ['PROPOSED', 'CONFIRMED'] RETURN a.uid AS a, b.uid AS b",
                Map.of(),
                r -> proposed.add(Set.of(r.get("a").asString(), r.get("b").asString())));
        long judged = 0;
        long correct = 0;
        for (Set<String> pair : proposed) {
            List<Set<String>> who = pair.stream()
                    .map(uid -> individuals.getOrDefault(uid, Set.of()))
                    .toList();
            if (who.size() == 2 && !who.get(0).isEmpty() && !who.get(1).isEmpty()) {
                judged++;
                if (who.get(0).size() == 1 && who.get(0).equals(who.get(1))) {
                    correct++;
                }
            }
        }
        Map<String, String> dob = new HashMap<>();
        graph.read(
                "MATCH (n:" + label + ") WHERE n.dob IS NOT NULL RETURN n.uid AS uid, toString(n.dob) AS dob",
                Map.of(),
                r -> dob.put(r.get("uid").asString(), r.get("dob").asString()));
        Map<String, Set<String>> contacts = new HashMap<>();
        graph.read(
                "MATCH (n:" + label + ")-[:USES]->(x) RETURN n.uid AS uid, collect(DISTINCT elementId(x)) AS xs",
                Map.of(),
                r -> contacts.put(
                        r.get("uid").asString(), new HashSet<>(r.get("xs").asList(v -> v.asString()))));
        Map<String, List<String>> nodesOf = new TreeMap<>();
        long wrongMerges = 0;
        for (var e : individuals.entrySet()) {
            if (e.getValue().size() == 1) {
                nodesOf.computeIfAbsent(e.getValue().iterator().next(), k -> new ArrayList<>())
                        .add(e.getKey());
            } else if (e.getValue().size() > 1) {
                wrongMerges++;
            }
        }
        // Proposals form chains (a spanning forest per group): a pair counts as proposed when a chain
        // of correct proposals joins its two nodes, the decisions an analyst needs to make them one.
        UnionFind group = new UnionFind();
        for (Set<String> pair : proposed) {
            List<String> ends = List.copyOf(pair);
            Set<String> a = individuals.getOrDefault(ends.get(0), Set.of());
            if (a.size() == 1 && a.equals(individuals.getOrDefault(ends.get(1), Set.of()))) {
                group.unionAll(ends);
            }
        }
        long corroborated = 0;
        long corroboratedProposed = 0;
        for (List<String> same : nodesOf.values()) {
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    String a = same.get(i);
                    String b = same.get(j);
                    boolean sameDob = dob.containsKey(a) && dob.get(a).equals(dob.get(b));
                    boolean sharedContact = contacts.getOrDefault(a, Set.of()).stream()
                            .anyMatch(contacts.getOrDefault(b, Set.of())::contains);
                    if (sameDob || sharedContact) {
                        corroborated++;
                        if (group.find(a).equals(group.find(b))) {
                            corroboratedProposed++;
                        }
                    }
                }
            }
        }
        return new Identity(
                what, nodes, proposed.size(), judged, correct, corroborated, corroboratedProposed, wrongMerges);
    }
}
