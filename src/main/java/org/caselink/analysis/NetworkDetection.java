package org.caselink.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.ingest.AdLinker;
import org.caselink.ingest.IdentityProposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the networks in the graph and ranks their members. The candidate groups come from
 * {@link CommunityDetection} (Graph Data Science, or JGraphT without it). Every group holding
 * cases of at least two children becomes a {@code Network} node its members point to
 * ({@code MEMBER_OF}). Betweenness, PageRank and degree are then computed inside each network
 * ({@link Centrality}, one network at a time) and kept on the membership, so reading a network
 * and its key players is a plain query. The same
 * run refreshes the strongest case-to-case links ({@link CaseLinks}) for every case that shares a
 * component with another.
 *
 * <p>A network's id is derived from its case numbers: the same graph gives the same networks and
 * ids. A run replaces the networks and their memberships in one transaction (readers see the old
 * or the new networks, never a mix); the centrality scores and the case links are written after
 * it, in their own transactions, so for a moment the new networks' key players are unranked.
 */
@Component
class NetworkDetection {

    private static final Logger log = LoggerFactory.getLogger(NetworkDetection.class);

    private static final String GROUPS = CypherFiles.query("analysis/network-groups");
    private static final String CLEAR = CypherFiles.query("analysis/network-clear");
    private static final String WRITE = CypherFiles.query("analysis/network-write");
    private static final String LINKS = CypherFiles.query("analysis/network-links");
    private static final String SCORES = CypherFiles.query("analysis/network-scores");
    /** Networks whose links are read together for scoring: about this many members per statement. */
    private static final int SCORING_BATCH = 20_000;

    private final Graph graph;
    private final CommunityDetection communities;
    private final CaseLinks caseLinks;
    private final AdLinker adLinker;
    private final IdentityProposer proposer;
    private final int minCases;
    private final int minChildren;
    private final int maxSize;
    private final Duration timeout;
    private final ReentrantLock running = new ReentrantLock();

    NetworkDetection(
            Graph graph,
            CommunityDetection communities,
            CaseLinks caseLinks,
            AdLinker adLinker,
            IdentityProposer proposer,
            AnalysisProperties settings) {
        this.graph = graph;
        this.communities = communities;
        this.caseLinks = caseLinks;
        this.adLinker = adLinker;
        this.proposer = proposer;
        this.minCases = settings.networks().minCases();
        this.minChildren = settings.networks().minChildren();
        this.maxSize = settings.networks().maxSize();
        this.timeout = settings.networks().timeout();
    }

    /** What one run found. */
    record Run(int networks, int members, int caseLinks, OffsetDateTime computedAt, Duration took, Timings timings) {}

    /** Where a run's time went, in milliseconds. */
    record Timings(
            long similarityMs,
            long proposalsMs,
            long detectionMs,
            long writingMs,
            long centralityMs,
            long caseLinksMs) {}

    /**
     * Detects the networks again, replacing the previous ones, with Graph Data Science when the
     * database has it and JGraphT otherwise. One run at a time.
     */
    Run refresh() {
        return refresh(communities.hasGds(), maxSize);
    }

