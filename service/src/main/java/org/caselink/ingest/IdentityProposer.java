package org.caselink.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.caselink.db.Graph;
import org.caselink.normalize.Normalize;
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
 * individual written as five nodes is four decisions, not ten.
 */
@Component
public class IdentityProposer {

    private static final DoubleMetaphone SOUND = new DoubleMetaphone();
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    /** Largest blocking group compared pair by pair: a bigger one is a common name, and only its corroborated pairs (found through the other keys) count. */
    private static final int MAX_BLOCK = 400;

    private final Graph graph;
    private final double threshold;
    private final int maxShared;

    IdentityProposer(Graph graph, IngestProperties settings) {
        this.graph = graph;
        this.threshold = settings.identityThreshold();
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

    /** Derives every proposal again, for people and for children, and writes the difference. */
    public Result proposeAll() {
        int[] people = {0};
        int[] children = {0};
        int[] counts = new int[4];
        for (String label : List.of("Person", "Child")) {
            List<Individual> all = read(label);
            (label.equals("Person") ? people : children)[0] = all.size();
            Map<List<String>, String> decided = decided(label);
            List<Proposal> proposals = forest(propose(all, label.equals("Child")), decided);
            counts[0] += proposals.size();
            int[] written = write(label, proposals, decided);
            for (int i = 0; i < 3; i++) {
                counts[i + 1] += written[i];
            }
        }
        return new Result(people[0], children[0], counts[0], counts[1], counts[2], counts[3]);
    }

    private List<Individual> read(String label) {
        String id = label.equals("Person") ? "personId" : "childId";
        return graph.read(
                "MATCH (p:" + label + ") RETURN p.uid AS uid, p." + id + " AS externalId, p.firstName AS first,"
                        + " p.lastName AS last, p.nameKey AS nameKey, coalesce(p.aliases, []) AS aliases, p.dob AS dob,"
                        + " [(p)-[:USES]->(c) WHERE COUNT { (c)<-[:USES]-() } <= $maxShared | elementId(c)] AS contacts"
                        + " ORDER BY uid",
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

    private static @Nullable String plain(@Nullable String name) {
        return Normalize.nameKey(name, null);
    }

    /** The proposals among {@code all} (one label), sorted by their uids. */
    List<Proposal> propose(List<Individual> all, boolean child) {
        int n = all.size();
        Map<String, Integer> firsts = new HashMap<>();
        Map<String, Integer> lasts = new HashMap<>();
        for (Individual p : all) {
            String f = plain(p.first());
            String l = plain(p.last());
            if (f != null) {
                firsts.merge(f, 1, Integer::sum);
            }
            if (l != null) {
                lasts.merge(l, 1, Integer::sum);
            }
        }
        // How many individuals carry each name or alias: an alias many carry ("Big James") says nothing.
        Map<String, Integer> carried = new HashMap<>();
        for (Individual p : all) {
            Set<String> keys = new TreeSet<>(p.names());
            p.aliases().forEach(a -> {
                String k = plain(a);
                if (k != null) {
                    keys.add(k);
                }
            });
            keys.forEach(k -> carried.merge(k, 1, Integer::sum));
        }
        // Candidate pairs, by index (lower first), from every blocking key.
        Map<String, List<Integer>> blocks = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            Individual p = all.get(i);
            String f = plain(p.first());
            String l = plain(p.last());
            if (l != null && f != null) {
                blocks.computeIfAbsent(
                                "l:" + SOUND.doubleMetaphone(l.replace(" ", "")) + ":" + f.charAt(0),
                                k -> new ArrayList<>())
                        .add(i);
            }
            if (f != null && p.dob() != null) {
                blocks.computeIfAbsent(
                                "f:" + SOUND.doubleMetaphone(f.replace(" ", "")) + ":"
                                        + p.dob().toString().substring(0, 4),
                                k -> new ArrayList<>())
                        .add(i);
            }
            for (String c : p.contacts()) {
                blocks.computeIfAbsent("c:" + c, k -> new ArrayList<>()).add(i);
            }
            for (String a : p.aliases()) {
                String key = plain(a);
                if (key != null) {
                    blocks.computeIfAbsent("a:" + key, k -> new ArrayList<>()).add(i);
                }
            }
            for (String name : p.names()) {
                blocks.computeIfAbsent("a:" + name, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Long> pairs = new TreeSet<>();
        blocks.forEach((key, members) -> {
            if (members.size() < 2 || members.size() > MAX_BLOCK) {
                return;
            }
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    int a = Math.min(members.get(x), members.get(y));
                    int b = Math.max(members.get(x), members.get(y));
                    if (a != b) {
                        pairs.add((long) a << 32 | b);
                    }
                }
            }
        });
        List<Proposal> out = new ArrayList<>();
        for (long pair : pairs) {
            Individual a = all.get((int) (pair >>> 32));
            Individual b = all.get((int) pair);
            Proposal p = score(a, b, n, firsts, lasts, carried, child);
            if (p != null) {
                out.add(p);
            }
        }
        out.sort(java.util.Comparator.comparing(Proposal::a).thenComparing(Proposal::b));
        return out;
    }

    private @Nullable Proposal score(
            Individual a,
            Individual b,
            int n,
            Map<String, Integer> firsts,
            Map<String, Integer> lasts,
            Map<String, Integer> carried,
            boolean child) {
        if (child
                && a.externalId() != null
                && b.externalId() != null
                && !a.externalId().equals(b.externalId())) {
            return null; // two child ids, which the clearinghouse gives each child once: two children
        }
        boolean sameDob = a.dob() != null && a.dob().equals(b.dob());
        if (a.dob() != null && b.dob() != null && !sameDob) {
            return null;
        }
        int shared = 0;
        for (String c : a.contacts()) {
            if (b.contacts().contains(c)) {
                shared++;
            }
        }
        double names = nameSimilarity(distinctive(a, carried), distinctive(b, carried));
        if (names < 0.85 && shared == 0) {
            return null;
        }
        boolean alias = aliasMatch(a, b, carried) || aliasMatch(b, a, carried);
        // How many others the data would give this name by chance: the rarer of the two spellings.
        double expected = Math.min(chance(a, n, firsts, lasts), chance(b, n, firsts, lasts));
        double rarity = 1 / (1 + Math.log1p(expected));
        double nameEvidence = names >= 0.85 ? names * rarity : 0;
        double miss = (1 - nameEvidence) * (sameDob ? 0.4 : 1) * Math.pow(0.2, Math.min(shared, 3)) * (alias ? 0.6 : 1);
        double score = Math.round((1 - miss) * 1000) / 1000.0;
        boolean corroborated = sameDob || shared > 0 || alias;
        boolean exceptional = !a.names().isEmpty() && a.names().equals(b.names()) && expected < 0.05;
        if (score < threshold || !(corroborated || exceptional)) {
            return null;
        }
        List<String> why = new ArrayList<>();
        why.add(String.format(Locale.ROOT, "name similarity %.2f (rarity %.2f)", names, rarity));
        if (sameDob) {
            why.add("same date of birth");
        }
        if (shared > 0) {
            why.add(shared == 1 ? "a shared contact" : shared + " shared contacts");
        }
        if (alias) {
            why.add("an alias matches");
        }
        if (!corroborated) {
            why.add("an exceptional name");
        }
        boolean ordered = a.uid().compareTo(b.uid()) < 0;
        return new Proposal(ordered ? a.uid() : b.uid(), ordered ? b.uid() : a.uid(), score, String.join(" + ", why));
    }

    /** The names of {@code p} and its aliases that at most one other individual carries. */
    private static List<String> distinctive(Individual p, Map<String, Integer> carried) {
        List<String> out = new ArrayList<>(p.names());
        for (String a : p.aliases()) {
            String k = plain(a);
            if (k != null && carried.getOrDefault(k, 0) <= 2) {
                out.add(a);
            }
        }
        return out;
    }

    /** {@code nodes x f(first) x f(last)}: how many in the data would carry the name by chance. */
    private static double chance(Individual p, int n, Map<String, Integer> firsts, Map<String, Integer> lasts) {
        String f = plain(p.first());
        String l = plain(p.last());
        if (f == null || l == null || n == 0) {
            return n; // no full name: as common as can be
        }
        return (double) firsts.getOrDefault(f, 1) * lasts.getOrDefault(l, 1) / n;
    }

    /** Whether an alias recorded for {@code a} is a name or alias of {@code b} that no one else carries. */
    private static boolean aliasMatch(Individual a, Individual b, Map<String, Integer> carried) {
        Set<String> other = new TreeSet<>(b.names());
        b.aliases().forEach(x -> {
            String k = plain(x);
            if (k != null) {
                other.add(k);
            }
        });
        for (String x : a.aliases()) {
            String k = plain(x);
            if (k != null && k.contains(" ") && other.contains(k) && carried.getOrDefault(k, 0) <= 2) {
                return true;
            }
        }
        return false;
    }

    /** The pairs (uids in order) an analyst has decided, with the decision: CONFIRMED or REJECTED. */
    private Map<List<String>, String> decided(String label) {
        Map<List<String>, String> decided = new HashMap<>();
        pairs(label, "r.status <> 'PROPOSED'", "status").forEach((k, v) -> decided.put(k, v.asString()));
        return decided;
    }

    /** The {@code POSSIBLE_SAME_AS} links between {@code label} nodes that pass {@code where}: uids in order, to {@code r.<property>}. */
    private Map<List<String>, org.neo4j.driver.Value> pairs(String label, String where, String property) {
        Map<List<String>, org.neo4j.driver.Value> out = new HashMap<>();
        graph.read(
                "MATCH (a:" + label + ")-[r:POSSIBLE_SAME_AS]->(b:" + label + ") WHERE " + where
                        + " RETURN a.uid AS a, b.uid AS b, r." + property + " AS v",
                Map.of(),
                r -> {
                    String x = r.get("a").asString();
                    String y = r.get("b").asString();
                    out.put(x.compareTo(y) < 0 ? List.of(x, y) : List.of(y, x), r.get("v"));
                    return null;
                });
        return out;
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
    private int[] write(String label, List<Proposal> proposals, Map<List<String>, String> decided) {
        Map<List<String>, double[]> stored = new HashMap<>();
        pairs(label, "r.status = 'PROPOSED'", "score").forEach((key, score) -> {
            if (!decided.containsKey(key)) {
                stored.put(key, new double[] {score.isNull() ? -1 : score.asDouble()});
            }
        });
        Map<List<String>, Proposal> wanted = new HashMap<>();
        proposals.forEach(p -> wanted.put(List.of(p.a(), p.b()), p));
        List<Map<String, Object>> gone = new ArrayList<>();
        stored.keySet().stream()
                .filter(k -> !wanted.containsKey(k))
                .sorted(java.util.Comparator.comparing((List<String> l) -> l.get(0))
                        .thenComparing(l -> l.get(1)))
                .forEach(k -> gone.add(Map.of("a", k.get(0), "b", k.get(1))));
        List<Map<String, Object>> upsert = new ArrayList<>();
        int[] counts = new int[3];
        for (Proposal p : proposals) {
            List<String> key = List.of(p.a(), p.b());
            if (decided.containsKey(key)) {
                continue;
            }
            double[] old = stored.get(key);
            if (old == null || old[0] != p.score()) {
                upsert.add(Map.of("a", p.a(), "b", p.b(), "score", p.score(), "rule", p.rule()));
                counts[old == null ? 0 : 1]++;
            }
        }
        counts[2] = gone.size();
        graph.writeInChunks(
                "UNWIND $rows AS g MATCH (:" + label + " {uid: g.a})-[x:POSSIBLE_SAME_AS {status: 'PROPOSED'}]-(:"
                        + label + " {uid: g.b}) DELETE x",
                gone,
                Map.of(),
                10_000);
        graph.writeInChunks(
                "UNWIND $rows AS p MATCH (a:" + label + " {uid: p.a}), (b:" + label + " {uid: p.b})"
                        + " MERGE (a)-[r:POSSIBLE_SAME_AS]->(b)"
                        + " ON CREATE SET r.status = 'PROPOSED', r.proposedAt = datetime(), r.history = [],"
                        + " r.source = 'caselink:identity', r.recordId = p.a + '|' + p.b, r.ingestedAt = datetime()"
                        + " SET r.score = CASE WHEN r.status = 'PROPOSED' THEN p.score ELSE r.score END,"
                        + " r.rule = CASE WHEN r.status = 'PROPOSED' THEN p.rule ELSE r.rule END",
                upsert,
                Map.of(),
                10_000);
        return counts;
    }

    /** The best Jaro-Winkler similarity between any name or alias of one and any of the other. */
    static double nameSimilarity(List<String> a, List<String> b) {
        double best = 0;
        for (String x : a) {
            for (String y : b) {
                String nx = Normalize.nameKey(x, null);
                String ny = Normalize.nameKey(y, null);
                if (nx != null && ny != null) {
                    best = Math.max(best, JARO_WINKLER.apply(nx, ny));
                }
            }
        }
        return best;
    }
}
