package org.caselink.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caselink.analysis.AnalysisController.Path;
import org.caselink.analysis.Explorer.Deadline;
import org.caselink.analysis.Explorer.Kind;
import org.caselink.analysis.Explorer.Reach;
import org.caselink.analysis.Explorer.Reached;
import org.caselink.model.Case;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.springframework.stereotype.Component;

/**
 * The cases linked to a case, scored and explained. A breadth-first search from the case over the
 * relationships that link evidence (not agencies, not places; identities only once confirmed)
 * that stops at other cases (they are answers, not stepping stones) and at hubs (nodes with more
 * than {@code caselink.analysis.hub-degree} such relationships: a phone in thousands of ads says
 * nothing). It keeps every shortest way of reaching each node, so each linked case comes with all
 * its shortest explaining paths.
 *
 * <p>The score of a linked case is {@code 1 - prod(1 - w(p))} over its shortest paths (at most
 * {@link #MAX_PATHS}), a noisy-or: every independent explanation adds to it. A path's weight is
 * {@code DECAY^(steps - 2) * prod spec(n) * prod strength(s)} over the nodes {@code n} inside it
 * (capped at {@link #MAX_PATH}; {@code steps} leaves out identity steps, which go from a person to the same person)
 * ({@link #specificity}: how many things the node joins, by its kind) and its steps {@code s}
 * ({@link #strength}: what kind of evidence each is). Short paths through specific entities on
 * strong evidence score high; long paths, busy nodes and numbers merely mentioned score low.
 */
@Component
class LinkedCaseSearch {

    static final double DECAY = 0.7;
    static final int MAX_PATHS = 25;
    /** The paths shown with each linked case, with their evidence: its strongest. */
    static final int SHOWN_PATHS = 5;
    /** The most one path can say: no single explanation is certain, and two say more than one. */
    static final double MAX_PATH = 0.95;

    private final Explorer explorer;

    LinkedCaseSearch(Explorer explorer) {
        this.explorer = explorer;
    }

    record CaseLink(Case linked, double score, int distance, List<Path> paths) {
        /** The schema's {@code CaseLink.case} ({@code case} is a Java keyword). */
        public Case getCase() {
            return linked;
        }
    }

    record LinkedCases(List<CaseLink> links, boolean truncated) {}

    /**
     * How much a node inside a path says about the two ends it joins: {@code min(1, k / (degree -
     * 1))}, with {@code degree} its distinct neighbours over the evidence. A node that joins
     * {@code degree} things can be a true link for at most about {@code k} of them, so its weight
     * falls as one over how many it joins: a hotline, a shelter's or a group home's number that dozens of
     * unrelated cases carry weighs next to nothing long before it is a hub. {@code k} is 8 for a
     * person or a child (a controller with eight victims is a true link between all of them) and
     * 3 for a phone, email, handle, image or ad.
     */
    static double specificity(EntityType type, long degree) {
        double k = type == EntityType.PERSON || type == EntityType.CHILD ? 8 : 3;
        return degree <= 2 ? 1.0 : Math.min(1.0, k / (degree - 1));
    }

    /**
     * How strong one step is, by its kind of evidence: 1 for what a record asserts of a person,
     * child, ad or image; 0.9 for an association an interview reports; 0.5 for a number a case record
     * mentions without saying whose it is; a near-duplicate's similarity; its score for an identity
     * proposed and not yet decided (the score is the chance that the two are one: measured, a
     * proposal's precision is its mean score; followed here only: a proposal an analyst has not seen
     * may suggest a link, shown as what it is, but never joins networks). The strongest of the
     * records behind a step counts.
     */
    static double strength(List<Kind> crossings) {
        double best = 0;
        for (Kind c : crossings) {
            double kind = switch (c.type()) {
                case MENTIONS -> 0.5;
                case ASSOCIATED_WITH -> 0.9;
                default -> 1.0;
            };
            best = Math.max(best, kind * Math.max(0, Math.min(1, c.strength())));
        }
        return best;
    }

    /** Whether a step is an identity (the same individual, confirmed or proposed), not a link to another. */
    static boolean identity(List<Kind> crossings) {
        return !crossings.isEmpty()
                && crossings.stream()
                        .allMatch(c -> c.type() == LinkType.SAME_AS || c.type() == LinkType.PROPOSED_SAME_AS);
    }

    /** What one breadth-first search from a case has reached, and how. */
    private final class Walk {
        final Reached origin;
        final Map<String, Reached> visited = new HashMap<>();
        /** For each node, the nodes one hop closer to the origin it is reached from, with the kinds of step. */
        final Map<String, Map<String, List<Kind>>> before = new HashMap<>();

        List<String> frontier;
        boolean truncated;

