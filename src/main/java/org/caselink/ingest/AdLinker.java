package org.caselink.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.springframework.stereotype.Component;

/**
 * Near-duplicate ads and images, derived from the whole graph in memory and written as a
 * difference from what the graph holds, so the links are a function of the data: the same ads
 * give the same links whatever the order they arrived in, the batches they came in or whether an
 * import was interrupted.
 *
 * <p><b>Texts</b> ({@code (Ad)-[:SIMILAR_TEXT {jaccard}]-(Ad)}): an ad's text (title and body,
 * without case, accents, punctuation, numbers and spelled digits: re-posts differ most in the number
 * they give) is a set of words and word pairs (shingles). A shingle is weighed by its rarity among all ads,
 * {@code idf = ln((ads + 1) / max(df, 5))}, as search engines weigh terms (a word unique to one
 * re-post, an edit, weighs no more than one in five ads, so edits do not outweigh the wording the
 * re-posts share): boilerplate that many posters
 * copy ("new 2 the area", "call b4 10pm") weighs little, and a shingle in more than
 * {@code common-share} of the ads (at least {@code common-min} of them) weighs nothing. Two ads are
 * similar when the weighted Jaccard similarity of their shingles ({@code sum of idf over the shared
 * / sum over either}) reaches {@code text-similarity} and they share at least {@link #MIN_DISTINCT}
 * shingles that are not common: wording in common, not just a template. Each ad keeps only its
 * {@code similar-per-ad} strongest such links (at most that many links per ad on average; ties go
 * to the lower ad id, so a group of identical re-posts is held together through its first few).
 * Kept only when mutual, a group of identical re-posts fell apart: every ad chose the same first
 * five. Candidates come from locality-sensitive hashing ({@link NearDuplicateBands}: MinHash, 72
 * values in 24 bands of 3) over the ads' uncommon shingles ({@link AdWording}), never from comparing every pair; a band shared by more than
 * {@code max-band-size} ads yields none. A pair whose uncommon shingles agree by half is a candidate
 * with probability 0.96 (16 bands of 4 gave 0.64, and lost one re-post pair in ten).
 *
 * <p><b>Images</b> ({@code (Image)-[:SIMILAR_IMAGE {distance}]-(Image)}): two perceptual hashes
 * that differ in at most {@code image-distance} bits. Each hash is cut into {@code image-distance +
 * 1} bands; two hashes that close share a band exactly (pigeonhole), so the candidates are the
 * images that share one. An image shown by more ads than a common shingle may be (a stock photo)
 * is linked to nothing: it says nothing about who posted.
 *
 * <p>The pairs are computed here without a database; {@link SimilarityLinks} writes them.
 */
@Component
public class AdLinker {

    private static final String AD_TEXTS = CypherFiles.query("ingest/ad-texts");
    private static final String IMAGES_SHOWN = CypherFiles.query("ingest/images-shown");
    private static final String AD_COUNT = CypherFiles.query("ingest/ad-count");

