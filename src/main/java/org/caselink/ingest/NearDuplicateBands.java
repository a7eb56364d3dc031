package org.caselink.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Candidate pairs for {@link AdLinker} by locality-sensitive hashing, so that near-duplicates are
 * found without comparing every pair: MinHash signatures of the ads' uncommon shingles cut into
 * bands (72 values in 24 bands of 3: a pair whose uncommon shingles agree by half shares a band
 * with probability 0.96), and perceptual image hashes cut into exact slices (two hashes within
 * {@code distance} bits share one of {@code distance + 1} slices, by pigeonhole). Apart from the
 * linker because which pairs are candidates is a question of hashing; how similar they are, and
 * which links are kept, is the linker's.
 */
final class NearDuplicateBands {

    static final int HASHES = 72;
    static final int ROWS = 3;
    static final int TEXT_BANDS = HASHES / ROWS;

    /** Uncommon shingles an ad needs to be compared at all. */
    static final int MIN_SHINGLES = 4;

    private static final long[] SEEDS = seeds();

    private NearDuplicateBands() {}

    /**
     * The pairs of ads that share a MinHash band of their uncommon shingles (those of weight above
     * zero), each once as {@code a << 32 | b} with {@code a < b}, in ascending order ({@link Pairs}); a band
     * more than {@code maxBandSize} ads share yields none. {@code index[i]} holds ad {@code i}'s shingles as indexes into
     * {@code keys} (the shingles) and {@code idf} (their weights).
     */
    static long[] textCandidates(int[][] index, double[] idf, int[] keys, int maxBandSize) {
        int n = index.length;
        long[] buckets = new long[n * TEXT_BANDS];
        int used = 0;
        for (int i = 0; i < n; i++) {
            int uncommon = 0;
            for (int k : index[i]) {
                if (idf[k] > 0) {
                    uncommon++;
                }
            }
            if (uncommon < MIN_SHINGLES) {
                continue;
            }
            long[] sig = new long[HASHES];
            Arrays.fill(sig, Long.MAX_VALUE);
            for (int k : index[i]) {
                if (idf[k] > 0) {
                    long base = keys[k];
                    for (int h = 0; h < HASHES; h++) {
                        long v = mix(base ^ SEEDS[h]);
                        if (v < sig[h]) {
                            sig[h] = v;
                        }
                    }
                }
            }
            for (int b = 0; b < TEXT_BANDS; b++) {
                long h = 17 + b;
                for (int r = 0; r < ROWS; r++) {
                    h = mix(h * 31 + sig[b * ROWS + r]);
                }
                // 40 bits of the band's hash above 24 bits of the ad's position: sorting groups a band's ads.
                buckets[used++] = (h & 0xFFFFFFFFFF000000L) | i;
            }
        }
        Arrays.sort(buckets, 0, used);
        Pairs pairs = new Pairs(used);
        for (int from = 0; from < used; ) {
            int to = from + 1;
            while (to < used && (buckets[to] >>> 24) == (buckets[from] >>> 24)) {
                to++;
            }
            if (to - from > 1 && to - from <= maxBandSize) {
                for (int x = from; x < to; x++) {
                    for (int y = x + 1; y < to; y++) {
                        pairs.add((int) (buckets[x] & 0xFFFFFF), (int) (buckets[y] & 0xFFFFFF));
                    }
                }
            }
            from = to;
        }
        return pairs.sortedDistinct();
    }

    /** The bands of a 64-bit hash: {@code distance + 1} slices, each keyed by its index and bits. */
    static List<String> imageBands(long hash, int distance) {
        int bands = distance + 1;
        List<String> out = new ArrayList<>(bands);
        int from = 0;
        for (int b = 0; b < bands; b++) {
            int width = 64 / bands + (b < 64 % bands ? 1 : 0);
            long bits = (hash >>> from) & (width == 64 ? -1L : (1L << width) - 1);
            out.add(b + ":" + Long.toHexString(bits));
            from += width;
        }
        return out;
    }

    /** SplitMix64's finaliser: a fast, well-mixed 64-bit permutation. */
    static long mix(long z) {
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