        Walk(Reached origin) {
            this.origin = origin;
            visited.put(origin.id(), origin);
            frontier = List.of(origin.id());
        }

        /**
         * Takes the steps of depth {@code d} out of the frontier (steps from elsewhere are ignored),
         * and the frontier's degrees, counted as it was expanded.
         */
        void step(Map<String, List<Reach>> hopsFrom, Map<String, Long> degrees, int d, Deadline deadline) {
            // Past the cap on visited nodes, the first of this depth's new nodes by label and natural
            // key are kept: a cut in the order the database returned them in (where the store put
            // them) would make the links found depend on how the store was written.
            Set<String> fresh = new LinkedHashSet<>();
            for (String from : frontier) {
                for (Reach hop : hopsFrom.getOrDefault(from, List.of())) {
                    if (!visited.containsKey(hop.to().id())) {
                        fresh.add(hop.to().id());
                    }
                }
            }
            int room = Math.max(0, explorer.maxVisited - visited.size());
            Set<String> admitted = fresh;
            if (fresh.size() > room) {
                truncated = true;
                admitted =
                        new HashSet<>(explorer.inNaturalOrder(fresh, deadline).subList(0, room));
            }
            Set<String> next = new LinkedHashSet<>();
            for (String from : frontier) {
                Long degree = degrees.get(from);
                if (degree != null) {
                    visited.computeIfPresent(from, (id, r) -> new Reached(id, r.type(), degree, r.distance()));
                }
                for (Reach hop : hopsFrom.getOrDefault(from, List.of())) {
                    Reached to = hop.to();
                    Reached known = visited.get(to.id());
                    if (known == null) {
                        if (!admitted.contains(to.id())) {
                            continue;
                        }
                        visited.put(to.id(), to);
                        known = to;
                        if (to.type() != EntityType.CASE && !to.isHub(explorer.hubDegree)) {
                            next.add(to.id());
                        }
                    }
                    if (known.distance() == d) {
                        before.computeIfAbsent(to.id(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(hop.from(), k -> new ArrayList<>())
                                .addAll(hop.kinds());
                    }
                }
            }
            frontier = List.copyOf(next);
        }

        /** Every other case reached, scored, with its shortest paths; the best first. */
        List<Scored> scored(double minScore) {
            List<Scored> scored = new ArrayList<>();
            Map<String, List<Weighted>> best = new HashMap<>();
            for (Reached r : visited.values()) {
                if (r.type() != EntityType.CASE || r.id().equals(origin.id())) {
                    continue;
                }
                List<Weighted> strongest = strongestPaths(r.id(), best);
                List<List<String>> paths =
                        strongest.stream().map(Weighted::path).toList();
                double miss = 1;
                for (Weighted w : strongest) {
                    miss *= 1 - Math.min(MAX_PATH, w.weight() / (DECAY * DECAY));
                }
                double score = 1 - miss;
                if (score >= minScore && score > 0) {
                    scored.add(new Scored(r, Math.round(score * 10_000) / 10_000.0, paths));
                }
            }
            scored.sort(Comparator.comparingDouble(Scored::score)
                    .reversed()
                    .thenComparing(s -> s.linked().distance()));
            return scored;
        }

        /**
         * The {@link #MAX_PATHS} strongest of the shortest paths from the origin to {@code node} (node
         * ids from the origin), strongest first, each with the product of the specificities of the
         * nodes inside it: a best-first dynamic programme over the breadth-first search's
         * predecessors, memoised in {@code best}. Which paths make the cut, and so the score, then
         * depends on the graph alone (paths of equal weight are interchangeable in the score), not on
         * the order the database returned the hops in.
         */
        List<Weighted> strongestPaths(String node, Map<String, List<Weighted>> best) {
            if (node.equals(origin.id())) {
                return List.of(new Weighted(1.0, List.of(node)));
            }
            List<Weighted> known = best.get(node);
            if (known != null) {
                return known;
            }
            List<Weighted> all = new ArrayList<>();
            for (var step : before.getOrDefault(node, Map.of()).entrySet()) {
                String prev = step.getKey();
                Reached at = visited.get(prev);
                // Every step beyond the second costs DECAY, but one from a person to the same person
                // (an identity, confirmed or proposed) goes nowhere new: it costs only its strength.
                double spec = (prev.equals(origin.id()) ? 1.0 : specificity(at.type(), at.degree()))
                        * strength(step.getValue())
                        * (identity(step.getValue()) ? 1.0 : DECAY);
                for (Weighted w : strongestPaths(prev, best)) {
                    List<String> path = new ArrayList<>(w.path());
                    path.add(node);
                    all.add(new Weighted(w.weight() * spec, path));
                }
            }
            all.sort(Comparator.comparingDouble(Weighted::weight).reversed());
            List<Weighted> top = List.copyOf(all.subList(0, Math.min(MAX_PATHS, all.size())));
            best.put(node, top);
            return top;
        }
    }

    private record Scored(Reached linked, double score, List<List<String>> paths) {}

    /** Runs the walks together, one expand per depth for all their frontiers. */
    private void walk(List<Walk> walks, int maxHops, Deadline deadline) {
        for (int d = 1; d <= maxHops; d++) {
            Set<String> frontier = new LinkedHashSet<>();
            walks.forEach(w -> frontier.addAll(w.frontier));
            if (frontier.isEmpty()) {
                return;
            }
            Map<String, List<Reach>> hopsFrom = new HashMap<>();
            var walked = explorer.walk(frontier, LinkType.EVIDENCE, d, deadline);
            for (Reach hop : walked.reaches()) {
                hopsFrom.computeIfAbsent(hop.from(), k -> new ArrayList<>()).add(hop);
            }
            for (Walk w : walks) {
                w.step(hopsFrom, walked.degrees(), d, deadline);
            }
        }
    }

    /** The links of one case over the whole graph (for evaluation, not requests). */
    LinkedCases search(String caseNumber, int maxHops, double minScore, int first) {
        return search(caseNumber, maxHops, minScore, first, explorer.deadline());
    }

    /** The links of one case, under a request's deadline (and the viewer's scope it carries). */
    LinkedCases search(String caseNumber, int maxHops, double minScore, int first, Deadline deadline) {
        var start = explorer.start(EntityType.CASE, caseNumber.strip(), LinkType.EVIDENCE, deadline);
        if (start.isEmpty()) {
            return new LinkedCases(List.of(), false);
        }
        Walk walk = new Walk(start.get());
        walk(List.of(walk), maxHops, deadline);
        List<Scored> scored = walk.scored(minScore);
        List<Scored> top = scored.subList(0, Math.min(first, scored.size()));

        Set<String> ids = new LinkedHashSet<>();
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (Scored s : top) {
            s.paths().forEach(ids::addAll);
            s.paths().stream().limit(SHOWN_PATHS).forEach(p -> {
                for (int i = 0; i + 1 < p.size(); i++) {
                    pairs.add(List.of(p.get(i), p.get(i + 1)));
                }
            });
        }
        Map<String, Entity> nodes = explorer.nodes(ids, deadline);
        var steps = explorer.steps(pairs, LinkType.EVIDENCE, deadline, true);
        List<CaseLink> links = new ArrayList<>();
        for (Scored s : top) {
            List<Path> paths = s.paths().stream()
                    .limit(SHOWN_PATHS)
                    .map(p -> AnalysisController.path(p, (x, y) -> steps.getOrDefault(List.of(x, y), List.of()), nodes))
                    .toList();
            links.add(new CaseLink(
                    (Case) nodes.get(s.linked().id()), s.score(), s.linked().distance(), paths));
        }
        return new LinkedCases(links, walk.truncated);
    }

    /** A scored link between two cases, by case number, without its paths. */
    record Pair(String a, String b, double score, int distance) {}

    /**
     * The links of many cases at once, scored as {@link #search} scores them but without their
     * paths: the walks run together, so each depth is one statement for all of them. Each pair
     * once, from the lower case number. Under {@code deadline}: a batch job's, not a request's.
     */
    List<Pair> pairs(List<String> caseNumbers, int maxHops, Deadline deadline) {
        List<Walk> walks = explorer.startCases(caseNumbers, LinkType.EVIDENCE, deadline).stream()
                .map(Walk::new)
                .toList();
        walk(walks, maxHops, deadline);
        Map<String, String> caseNumber = new HashMap<>();
        walks.forEach(w -> w.visited.values().stream()
                .filter(r -> r.type() == EntityType.CASE)
                .forEach(r -> caseNumber.put(r.id(), null)));
        explorer.nodes(caseNumber.keySet(), deadline)
                .forEach((id, node) -> caseNumber.put(id, ((Case) node).caseNumber()));
        Map<Set<String>, Pair> pairs = new LinkedHashMap<>();
        for (Walk w : walks) {
            String from = caseNumber.get(w.origin.id());
            for (Scored s : w.scored(0)) {
                String to = caseNumber.get(s.linked().id());
                boolean ordered = from.compareTo(to) < 0;
                pairs.putIfAbsent(
                        Set.of(from, to),
                        new Pair(
                                ordered ? from : to,
                                ordered ? to : from,
                                s.score(),
                                s.linked().distance()));
            }
        }
        return List.copyOf(pairs.values());
    }

    /** A path from the origin with the product of the specificities of the nodes inside it. */
    private record Weighted(double weight, List<String> path) {}
}