    /**
     * Between steps, a run told to stop (its thread interrupted: the service is shutting down) stops,
     * rather than finish a whole-graph pass the stop would wait for. What it wrote is derived data
     * that the next run writes again; the request to run stays in the graph for the next start.
     */
    private static void stopIfAsked(String step) {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("network detection stopped before " + step);
        }
    }

    /** {@link #refresh()} with the engine and the largest group chosen by the caller (tests compare them). */
    Run refresh(boolean withGds, int maxSize) {
        running.lock();
        try {
            long start = System.nanoTime();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            // Near-duplicates first: they are evidence the networks and case links are made of.
            stopIfAsked("near-duplicates");
            var similar = adLinker.relink();
            log.info("Near-duplicates: {}", similar);
            long relinked = System.nanoTime();
            stopIfAsked("identity proposals");
            var proposals = proposer.proposeAll();
            log.info("Identity proposals: {}", proposals);
            long proposed = System.nanoTime();
            List<Map<String, Object>> networks = new ArrayList<>();
            List<List<String>> caseGroups = new ArrayList<>();
            stopIfAsked("network detection");
            List<List<String>> groups = communities.candidates(withGds, maxSize);
            for (int i = 0; i < groups.size(); i += 500) {
                stopIfAsked("network detection");
                graph.read(
                        GROUPS,
                        Map.of("groups", groups.subList(i, Math.min(groups.size(), i + 500))),
                        r -> {
                            List<String> cases = r.get("cases").asList(v -> v.asString());
                            caseGroups.add(cases.stream().sorted().toList());
                            if (cases.size() < minCases || r.get("children").asInt() < minChildren) {
                                return null;
                            }
                            networks.add(Map.of(
                                    "id", networkId(cases),
                                    "cases", cases,
                                    "members", r.get("members").asList(v -> v.asString())));
                            return null;
                        },
                        timeout);
            }
            // The cases to link, a group at a time (its walks share their frontiers), in an order of the
            // data, not of the store: a pair found from both of its cases keeps the score of the walk
            // that found it first, and which walks run together in one batch depends on this order.
            List<String> linkable = caseGroups.stream()
                    .filter(g -> !g.isEmpty())
                    .sorted(java.util.Comparator.comparing(List::getFirst))
                    .flatMap(List::stream)
                    .toList();
            long detected = System.nanoTime();
            stopIfAsked("writing the networks");
            graph.inWriteTransaction(tx -> {
                tx.run(CLEAR, Map.of());
                for (int i = 0; i < networks.size(); i += 200) {
                    tx.run(
                            WRITE,
                            Map.of(
                                    "networks",
                                    networks.subList(i, Math.min(networks.size(), i + 200)),
                                    "computedAt",
                                    now));
                }
                return null;
            });
            long written = System.nanoTime();
            stopIfAsked("key players");
            scoreMembers(networks);
            long scored = System.nanoTime();
            stopIfAsked("case links");
            int links = caseLinks.refresh(linkable, now, timeout);
            long end = System.nanoTime();
            int members = networks.stream()
                    .mapToInt(n -> ((List<?>) n.get("members")).size())
                    .sum();
            var run = new Run(
                    networks.size(),
                    members,
                    links,
                    now,
                    Duration.ofNanos(end - start),
                    new Timings(
                            (relinked - start) / 1_000_000,
                            (proposed - relinked) / 1_000_000,
                            (detected - proposed) / 1_000_000,
                            (written - detected) / 1_000_000,
                            (scored - written) / 1_000_000,
                            (end - scored) / 1_000_000));
            log.info(
                    "Detected {} networks with {} members and {} case links in {} ms ({})",
                    run.networks(),
                    members,
                    links,
                    run.took().toMillis(),
                    run.timings());
            return run;
        } finally {
            running.unlock();
        }
    }

    /**
     * Betweenness, PageRank and degree of every member within its network ({@link Centrality}),
     * onto MEMBER_OF; the links of a batch of networks are read in one statement.
     */
    private void scoreMembers(List<Map<String, Object>> networks) {
        String links = CypherFiles.fill(LINKS, "__TYPES__", CommunityDetection.EVIDENCE_TYPES);
        int from = 0;
        while (from < networks.size()) {
            int to = from;
            int members = 0;
            while (to < networks.size() && (to == from || members < SCORING_BATCH)) {
                members += ((List<?>) networks.get(to).get("members")).size();
                to++;
            }
            List<Map<String, Object>> batch = networks.subList(from, to);
            Map<String, List<Map.Entry<String, String>>> byNetwork = new HashMap<>();
            Map<String, String> keyOf = new HashMap<>();
            graph.read(
                    links,
                    Map.of("ids", batch.stream().map(n -> n.get("id")).toList()),
                    r -> {
                        keyOf.put(r.get("a").asString(), r.get("ka").asString());
                        keyOf.put(r.get("b").asString(), r.get("kb").asString());
                        return byNetwork
                                .computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>())
                                .add(Map.entry(r.get("a").asString(), r.get("b").asString()));
                    },
                    timeout);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (var n : batch) {
                @SuppressWarnings("unchecked")
                var ids = (List<String>) n.get("members");
                Centrality.of(ids, byNetwork.getOrDefault((String) n.get("id"), List.of()), keyOf)
                        .forEach((id, score) -> rows.add(Map.of(
                                "id", id,
                                "betweenness", score.betweenness(),
                                "pageRank", score.pageRank(),
                                "degree", score.degree())));
            }
            graph.write(SCORES, Map.of("scores", rows), r -> r);
            from = to;
        }
    }

    /** A stable id: the same cases make the same network id, whatever the run. */
    static String networkId(List<String> caseNumbers) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            caseNumbers.stream().sorted().forEach(c -> digest.update((c + "\n").getBytes(StandardCharsets.UTF_8)));
            return "NW-" + HexFormat.of().formatHex(digest.digest(), 0, 6).toUpperCase(java.util.Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
