package org.caselink.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caselink.db.Graph;
import org.caselink.ingest.Records.AdRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links near-duplicate ads as they arrive, through an index, never by comparing every pair:
 * <ul>
 *   <li>{@code (Image)-[:SIMILAR_IMAGE {distance}]-(Image)} when two perceptual hashes differ in at
 *       most {@code image-distance} bits. Each hash is cut into {@code image-distance + 1} bands;
 *       two hashes that close share at least one band exactly (pigeonhole), so the candidates are
 *       the images that share a band: one indexed property per band ({@code ib0}, {@code ib1}...).
 *   <li>{@code (Ad)-[:SIMILAR_TEXT {jaccard}]-(Ad)} when the character 4-gram sets of two ads' texts
 *       have an estimated Jaccard similarity of at least {@code text-similarity}: MinHash signatures
 *       of 64 values in 16 bands of 4 (locality-sensitive hashing), candidates through shared
 *       band properties ({@code tb0} to {@code tb15}, each indexed), and the estimate from the signatures
 *       stored on the ads.
 * </ul>
 * A band shared by more than {@code max-band-size} ads or images yields no candidates at all
 * (boilerplate text or a stock image would otherwise make every ad a candidate of every other).
 * The index is written with each batch ({@link #index}); the links are derived from the graph once
 * the whole import is in ({@link #link}), so they do not depend on the order of the records, on
 * where the batches end, or on an import being interrupted and run again.
 */
@Component
public class AdLinker {

    static final int HASHES = 64;
    static final int ROWS = 4;
    static final int TEXT_BANDS = HASHES / ROWS;
    /** Image band properties with an index (migration V0004): ib0 to ib7. */
    static final int MAX_IMAGE_BANDS = 8;

    private static final long[] SEEDS = seeds();

    private final int imageDistance;
    private final double textSimilarity;
    private final int maxBandSize;

    AdLinker(
            @Value("${caselink.ingest.image-distance:4}") int imageDistance,
            @Value("${caselink.ingest.text-similarity:0.6}") double textSimilarity,
            @Value("${caselink.ingest.max-band-size:500}") int maxBandSize) {
        if (imageDistance < 0 || imageDistance >= MAX_IMAGE_BANDS) {
            throw new IllegalArgumentException(
                    "caselink.ingest.image-distance must be between 0 and " + (MAX_IMAGE_BANDS - 1));
        }
        this.imageDistance = imageDistance;
        this.textSimilarity = textSimilarity;
        this.maxBandSize = maxBandSize;
    }

    /**
     * Writes the similarity index of a batch's ads (image band properties, text signatures and band
     * properties): properties of the ads and images themselves, so the batch stays idempotent. The
     * links are derived later, by {@link #link}, once every record of the import is in.
     */
    void index(Graph.Tx tx, List<AdRecord> ads) {
        Set<String> hashes = new java.util.TreeSet<>();
        ads.forEach(a -> hashes.addAll(a.imageHashes()));
        if (!hashes.isEmpty()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String h : hashes) {
                rows.add(Map.of("hash", h, "b", imageBands(Long.parseUnsignedLong(h, 16), imageDistance)));
            }
            tx.run(
                    "UNWIND $rows AS row MATCH (i:Image {hash: row.hash}) SET "
                            + assignments("i", "ib", imageDistance + 1),
                    Map.of("rows", rows));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AdRecord a : ads) {
            if (a.title() == null && a.body() == null) {
                continue;
            }
            long[] sig = signature(
                    shingles((a.title() == null ? "" : a.title()) + " " + (a.body() == null ? "" : a.body())));
            if (sig != null) {
                rows.add(Map.of("adId", a.adId(), "signature", toBytes(sig), "b", textBands(sig)));
            }
        }
        if (!rows.isEmpty()) {
            tx.run(
                    "UNWIND $rows AS row MATCH (i:Ad {adId: row.adId}) SET i.minhash = row.signature, "
                            + assignments("i", "tb", TEXT_BANDS),
                    Map.of("rows", rows));
        }
    }

    /**
     * Links the given ads and images to their near-duplicates as the graph now stands, and withdraws
     * the similarity links of theirs that the graph no longer supports. The links of an ad are a
     * function of the graph, not of when the ad arrived: every ad that shares a band is a
     * candidate, and a band shared by more than {@code max-band-size} ads (boilerplate text, a stock
     * photo) yields none, rather than an arbitrary first few. When such a band has just become that
     * common, the links it alone supported between older ads are withdrawn too.
     */
    void link(Graph.Tx tx, Collection<String> adIds, Collection<String> imageHashes) {
        if (!imageHashes.isEmpty()) {
            images(tx, List.copyOf(imageHashes));
        }
        if (!adIds.isEmpty()) {
            texts(tx, List.copyOf(adIds));
        }
    }

    private void images(Graph.Tx tx, List<String> hashes) {
        int bands = imageDistance + 1;
        Set<String> subjects = subjects(tx, "Image", "hash", "ib", bands, "SIMILAR_IMAGE", hashes);
        List<Map<String, Object>> pairs = new ArrayList<>();
        candidates(tx, "Image", "hash", "ib", bands, subjects, (a, b) -> {
            int d = Long.bitCount(Long.parseUnsignedLong(a, 16) ^ Long.parseUnsignedLong(b, 16));
            if (d <= imageDistance) {
                pairs.add(Map.of("a", a.compareTo(b) < 0 ? a : b, "b", a.compareTo(b) < 0 ? b : a, "distance", d));
            }
        });
        withdraw(tx, "Image", "hash", "SIMILAR_IMAGE", subjects, pairs);
        tx.run("""
                UNWIND $pairs AS p
                MATCH (a:Image {hash: p.a}), (b:Image {hash: p.b})
                MERGE (a)-[r:SIMILAR_IMAGE {source: 'caselink:image-hash', recordId: 'hamming<=' + $k}]->(b)
                  ON CREATE SET r.ingestedAt = datetime()
                SET r.distance = p.distance
                """, Map.of("pairs", pairs, "k", imageDistance));
    }

    /**
     * The nodes whose {@code type} links are to be weighed again: {@code keys}, and the linked ends
     * of every other node that shares one of their bands which has just grown too common (more than
     * {@code max-band-size}): their links may have rested on it. Names come from constants only.
     */
    private Set<String> subjects(
            Graph.Tx tx, String label, String key, String prefix, int bands, String type, List<String> keys) {
        Set<String> subjects = new java.util.TreeSet<>(keys);
        tx.run(
                "UNWIND $keys AS k MATCH (n:" + label + " {" + key + ": k}) UNWIND " + bandList("n", prefix, bands)
                        + " AS band WITH DISTINCT band WHERE band IS NOT NULL"
                        + " AND " + bandCount(label, prefix, bands) + " > $maxBand"
                        + " CALL (band) { " + bandMembers(label, prefix, bands)
                        + " } MATCH (o)-[:" + type + "]-(x) RETURN DISTINCT o." + key + " AS a, x." + key + " AS b",
                Map.of("keys", keys, "maxBand", maxBandSize),
                r -> {
                    subjects.add(r.get("a").asString());
                    subjects.add(r.get("b").asString());
                    return null;
                });
        return subjects;
    }

    /**
     * Each of {@code keys} with every other node that shares one of its bands, bands shared by more
     * than {@code max-band-size} nodes left out: one index seek per band. Names come from constants.
     */
    private void candidates(
            Graph.Tx tx,
            String label,
            String key,
            String prefix,
            int bands,
            Collection<String> keys,
            java.util.function.BiConsumer<String, String> pair) {
        tx.run(
                "UNWIND $keys AS k MATCH (n:" + label + " {" + key + ": k}) UNWIND " + bandList("n", prefix, bands)
                        + " AS band WITH n, band WHERE band IS NOT NULL AND " + bandCount(label, prefix, bands)
                        + " <= $maxBand CALL (band) { " + bandMembers(label, prefix, bands) + " }"
                        + " WITH n, o WHERE o." + key + " <> n." + key
                        + " RETURN n." + key + " AS a, collect(DISTINCT o." + key + ") AS bs",
                Map.of("keys", List.copyOf(keys), "maxBand", maxBandSize),
                r -> {
                    String a = r.get("a").asString();
                    r.get("bs").values().forEach(v -> pair.accept(a, v.asString()));
                    return null;
                });
    }

    /** {@code SET v.p0 = row.b[0], v.p1 = row.b[1], ...}: band properties, names from constants only. */
    private static String assignments(String variable, String prefix, int bands) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < bands; i++) {
            out.add(variable + "." + prefix + i + " = row.b[" + i + "]");
        }
        return String.join(", ", out);
    }

    /** {@code [{prefix: 0, value: v.p0}, ...]}: a node's bands, each with its position. */
    private static String bandList(String variable, String prefix, int bands) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < bands; i++) {
            out.add("CASE WHEN " + variable + "." + prefix + i + " IS NULL THEN null ELSE {i: " + i + ", v: " + variable
                    + "." + prefix + i + "} END");
        }
        return "[" + String.join(", ", out) + "]";
    }

    /** How many nodes share {@code band} (at most {@code $maxBand + 1} counted: one index seek). */
    private static String bandCount(String label, String prefix, int bands) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < bands; i++) {
            out.add("WHEN " + i + " THEN COUNT { MATCH (c:" + label + " {" + prefix + i
                    + ": band.v}) RETURN c LIMIT $maxBand + 1 }");
        }
        return "CASE band.i " + String.join(" ", out) + " END";
    }

    /** The nodes that share {@code band}, as {@code o}: one index seek on the band's position. */
    private static String bandMembers(String label, String prefix, int bands) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < bands; i++) {
            out.add("WITH band WHERE band.i = " + i + " MATCH (o:" + label + " {" + prefix + i + ": band.v}) RETURN o");
        }
        return String.join(" UNION ", out);
    }

    /**
     * Deletes the {@code type} links of the {@code subjects} that are not among {@code keep} (pairs
     * as {@code a < b}): what a link rested on is gone. Label, key and type come from constants.
     */
    private static void withdraw(
            Graph.Tx tx,
            String label,
            String key,
            String type,
            Collection<String> subjects,
            List<Map<String, Object>> keep) {
        Set<List<Object>> kept = new HashSet<>();
        keep.forEach(p -> kept.add(List.of(p.get("a"), p.get("b"))));
        List<Map<String, Object>> gone = new ArrayList<>();
        tx.run(
                "UNWIND $subjects AS k MATCH (x:" + label + " {" + key + ": k})-[:" + type + "]-(y:" + label + ")"
                        + " WITH DISTINCT CASE WHEN x." + key + " < y." + key + " THEN [x." + key + ", y." + key
                        + "] ELSE [y." + key + ", x." + key + "] END AS pair RETURN pair[0] AS a, pair[1] AS b",
                Map.of("subjects", List.copyOf(subjects)),
                r -> {
                    String a = r.get("a").asString();
                    String b = r.get("b").asString();
                    if (!kept.contains(List.of(a, b))) {
                        gone.add(Map.of("a", a, "b", b));
                    }
                    return null;
                });
        if (!gone.isEmpty()) {
            tx.run(
                    "UNWIND $gone AS p MATCH (:" + label + " {" + key + ": p.a})-[r:" + type + "]-(:" + label + " {"
                            + key + ": p.b}) DELETE r",
                    Map.of("gone", gone));
        }
    }

    /** The bands of a 64-bit hash: {@code distance + 1} slices, each keyed by its index and bits. */
    static List<String> imageBands(long hash, int distance) {
        int bands = distance + 1;
        List<String> out = new ArrayList<>(bands);
        int from = 0;
        for (int b = 0; b < bands; b++) {
            int width = 64 / bands + (b < 64 % bands ? 1 : 0);
            long bits = (hash >>> from) & (width == 64 ? -1L : (1L << width) - 1);
            out.add(distance + ":" + Long.toHexString(bits));
            from += width;
        }
        return out;
    }

    private void texts(Graph.Tx tx, List<String> adIds) {
        Set<String> subjects = subjects(tx, "Ad", "adId", "tb", TEXT_BANDS, "SIMILAR_TEXT", adIds);
        // Candidates first, as bare ids: an ad re-posted many times is a candidate in many bands of
        // many rows, and its signature needs to cross the wire only once.
        Set<List<String>> candidates = new java.util.TreeSet<>(
                java.util.Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
        candidates(
                tx,
                "Ad",
                "adId",
                "tb",
                TEXT_BANDS,
                subjects,
                (a, b) -> candidates.add(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a)));
        Map<String, long[]> signatures = new HashMap<>();
        List<String> ids = candidates.stream().flatMap(List::stream).distinct().toList();
        if (!ids.isEmpty()) {
            tx.run("UNWIND $ids AS id MATCH (a:Ad {adId: id}) RETURN id, a.minhash AS sig", Map.of("ids", ids), r -> {
                long[] sig = fromStored(r.get("sig"));
                if (sig != null) {
                    signatures.put(r.get("id").asString(), sig);
                }
                return null;
            });
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (List<String> c : candidates) {
            long[] sa = signatures.get(c.get(0));
            long[] sb = signatures.get(c.get(1));
            double j = sa == null || sb == null ? 0 : estimate(sa, sb);
            if (j >= textSimilarity) {
                pairs.add(Map.of("a", c.get(0), "b", c.get(1), "jaccard", Math.round(j * 1000) / 1000.0));
            }
        }
        withdraw(tx, "Ad", "adId", "SIMILAR_TEXT", subjects, pairs);
        tx.run("""
                UNWIND $pairs AS p
                MATCH (a:Ad {adId: p.a}), (b:Ad {adId: p.b})
                MERGE (a)-[r:SIMILAR_TEXT {source: 'caselink:text-minhash', recordId: 'jaccard>=' + $t}]->(b)
                  ON CREATE SET r.ingestedAt = datetime()
                SET r.jaccard = p.jaccard
                """, Map.of("pairs", pairs, "t", textSimilarity));
    }

    /** A signature as stored on the ad: 8 bytes per value, big-endian (one compact property). */
    static byte[] toBytes(long[] sig) {
        var buffer = java.nio.ByteBuffer.allocate(sig.length * Long.BYTES);
        buffer.asLongBuffer().put(sig);
        return buffer.array();
    }

    /** A stored signature back; also reads the list-of-integers form that earlier builds wrote. */
    private static long @Nullable [] fromStored(org.neo4j.driver.Value v) {
        if (v.isNull()) {
            return null;
        }
        if ("BYTES".equals(v.type().name())) {
            byte[] bytes = v.asByteArray();
            long[] sig = new long[bytes.length / Long.BYTES];
            java.nio.ByteBuffer.wrap(bytes).asLongBuffer().get(sig);
            return sig;
        }
        return v.asList(x -> x.asLong()).stream().mapToLong(Long::longValue).toArray();
    }

    private static final java.util.regex.Pattern NUMBER_WORD = java.util.regex.Pattern.compile(
            "zero|oh|o|one|won|two|to|too|three|tree|four|for|fore|five|six|seven|eight|ate|nine|l|i");

    /**
     * Character 4-grams of the text with case, accents and punctuation removed, and without the
     * contact details: re-posted ads differ most in the number they give, which says nothing about
     * the wording. Tokens with a digit, and spelled digits, are dropped before shingling.
     */
    static Set<String> shingles(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder words = new StringBuilder();
        for (String token : plain.split("[^\\p{L}\\p{N}]+")) {
            if (token.isEmpty()
                    || token.chars().anyMatch(Character::isDigit)
                    || NUMBER_WORD.matcher(token).matches()) {
                continue;
            }
            words.append(words.isEmpty() ? "" : " ").append(token);
        }
        String clean = words.toString();
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 4 <= clean.length(); i++) {
            out.add(clean.substring(i, i + 4));
        }
        return out;
    }

    /** The MinHash signature of a set of shingles; null for a text too short to compare. */
    static long[] signature(Set<String> shingles) {
        if (shingles.size() < 8) {
            return null;
        }
        long[] sig = new long[HASHES];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (String s : shingles) {
            long base = fnv64(s);
            for (int i = 0; i < HASHES; i++) {
                long h = mix(base ^ SEEDS[i]);
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    static List<String> textBands(long[] sig) {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < HASHES / ROWS; b++) {
            long h = 17;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + sig[b * ROWS + r]);
            }
            out.add(Long.toHexString(h));
        }
        return out;
    }

    static double estimate(long[] a, long[] b) {
        if (a.length != b.length || a.length == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    private static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: a fast, well-mixed 64-bit permutation. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds() {
        long[] s = new long[HASHES];
        long x = 0x5EED_CA5E_11_4BL;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + 0x9e3779b97f4a7c15L);
            s[i] = x;
        }
        return s;
    }
}