    /** Pairs of keys in order, as links are stored and compared. */
    static final Comparator<List<String>> PAIR_ORDER =
            Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1));

    /** Uncommon shingles two ads must share to be near-duplicates: wording, not a template. */
    static final int MIN_DISTINCT = 4;
    /** Ads below which a shingle is no rarer (see the weights in {@link #textPairs}). */
    static final int RARE = 5;

    private final Graph graph;
    private final SimilarityLinks links;
    private final int imageDistance;
    private final double textSimilarity;
    private final int maxBandSize;
    private final int perAd;
    private final double commonShare;
    private final int commonMin;

    @org.springframework.beans.factory.annotation.Autowired
    AdLinker(Graph graph, IngestProperties settings) {
        this(
                graph,
                settings.imageDistance(),
                settings.textSimilarity(),
                settings.maxBandSize(),
                settings.similarPerAd(),
                settings.commonShare(),
                settings.commonMin());
    }

    AdLinker(
            Graph graph,
            int imageDistance,
            double textSimilarity,
            int maxBandSize,
            int perAd,
            double commonShare,
            int commonMin) {
        if (imageDistance < 0 || imageDistance > 15) {
            throw new IllegalArgumentException("caselink.ingest.image-distance must be between 0 and 15");
        }
        this.graph = graph;
        this.links = new SimilarityLinks(graph);
        this.imageDistance = imageDistance;
        this.textSimilarity = textSimilarity;
        this.maxBandSize = maxBandSize;
        this.perAd = Math.max(1, perAd);
        this.commonShare = commonShare;
        this.commonMin = commonMin;
    }

    /** What one pass wrote: links kept, created, updated and withdrawn, per kind. */
    public record Result(int ads, int textLinks, int imageLinks, int created, int updated, int deleted) {}

    /** Derives every near-duplicate link again from the graph and writes the difference. */
    public Result relink() {
        List<String> adIds = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        graph.read(AD_TEXTS, Map.of(), r -> {
            adIds.add(r.get("id").asString());
            texts.add(AdWording.withoutPlace(
                    r.get("text").asString(), r.get("place").asString()));
            return null;
        });
        Map<List<String>, Double> textPairs = textPairs(adIds, texts);
        Map<String, Integer> shown = new TreeMap<>();
        int[] ads = {0};
        graph.read(IMAGES_SHOWN, Map.of(), r -> {
            shown.put(r.get("hash").asString(), r.get("ads").asInt());
            return null;
        });
        graph.read(AD_COUNT, Map.of(), r -> ads[0] = r.get("n").asInt());
        Map<List<String>, Double> imagePairs = imagePairs(shown, common(ads[0]));
        int[] text = links.write(SimilarityLinks.TEXT, textPairs, "similarity>=" + textSimilarity);
        int[] image = links.write(SimilarityLinks.IMAGE, imagePairs, "hamming<=" + imageDistance);
        return new Result(
                adIds.size(),
                textPairs.size(),
                imagePairs.size(),
                text[0] + image[0],
                text[1] + image[1],
                text[2] + image[2]);
    }

    /** More than this many of {@code total} items sharing something makes it common (boilerplate, a stock photo). */
    int common(int total) {
        return Math.max(commonMin, (int) Math.ceil(commonShare * total));
    }

    /**
     * The near-duplicate pairs among the texts (ids sorted, as {@code [a, b]} with {@code a < b}) with
     * their weighted Jaccard similarity, rounded to three decimals.
     */
    Map<List<String>, Double> textPairs(List<String> ids, List<String> texts) {
        int n = ids.size();
        int[][] sets = new int[n][];
        int total = 0;
        for (int i = 0; i < n; i++) {
            sets[i] = AdWording.shingles(texts.get(i));
            total += sets[i].length;
        }
        // Document frequencies, exactly: every ad's distinct shingles in one sorted array.
        int[] all = new int[total];
        int at = 0;
        for (int[] s : sets) {
            System.arraycopy(s, 0, all, at, s.length);
            at += s.length;
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < total; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                distinct++;
            }
        }
        int[] keys = new int[distinct];
        int[] df = new int[distinct];
        for (int i = 0, k = -1; i < total; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                keys[++k] = all[i];
            }
            df[k]++;
        }
        all = null;
        int common = common(n);
        double[] idf = new double[distinct];
        // A shingle in fewer than RARE ads weighs as one in RARE: a word a re-post changed is
        // unique to it, and must not outweigh the wording the re-posts share.
        double ceiling = Math.log((n + 1.0) / Math.min(RARE, n));
        for (int k = 0; k < distinct; k++) {
            idf[k] = df[k] > common ? 0 : Math.min(ceiling, Math.log((n + 1.0) / df[k]));
        }
        // Each ad's shingles as indexes into keys (sorted, since keys are), and its total weight.
        int[][] index = new int[n][];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = new int[sets[i].length];
            for (int j = 0; j < sets[i].length; j++) {
                int k = Arrays.binarySearch(keys, sets[i][j]);
                index[i][j] = k;
                weight[i] += idf[k];
            }
        }
        sets = null;
        // Candidates: MinHash bands over each ad's uncommon shingles.
        long[] candidates = NearDuplicateBands.textCandidates(index, idf, keys, maxBandSize);
        // Weighted Jaccard of each candidate pair; then each ad's strongest few.
        Map<Integer, List<double[]>> near = new HashMap<>();
        for (long pair : candidates) {
            int a = (int) (pair >>> 32);
            int b = (int) pair;
            double shared = 0;
            int uncommonShared = 0;
            int[] x = index[a];
            int[] y = index[b];
            for (int p = 0, q = 0; p < x.length && q < y.length; ) {
                if (x[p] == y[q]) {
                    shared += idf[x[p]];
                    if (idf[x[p]] > 0) {
                        uncommonShared++;
                    }
                    p++;
                    q++;
                } else if (x[p] < y[q]) {
                    p++;
                } else {
                    q++;
                }
            }
            double union = weight[a] + weight[b] - shared;
            double similarity = union <= 0 ? 0 : shared / union;
            if (uncommonShared >= MIN_DISTINCT && similarity >= textSimilarity) {
                near.computeIfAbsent(a, k -> new ArrayList<>()).add(new double[] {b, similarity});
                near.computeIfAbsent(b, k -> new ArrayList<>()).add(new double[] {a, similarity});
            }
        }
        Map<Integer, Set<Integer>> kept = new HashMap<>();
        near.forEach((a, list) -> {
            list.sort(Comparator.comparingDouble((double[] e) -> -e[1]).thenComparingDouble(e -> e[0]));
            Set<Integer> top = new HashSet<>();
            list.stream().limit(perAd).forEach(e -> top.add((int) e[0]));
            kept.put(a, top);
        });
        Map<List<String>, Double> out = new TreeMap<>(PAIR_ORDER);
        near.forEach((a, list) -> list.forEach(e -> {
            int b = (int) e[0];
            if (a < b && (kept.get(a).contains(b) || kept.get(b).contains(a))) {
                out.put(List.of(ids.get(a), ids.get(b)), Math.round(e[1] * 1000) / 1000.0);
            }
        }));
        return out;
    }

    /** Pairs of images whose hashes differ in at most {@code image-distance} bits, stock photos left out. */
    Map<List<String>, Double> imagePairs(Map<String, Integer> shownBy, int common) {
        Map<String, List<String>> byBand = new TreeMap<>();
        for (var e : shownBy.entrySet()) {
            if (e.getValue() > common) {
                continue;
            }
            long hash;
            try {
                hash = Long.parseUnsignedLong(e.getKey(), 16);
            } catch (NumberFormatException notHex) {
                continue;
            }
            for (String band : NearDuplicateBands.imageBands(hash, imageDistance)) {
                byBand.computeIfAbsent(band, k -> new ArrayList<>()).add(e.getKey());
            }
        }
        Map<List<String>, Double> out = new TreeMap<>(PAIR_ORDER);
        for (List<String> members : byBand.values()) {
            if (members.size() < 2 || members.size() > maxBandSize) {
                continue;
            }
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    String a = members.get(x);
                    String b = members.get(y);
                    int d = Long.bitCount(Long.parseUnsignedLong(a, 16) ^ Long.parseUnsignedLong(b, 16));
                    if (d <= imageDistance) {
                        out.put(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a), (double) d);
                    }
                }
            }
        }
        return out;
    }
}
