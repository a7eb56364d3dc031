package org.caselink.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.jgrapht.alg.util.UnionFind;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Proposes, never merges: finds people (and, apart, children) who may be the same individual and
 * records a {@code POSSIBLE_SAME_AS {score, rule}} link for an analyst to confirm or reject. Derived
 * from the whole graph after each import, with the networks, and written as the difference from
 * what the graph holds, so the proposals are a function of the data (how common a name is depends
 * on all of it), never of arrival order. A decided proposal is an analyst's and is never touched.
 *
 * <p>Candidates share a blocking key (the sound of the last name with the first initial; the sound
 * of the first name with the birth year; Double Metaphone from Apache Commons Codec), a phone,
 * email or handle that at most {@code max-band-size} people use, or a name or alias. A pair is
 * scored as a noisy-or of independent evidence:
 * <ul>
 *   <li>the name: its Jaro-Winkler similarity (Apache Commons Text, best over names and the aliases
 *       no more than two individuals carry, 0.85 at least) times its rarity {@code 1 / (1 + ln(1 + E))}, where {@code E = nodes x
 *       f(first name) x f(last name)} is how many others the data would give that name by chance:
 *       a rare name weighs about 0.7, "Maria Smith" in a large file 0.2;
 *   <li>the same date of birth: 0.6; a shared contact: 0.8 (two: 0.96); a recorded alias that is
 *       the other's name or alias and no one else's: 0.4 (an alias many carry, "Big James", is a
 *       common name).
 * </ul>
 * A pair is proposed when its score reaches {@code identity-threshold} and it is corroborated (a
 * date of birth, a contact or an alias) or its name is exceptional (the same name, not an alias,
 * and {@code E < 0.05}).
 * Different dates of birth rule a pair out, and so do two different child ids (the clearinghouse
 * gives a child one); two different person ids do not (each source numbers people its own way).
 * Of the pairs that qualify, only a maximum spanning forest is proposed (see {@link #forest}): one
 * individual written as five nodes is four decisions, not ten. The candidates and their scores are
 * {@link IdentityScoring}'s.
 */
@Component
public class IdentityProposer {

    private static final String INDIVIDUALS = CypherFiles.query("ingest/identity-individuals");
    private static final String LINKS = CypherFiles.query("ingest/identity-links");
    private static final String WITHDRAW = CypherFiles.query("ingest/identity-withdraw");
    private static final String PROPOSE = CypherFiles.query("ingest/identity-propose");

    private final Graph graph;
    private final IdentityScoring scoring;
    private final int maxShared;

    IdentityProposer(Graph graph, IngestProperties settings) {
        this.graph = graph;
        this.scoring = new IdentityScoring(settings.identityThreshold());
        this.maxShared = settings.maxBandSize();
    }

    /** What one pass found and wrote. */
    public record Result(int people, int children, int proposals, int created, int updated, int withdrawn) {}

    /** An individual as the proposer reads it. */
    record Individual(
            String uid,
            @Nullable String externalId,
            @Nullable String first,
            @Nullable String last,
            List<String> names,
            List<String> aliases,
            @Nullable Object dob,
            List<String> contacts) {}

    /** A proposal: uids in order, score and the rule that explains it. */
    record Proposal(String a, String b, double score, String rule) {}

    /**
     * The {@code POSSIBLE_SAME_AS} links the graph holds between nodes of one label, uids in order:
     * those an analyst decided (CONFIRMED or REJECTED), and the proposals still open with their score
     * (-1 when it has none).
     */
    private record Stored(Map<List<String>, String> decided, Map<List<String>, Double> proposed) {}

    /** Derives every proposal again, for people and for children, and writes the difference. */
    public Result proposeAll() {
        int[] people = {0};
        int[] children = {0};
        int[] counts = new int[4];
        for (String label : List.of("Person", "Child")) {
            List<Individual> all = read(label);
            (label.equals("Person") ? people : children)[0] = all.size();
            Stored stored = stored(label);
            List<Proposal> proposals = forest(scoring.propose(all, label.equals("Child")), stored.decided());
            counts[0] += proposals.size();
            int[] written = write(label, proposals, stored);
            for (int i = 0; i < 3; i++) {
                counts[i + 1] += written[i];
            }
        }
        return new Result(people[0], children[0], counts[0], counts[1], counts[2], counts[3]);
    }

    private List<Individual> read(String label) {
        String id = label.equals("Person") ? "personId" : "childId";
        return graph.read(
                CypherFiles.fill(INDIVIDUALS, "__LABEL__", label, "__EXTERNAL_ID__", id),
                Map.of("maxShared", maxShared),
                r -> {
                    List<String> names = new ArrayList<>();
                    if (!r.get("nameKey").isNull()) {
                        names.add(r.get("nameKey").asString());
                    }
                    return new Individual(
                            r.get("uid").asString(),
                            r.get("externalId").isNull()
                                    ? null
                                    : r.get("externalId").asString(),
                            r.get("first").isNull() ? null : r.get("first").asString(),
                            r.get("last").isNull() ? null : r.get("last").asString(),
                            names,
                            r.get("aliases").asList(v -> v.isNull() ? "" : v.asString()),
                            r.get("dob").isNull() ? null : r.get("dob").asObject(),
                            r.get("contacts").asList(v -> v.asString()));
                });
    }

    /** The links between {@code label} nodes the graph holds, decided and proposed. */
    private Stored stored(String label) {
        Map<List<String>, String> decided = new HashMap<>();
        Map<List<String>, Double> proposed = new HashMap<>();
        graph.read(CypherFiles.fill(LINKS, "__LABEL__", label), Map.of(), r -> {
            String x = r.get("a").asString();
            String y = r.get("b").asString();
            List<String> key = x.compareTo(y) < 0 ? List.of(x, y) : List.of(y, x);
            String status = r.get("status").asString();
            if (status.equals("PROPOSED")) {
                proposed.put(key, r.get("score").isNull() ? -1 : r.get("score").asDouble());
            } else {
                decided.put(key, status);
            }
            return null;
        });
        proposed.keySet().removeAll(decided.keySet());
        return new Stored(decided, proposed);
    }

    /**
     * The proposals an analyst needs to see, not every pair: when one individual was written as
     * {@code k} nodes, all {@code k(k-1)/2} pairs score, but {@code k-1} decisions settle the group.
     * Keeps a maximum spanning forest of the scored pairs (Kruskal, strongest first, ties by uids),
     * starting from the groups analysts have confirmed; a rejected pair joins nothing, so rejecting
     * a chain's link brings the next-best pair of the group forward at the next derivation. Every
     * node keeps a path of proposals to every node it scored with, so {@code linkedCases} follows the
     * same individuals as before; only the redundant pairs (a triangle's weakest side) go.
     */
    static List<Proposal> forest(List<Proposal> scored, Map<List<String>, String> decided) {
        // JGraphT's union-find (ranks and path compression), over every uid the pairs name.
        Set<String> uids = new TreeSet<>();
        scored.forEach(p -> {
            uids.add(p.a());
            uids.add(p.b());
        });
        decided.keySet().forEach(uids::addAll);
        UnionFind<String> groups = new UnionFind<>(uids);
        decided.forEach((pair, status) -> {
            if ("CONFIRMED".equals(status)) {
                groups.union(pair.get(0), pair.get(1));
            }
        });
        List<Proposal> strongest = new ArrayList<>(scored);
        strongest.sort(java.util.Comparator.comparingDouble(Proposal::score)
                .reversed()
                .thenComparing(Proposal::a)
                .thenComparing(Proposal::b));
        List<Proposal> kept = new ArrayList<>();
        for (Proposal p : strongest) {
            if (decided.containsKey(List.of(p.a(), p.b()))) {
                continue; // decided: confirmed pairs are already joined, rejected ones join nothing
            }
            if (!groups.inSameSet(p.a(), p.b())) {
                groups.union(p.a(), p.b());
                kept.add(p);
            }
        }
        kept.sort(java.util.Comparator.comparing(Proposal::a).thenComparing(Proposal::b));
        return kept;
    }

    /**
     * Makes the graph's proposals between {@code label} nodes exactly {@code proposals}, leaving
     * decided ones alone (an analyst's decision stays, and a rejected pair is not proposed again).
     * Returns created, updated, withdrawn.
     */
    private int[] write(String label, List<Proposal> proposals, Stored stored) {
        Map<List<String>, Proposal> wanted = new HashMap<>();
        proposals.forEach(p -> wanted.put(List.of(p.a(), p.b()), p));
        List<Map<String, Object>> gone = new ArrayList<>();
        stored.proposed().keySet().stream()
                .filter(k -> !wanted.containsKey(k))
                .sorted(java.util.Comparator.comparing((List<String> l) -> l.get(0))
                        .thenComparing(l -> l.get(1)))
                .forEach(k -> gone.add(Map.of("a", k.get(0), "b", k.get(1))));
        List<Map<String, Object>> upsert = new ArrayList<>();
        int[] counts = new int[3];
        for (Proposal p : proposals) {
            List<String> key = List.of(p.a(), p.b());
            if (stored.decided().containsKey(key)) {
                continue;
            }
            Double old = stored.proposed().get(key);
            if (old == null || old.doubleValue() != p.score()) {
                upsert.add(Map.of("a", p.a(), "b", p.b(), "score", p.score(), "rule", p.rule()));
                counts[old == null ? 0 : 1]++;
            }
        }
        counts[2] = gone.size();
        graph.writeInChunks(CypherFiles.fill(WITHDRAW, "__LABEL__", label), gone, Map.of(), 10_000);
        graph.writeInChunks(CypherFiles.fill(PROPOSE, "__LABEL__", label), upsert, Map.of(), 10_000);
        return counts;
    }
}
