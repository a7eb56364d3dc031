package org.caselink.ingest;

import java.util.Arrays;

/**
 * Candidate pairs of positions, each {@code a << 32 | b} with {@code a < b}, gathered in a growing
 * array and then sorted with duplicates removed: what the near-duplicate and identity candidates
 * need, at 8 bytes a pair. A {@code HashSet<Long>} of them spent most of its time in collided
 * buckets ({@code Long.hashCode} of such a pair is {@code a ^ b}, shared by thousands of pairs of
 * small positions), and a {@code TreeSet<Long>} in boxing and rebalancing.
 */
final class Pairs {

    private long[] pairs;
    private int size;

    Pairs(int expected) {
        pairs = new long[Math.max(16, expected)];
    }

    /** Adds the pair of positions {@code x} and {@code y} (two different ones), in either order. */
    void add(int x, int y) {
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[size++] = (long) Math.min(x, y) << 32 | Math.max(x, y);
    }

    /** Every pair added, once each, in ascending order (by the lower position, then the higher). */
    long[] sortedDistinct() {
        Arrays.sort(pairs, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                pairs[distinct++] = pairs[i];
            }
        }
        return Arrays.copyOf(pairs, distinct);
    }
}
