package org.caselink.analysis;

import java.util.List;

/**
 * A result cut at a limit: the queries ask for one more row than the limit, so that the extra row
 * tells the answer was truncated without a second count.
 */
record Cut<T>(List<T> kept, boolean truncated) {

    /** {@code found} (asked for with a limit of {@code max + 1}) cut to {@code max}. */
    static <T> Cut<T> of(List<T> found, int max) {
        return new Cut<>(found.subList(0, Math.min(max, found.size())), found.size() > max);
    }
}
