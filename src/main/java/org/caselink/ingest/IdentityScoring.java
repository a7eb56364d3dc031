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
import org.caselink.ingest.IdentityProposer.Individual;
import org.caselink.ingest.IdentityProposer.Proposal;
import org.caselink.normalize.Normalize;
import org.jspecify.annotations.Nullable;

/**
 * The candidate pairs among the individuals of one label and their scores, for
 * {@link IdentityProposer} (which describes the rules): blocking keys find the candidates without
 * comparing every pair, and each candidate is scored as a noisy-or of its evidence, weighed by how
 * common its name is in all the data. Apart from the proposer, which reads the graph, keeps only a
 * spanning forest of these pairs and writes the difference: this part needs no database.
 */
final class IdentityScoring {

    private static final DoubleMetaphone SOUND = new DoubleMetaphone();
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    /** Largest blocking group compared pair by pair: a bigger one is a common name, and only its corroborated pairs (found through the other keys) count. */
    private static final int MAX_BLOCK = 400;

    private final double threshold;

    IdentityScoring(double threshold) {
        this.threshold = threshold;
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
        Pairs candidates = new Pairs(n);
        blocks.forEach((key, members) -> {
            if (members.size() < 2 || members.size() > MAX_BLOCK) {
                return;
            }
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    if (!members.get(x).equals(members.get(y))) {
                        candidates.add(members.get(x), members.get(y));
                    }
                }
            }
        });
        List<Proposal> out = new ArrayList<>();
        for (long pair : candidates.sortedDistinct()) {
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
