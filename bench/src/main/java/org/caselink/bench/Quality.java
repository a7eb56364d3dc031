package org.caselink.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.caselink.db.Graph;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores what an import made of a generated data set against the generator's ground truth:
 * precision and recall of phone extraction from ad text, of person resolution (which mentions
 * became the same node) and of ad-to-network grouping (which ads the graph connects); and, through
 * {@link #report}, what an analyst gets from the API ({@code linkedCases} and key players, asked
 * through an {@link Analyst}), identity proposals, near-duplicate ads and relationships per record.
 */
public final class Quality {

    /** Precision and recall from counts of true positives, predictions and truths. */
    public record Score(String what, long truePositives, long predicted, long actual) {
        public double precision() {
            return predicted == 0 ? 1 : (double) truePositives / predicted;
        }

        public double recall() {
            return actual == 0 ? 1 : (double) truePositives / actual;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-28s precision %.4f  recall %.4f  (%d correct of %d found, %d expected)",
                    what,
                    precision(),
                    recall(),
                    truePositives,
                    predicted,
                    actual);
        }
    }

    private final Graph graph;
    private final JsonMapper json = JsonMapper.builder().build();

    public Quality(Graph graph) {
        this.graph = graph;
    }

    public List<Score> score(Path data, Path truthFile, int hubDegree) throws IOException {
        JsonNode truth = json.readTree(Files.readString(truthFile, StandardCharsets.UTF_8));
        return List.of(phoneExtraction(truth), personResolution(data, truth), adGrouping(truth, hubDegree));
    }

    /** What the analysis API answers an analyst; the CLI asks it through GraphQL. */
    public interface Analyst {
        /** {@code linkedCases} from this case with the API's defaults (6 hops, first 20), best first. */
        List<Linked> linkedCases(String caseNumber);

        /** The network detection put this case in, with the Person uids of its top three key players. */
        Optional<Detected> network(String caseNumber);
    }

    /** One link {@code linkedCases} returned. */
    public record Linked(String caseNumber, double score) {}

    /** A detected network and the Person uids of its top three key players. */
    public record Detected(String networkId, List<String> keyPlayerUids) {}

    /** Returned links whose score is in [from, to): how many, their mean score, the share that are true partners. */
    public record Decile(double from, double to, long count, double meanScore, double shareTrue) {}

    /**
     * {@code linkedCases} from {@code cases} cases asked (all, or an even sample), where
     * {@code casesWithPartners} of all cases have a true partner (another case of the same planted
     * network, of the same true child, or naming the same true person). Pairs are counted from the
     * case asked (A from B and B from A are two).
     */
    public record LinkFigures(
            int casesWithPartners,
            int cases,
            long truePairs,
            long truePairsFound,
            double meanPrecisionAtK,
            double threshold,
            long returned,
            long strong,
            long strongTrue,
            List<Decile> calibration,
            List<String> misses) {

        /** True partner pairs among the first 20 links / all true partner pairs. */
        public double recall() {
            return truePairs == 0 ? 1 : (double) truePairsFound / truePairs;
        }

        /** Links scoring at least the threshold that are true partners / such links. */
        public double strongPrecision() {
            return strong == 0 ? 1 : (double) strongTrue / strong;
        }

        /** True partner pairs returned scoring at least the threshold / all true partner pairs. */
        public double strongRecall() {
            return truePairs == 0 ? 1 : (double) strongTrue / truePairs;
        }

        /** Sum over deciles of count x |mean score - share true|, over all returned links. */
        public double calibrationError() {
            long n = calibration.stream().mapToLong(Decile::count).sum();
            return n == 0
                    ? 0
                    : calibration.stream()
                                    .mapToDouble(d -> d.count() * Math.abs(d.meanScore() - d.shareTrue()))
                                    .sum()
                            / n;
        }
    }

    /** Planted networks whose controller is among the top three key players of the network most of their cases are in. */
    public record KeyPlayers(int networks, int controllersInTopThree, List<String> misses) {
        public double share() {
            return networks == 0 ? 1 : (double) controllersInTopThree / networks;
        }
    }

    /**
     * Identity proposals (PROPOSED or CONFIRMED) between nodes of one kind. {@code judged}: proposals
     * whose two nodes both have a known true individual; {@code correct}: of them, both nodes the
     * same single individual. {@code corroboratedPairs}: pairs of nodes of one individual with the
     * same dob or a shared contact; {@code corroboratedProposed}: of them, joined by a chain of correct proposals. {@code
     * wrongMerges}: nodes whose mentions belong to two or more individuals.
     */
    public record Identity(
            String what,
            long nodes,
            long proposals,
            long judged,
            long correct,
            long corroboratedPairs,
            long corroboratedProposed,
            long wrongMerges) {

        public double perNode() {
            return nodes == 0 ? 0 : (double) proposals / nodes;
        }

        public double precision() {
            return judged == 0 ? 1 : (double) correct / judged;
        }

        public double recall() {
            return corroboratedPairs == 0 ? 1 : (double) corroboratedProposed / corroboratedPairs;
        }

        Identity plus(String name, Identity o) {
            return new Identity(
                    name,
                    nodes + o.nodes,
                    proposals + o.proposals,
                    judged + o.judged,
                    correct + o.correct,
                    corroboratedPairs + o.corroboratedPairs,
                    corroboratedProposed + o.corroboratedProposed,
                    wrongMerges + o.wrongMerges);
        }
    }

    /**
     * SIMILAR_TEXT links between ads: {@code trueLinks} join two ads of one planted text; {@code
     * repostPairs} pairs of ads of one planted text, {@code repostPairsConnected} of them joined by
     * a chain of links.
     */
    public record NearDuplicates(long ads, long links, long trueLinks, long repostPairs, long repostPairsConnected) {
        public double precision() {
            return links == 0 ? 1 : (double) trueLinks / links;
        }

        public double recall() {
            return repostPairs == 0 ? 1 : (double) repostPairsConnected / repostPairs;
        }

        public double perAd() {
            return ads == 0 ? 0 : (double) links / ads;
        }
    }

    /** Relationships of one type in the graph, against the records in the file. */
    public record RelationshipCount(String type, long count, long records) {
        public double perRecord() {
            return records == 0 ? 0 : (double) count / records;
        }
    }

    /** Everything {@code score} prints. */
    public record Report(
            long records,
            List<Score> scores,
            LinkFigures links,
            KeyPlayers keyPlayers,
            List<Identity> identity,
            NearDuplicates nearDuplicates,
            List<RelationshipCount> relationships) {

        /** One labelled figure a line. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            scores.forEach(s -> out.add(s.toString()));
            LinkFigures l = links;
            out.add(line(
                    "linkedCases cases",
                    "%d cases asked; %d of all cases have a true partner (maxHops 6, first 20)",
                    l.cases(),
                    l.casesWithPartners()));
            out.add(line(
                    "linkedCases recall@20",
                    "%.4f  (%d of %d true partner pairs returned)%s",
                    l.recall(),
                    l.truePairsFound(),
                    l.truePairs(),
                    l.misses().isEmpty() ? "" : "; misses: " + l.misses()));
            out.add(line(
                    "linkedCases precision@k",
                    "%.4f  (mean over cases; k = the case's true partners)",
                    l.meanPrecisionAtK()));
            out.add(line(
                    "linkedCases strong precision",
                    "%.4f  (%d of %d links scored >= %.2f are true partners)",
                    l.strongPrecision(),
                    l.strongTrue(),
                    l.strong(),
                    l.threshold()));
            out.add(line(
                    "linkedCases strong recall",
                    "%.4f  (%d of %d true partner pairs scored >= %.2f)",
                    l.strongRecall(),
                    l.strongTrue(),
                    l.truePairs(),
                    l.threshold()));
            for (Decile d : l.calibration()) {
                String label = String.format(
                        Locale.ROOT,
                        "linkedCases score [%.1f,%.1f%s",
                        d.from(),
                        Math.min(1, d.to()),
                        d.to() > 1 ? "]" : ")");
                out.add(
                        d.count() == 0
                                ? line(label, "count 0")
                                : line(
                                        label,
                                        "count %d  mean score %.4f  share true %.4f",
                                        d.count(),
                                        d.meanScore(),
                                        d.shareTrue()));
            }
            out.add(line(
                    "linkedCases calibration error",
                    "%.4f  (count-weighted mean of |mean score - share true| over deciles, %d links)",
                    l.calibrationError(),
                    l.returned()));
            out.add(line(
                    "key players: controller top 3",
                    "%.4f  (%d of %d planted networks)%s",
                    keyPlayers.share(),
                    keyPlayers.controllersInTopThree(),
                    keyPlayers.networks(),
                    keyPlayers.misses().isEmpty() ? "" : "; misses: " + keyPlayers.misses()));
            for (Identity i : identity) {
                out.add(line(
                        "identity " + i.what() + " per node",
                        "%.4f  (%d proposals, %d nodes)",
                        i.perNode(),
                        i.proposals(),
                        i.nodes()));
                out.add(line(
                        "identity " + i.what() + " precision",
                        "%.4f  (%d of %d judged proposals are one individual; %d with an unknown node)",
                        i.precision(),
                        i.correct(),
                        i.judged(),
                        i.proposals() - i.judged()));
                out.add(line(
                        "identity " + i.what() + " recall",
                        "%.4f  (%d of %d corroborated same-individual pairs joined by proposals)",
                        i.recall(),
                        i.corroboratedProposed(),
                        i.corroboratedPairs()));
                out.add(line(
                        "identity " + i.what() + " wrong merges",
                        "%d  (nodes holding 2+ true individuals)",
                        i.wrongMerges()));
            }
            NearDuplicates n = nearDuplicates;
            out.add(line(
                    "near-duplicates precision",
                    "%.4f  (%d of %d SIMILAR_TEXT links join one planted text)",
                    n.precision(),
                    n.trueLinks(),
                    n.links()));
            out.add(line(
                    "near-duplicates recall",
                    "%.4f  (%d of %d pairs of one planted text chained by links)",
                    n.recall(),
                    n.repostPairsConnected(),
                    n.repostPairs()));
            out.add(line("near-duplicates per ad", "%.4f  (%d links, %d ads)", n.perAd(), n.links(), n.ads()));
            for (RelationshipCount r : relationships) {
                out.add(line(
                        "relationships " + r.type(),
                        "%d  (%.4f per record of %d)",
                        r.count(),
                        r.perRecord(),
                        r.records()));
            }
            return out;
        }

        private static String line(String label, String format, Object... args) {
            return String.format(Locale.ROOT, "%-36s %s", label, String.format(Locale.ROOT, format, args));
        }
    }

    /**
     * The scores and every figure {@code score} prints. {@code maxCases}: the most cases asked
     * {@code linkedCases} (0 for all), evenly spaced over the cases with a true partner sorted by
     * case number; {@code threshold}: the least score of a strong link.
     */
    public Report report(Path data, Path truthFile, int hubDegree, Analyst analyst, int maxCases, double threshold)
            throws IOException {
        JsonNode truth = json.readTree(Files.readString(truthFile, StandardCharsets.UTF_8));
        Map<String, Set<String>> persons = personIndividuals(data, truth);
        long records;
        try (var lines = Files.lines(data, StandardCharsets.UTF_8)) {
            records = lines.filter(l -> !l.isBlank()).count();
        }
        Identity p = identity("persons", "Person", persons);
        Identity c = identity("children", "Child", childIndividuals(truth));
        return new Report(
                records,
                List.of(phoneExtraction(truth), personResolution(data, truth), adGrouping(truth, hubDegree)),
                links(
                        truth,
                        analyst,
                        graph.read(
                                "MATCH (c:Case) RETURN c.caseNumber AS n",
                                Map.of(),
                                r -> r.get("n").asString()),
                        maxCases,
                        threshold),
                keyPlayers(truth, persons, analyst),
                List.of(p, c, p.plus("all", c)),
                nearDuplicates(truth),
                relationships(records));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
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
                JsonNode record = json.readTree(line);
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

    /**
     * What {@code linkedCases} returns, against the planted pairs: true partners are two cases of one
     * planted network, of one true child (a repeat runaway) or naming one true person (a suspect or
     * associate who recurs). Recall and precision@k over the asked cases that have a partner; the
     * strong links and the calibration over every link returned from every asked case (a hotline's
     * false links come mostly from cases with no partner at all).
     */
    LinkFigures links(JsonNode truth, Analyst analyst, List<String> cases, int maxCases, double threshold) {
        Map<String, Set<String>> partners = new TreeMap<>();
        Map<String, List<String>> byPerson = new TreeMap<>();
        truth.path("casePersons")
                .properties()
                .forEach(e -> e.getValue()
                        .forEach(v -> byPerson.computeIfAbsent(v.asString(), k -> new ArrayList<>())
                                .add(e.getKey())));
        Map<String, String> why = new HashMap<>();
        var kinds = List.of("network ", "child ", "person ");
        var planted = List.of(
                groups(strings(truth.path("caseNetworks"))), groups(strings(truth.path("caseChildren"))), byPerson);
        for (int g = 0; g < planted.size(); g++) {
            for (var group : planted.get(g).entrySet()) {
                for (String c : group.getValue()) {
                    for (String d : group.getValue()) {
                        if (!c.equals(d)) {
                            partners.computeIfAbsent(c, k -> new TreeSet<>()).add(d);
                            why.putIfAbsent(c + " " + d, kinds.get(g) + group.getKey());
                        }
                    }
                }
            }
        }
        List<String> misses = new ArrayList<>();
        List<String> all = new ArrayList<>(new TreeSet<>(cases));
        List<String> asked = new ArrayList<>();
        if (maxCases <= 0 || maxCases >= all.size()) {
            asked.addAll(all);
        } else {
            for (int i = 0; i < maxCases; i++) {
                asked.add(all.get((int) ((long) i * all.size() / maxCases)));
            }
        }
        long truePairs = 0;
        long found = 0;
        double precisionAtK = 0;
        long returned = 0;
        long strong = 0;
        long strongTrue = 0;
        long[] count = new long[10];
        double[] sum = new double[10];
        long[] correct = new long[10];
        int withPartners = 0;
        for (String c : asked) {
            Set<String> mine = partners.getOrDefault(c, Set.of());
            List<Linked> got = analyst.linkedCases(c);
            truePairs += mine.size();
            Set<String> gotten = new HashSet<>();
            got.forEach(l -> gotten.add(l.caseNumber()));
            for (String d : mine) {
                if (gotten.contains(d)) {
                    found++;
                } else if (misses.size() < 10) {
                    misses.add(c + " -> " + d + " (" + why.get(c + " " + d) + ")");
                }
            }
            int k = mine.size();
            if (k > 0) {
                withPartners++;
                precisionAtK += (double) got.stream()
                                .limit(k)
                                .filter(l -> mine.contains(l.caseNumber()))
                                .count()
                        / k;
            }
            for (Linked l : got) {
                boolean partner = mine.contains(l.caseNumber());
                returned++;
                if (l.score() >= threshold) {
                    strong++;
                    if (partner) {
                        strongTrue++;
                    }
                }
                int d = Math.max(0, Math.min(9, (int) Math.floor(l.score() * 10)));
                count[d]++;
                sum[d] += l.score();
                if (partner) {
                    correct[d]++;
                }
            }
        }
        List<Decile> deciles = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            deciles.add(new Decile(
                    d / 10.0,
                    d == 9 ? 1.0 + 1e-9 : (d + 1) / 10.0,
                    count[d],
                    count[d] == 0 ? 0 : sum[d] / count[d],
                    count[d] == 0 ? 0 : (double) correct[d] / count[d]));
        }
        return new LinkFigures(
                (int) all.stream().filter(partners::containsKey).count(),
                asked.size(),
                truePairs,
                found,
                withPartners == 0 ? 1 : precisionAtK / withPartners,
                threshold,
                returned,
                strong,
                strongTrue,
                deciles,
                misses);
    }

    private static Map<String, List<String>> groups(Map<String, String> groupOf) {
        Map<String, List<String>> groups = new TreeMap<>();
        groupOf.forEach(
                (c, g) -> groups.computeIfAbsent(g, k -> new ArrayList<>()).add(c));
        return groups;
    }

    /** Each planted network's controller against the top three key players of the network most of its cases are in. */
    KeyPlayers keyPlayers(JsonNode truth, Map<String, Set<String>> persons, Analyst analyst) {
        Map<String, List<String>> planted = new TreeMap<>();
        strings(truth.path("caseNetworks"))
                .forEach((c, n) ->
                        planted.computeIfAbsent(n, k -> new ArrayList<>()).add(c));
        Map<String, String> controllers = strings(truth.path("networkControllers"));
        int hits = 0;
        List<String> misses = new ArrayList<>();
        for (var e : planted.entrySet()) {
            Map<String, Long> votes = new TreeMap<>();
            Map<String, List<String>> top = new HashMap<>();
            for (String c : e.getValue()) {
                analyst.network(c).ifPresent(d -> {
                    votes.merge(d.networkId(), 1L, Long::sum);
                    top.putIfAbsent(d.networkId(), d.keyPlayerUids());
                });
            }
            // The most votes; on a tie the smallest id (votes is sorted).
            Optional<String> best = votes.entrySet().stream()
                    .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                    .map(Map.Entry::getKey);
            String controller = controllers.get(e.getKey());
            if (best.isEmpty()) {
                misses.add(e.getKey() + ": no case in a network");
            } else if (top.get(best.get()).stream()
                    .anyMatch(uid -> persons.getOrDefault(uid, Set.of()).contains(controller))) {
                hits++;
            } else {
                misses.add(e.getKey() + ": controller not in the top three of " + best.get());
            }
        }
        return new KeyPlayers(planted.size(), hits, misses);
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
                JsonNode record = json.readTree(line);
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

    /** Disjoint sets over ad ids, with path halving. */
    static final class UnionFind {
        private final Map<String, String> parent = new HashMap<>();

        void add(String x) {
            parent.putIfAbsent(x, x);
        }

        String find(String x) {
            add(x);
            String p = x;
            while (!parent.get(p).equals(p)) {
                parent.put(p, parent.get(parent.get(p)));
                p = parent.get(p);
            }
            return p;
        }

        void unionAll(List<String> xs) {
            if (xs.isEmpty()) {
                return;
            }
            String root = find(xs.getFirst());
            for (String x : new ArrayList<>(xs)) {
                String r = find(x);
                if (!r.equals(root)) {
                    parent.put(r, root);
                }
            }
        }
    }
}
