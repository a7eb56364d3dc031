package org.caselink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The candidate pairs: each once, lower position first, in the order a sorted set would give. */
class PairsTests {

    @Test
    void givesEachPairOnceInAscendingOrderWhateverTheOrderTheyCameIn() {
        var random = new Random(19);
        Pairs pairs = new Pairs(4); // grows well past its first size
        TreeSet<Long> expected = new TreeSet<>();
        for (int i = 0; i < 5_000; i++) {
            int x = random.nextInt(300);
            int y = random.nextInt(300);
            if (x == y) {
                continue;
            }
            pairs.add(x, y);
            expected.add((long) Math.min(x, y) << 32 | Math.max(x, y));
        }
        long[] got = pairs.sortedDistinct();
        assertThat(got)
                .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
        assertThat(got[0] >>> 32).isLessThan(got[0] & 0xFFFFFFFFL);
    }

    @Test
    void positionsAsLargeAsAnAdIndexKeepTheirOrder() {
        Pairs pairs = new Pairs(0);
        pairs.add(0xFFFFFF, 1);
        pairs.add(2, 0xFFFFFE);
        pairs.add(1, 0xFFFFFF);
        assertThat(pairs.sortedDistinct()).containsExactly(1L << 32 | 0xFFFFFF, 2L << 32 | 0xFFFFFE);
    }
}
