package org.caselink.bench.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.caselink.db.Graph;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores what an import made of a generated data set against the generator's ground truth:
 * precision and recall of phone extraction from ad text, of person resolution (which mentions
 * became the same node) and of ad-to-network grouping (which ads the graph connects); and, through
 * {@link #report}, what an analyst gets from the API ({@code linkedCases} and key players, asked
 * through an {@link Analyst}), identity proposals, near-duplicate ads and relationships per record.
 *
 * <p>This class is the entry point and the figures' types. The figures are computed apart, by what
 * they are read from: {@link ImportFigures} (the graph the import wrote), {@link IdentityFigures}
 * (who the Person and Child nodes truly are, and the proposals between them) and {@link
 * AnalystFigures} (the API's answers); {@link Report} prints them.
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
        return new ImportFigures(graph).scores(data, truth(truthFile), hubDegree);
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

    /**
     * The scores and every figure {@code score} prints. {@code maxCases}: the most cases asked
     * {@code linkedCases} (0 for all), evenly spaced over the cases with a true partner sorted by
     * case number; {@code threshold}: the least score of a strong link.
     */
    public Report report(Path data, Path truthFile, int hubDegree, Analyst analyst, int maxCases, double threshold)
            throws IOException {
        JsonNode truth = truth(truthFile);
        IdentityFigures identities = new IdentityFigures(graph);
        Map<String, Set<String>> persons = identities.personIndividuals(data, truth);
        long records;
        try (var lines = Files.lines(data, StandardCharsets.UTF_8)) {
            records = lines.filter(l -> !l.isBlank()).count();
        }
        Identity p = identities.identity("persons", "Person", persons);
        Identity c = identities.identity("children", "Child", identities.childIndividuals(truth));
        ImportFigures imported = new ImportFigures(graph);
        return new Report(
                records,
                imported.scores(data, truth, hubDegree),
                AnalystFigures.links(
                        truth,
                        analyst,
                        graph.read(
                                "MATCH (c:Case) RETURN c.caseNumber AS n",
                                Map.of(),
                                r -> r.get("n").asString()),
                        maxCases,
                        threshold),
                AnalystFigures.keyPlayers(truth, persons, analyst),
                List.of(p, c, p.plus("all", c)),
                imported.nearDuplicates(truth),
                imported.relationships(records));
    }

    private JsonNode truth(Path truthFile) throws IOException {
        return json.readTree(Files.readString(truthFile, StandardCharsets.UTF_8));
    }

    /** A ground-truth object whose values are strings (who or what each key truly is), sorted by key. */
    static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }
}
