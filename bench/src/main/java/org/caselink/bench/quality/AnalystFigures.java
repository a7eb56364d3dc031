package org.caselink.bench.quality;

import static org.caselink.bench.quality.Quality.strings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.caselink.bench.quality.Quality.Analyst;
import org.caselink.bench.quality.Quality.Decile;
import org.caselink.bench.quality.Quality.KeyPlayers;
import org.caselink.bench.quality.Quality.LinkFigures;
import org.caselink.bench.quality.Quality.Linked;
import tools.jackson.databind.JsonNode;

/**
 * What an analyst gets from the API, asked through an {@link Analyst}, against what the generator
 * planted: the cases {@code linkedCases} returns beside each case's true partners, and whether each
 * planted network's controller is among the key players of the network detected for its cases.
 * Apart because these figures come from the API's answers, not from reading the graph.
 */
final class AnalystFigures {

    private AnalystFigures() {}

    /**
     * What {@code linkedCases} returns, against the planted pairs: true partners are two cases of one
     * planted network, of one true child (a repeat runaway) or naming one true person (a suspect or
     * associate who recurs). Recall and precision@k over the asked cases that have a partner; the
     * strong links and the calibration over every link returned from every asked case (a hotline's
     * false links come mostly from cases with no partner at all).
     */
    static LinkFigures links(JsonNode truth, Analyst analyst, List<String> cases, int maxCases, double threshold) {
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
    static KeyPlayers keyPlayers(JsonNode truth, Map<String, Set<String>> persons, Analyst analyst) {
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
}
