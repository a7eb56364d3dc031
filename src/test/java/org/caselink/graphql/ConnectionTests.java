package org.caselink.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Pages of a list checked for the viewer in code, over a list in memory (0, 1, 2 ...; a cursor is
 * the item's number): full pages whenever more follow, and bounded work however much is hidden.
 */
class ConnectionTests {

    private static final List<Integer> LIST = IntStream.range(0, 25_000).boxed().toList();
    private final List<Integer> reads = new ArrayList<>();

    private final BiFunction<String, Integer, List<Integer>> fetch = (after, limit) -> {
        int from = after == null ? 0 : Integer.parseInt(after) + 1;
        List<Integer> rows = LIST.subList(Math.min(from, LIST.size()), Math.min(from + limit, LIST.size()));
        reads.add(rows.size());
        return rows;
    };

    @Test
    void aPageIsFullWhenMoreFollowAndItsCursorsAreOfItemsShown() {
        // Every hundredth item is visible: a page of three reads past the hidden ones.
        var page = Connection.ofVisible(3, null, fetch, i -> i % 100 == 0, String::valueOf, 0);
        assertThat(page.edges()).extracting(Connection.Edge::node).containsExactly(0, 100, 200);
        assertThat(page.pageInfo().hasNextPage()).isTrue();
        assertThat(page.pageInfo().endCursor()).isEqualTo("200");
        var next = Connection.ofVisible(3, "200", fetch, i -> i % 100 == 0, String::valueOf, 0);
        assertThat(next.edges()).extracting(Connection.Edge::node).containsExactly(300, 400, 500);
        var last = Connection.ofVisible(3, "24800", fetch, i -> i % 100 == 0, String::valueOf, 0);
        assertThat(last.edges()).extracting(Connection.Edge::node).containsExactly(24900);
        assertThat(last.pageInfo().hasNextPage()).isFalse();
    }

    @Test
    void aRequestReadsAtMostTenThousandRowsHoweverManyAreHidden() {
        // Only the last item is visible: the first page stops after 10,000 rows, the third finds it.
        var page = Connection.ofVisible(1, null, fetch, i -> i == 24_999, String::valueOf, 0);
        assertThat(page.edges()).isEmpty();
        assertThat(page.pageInfo().hasNextPage()).isTrue();
        assertThat(reads.stream().mapToInt(Integer::intValue).sum()).isEqualTo(Connection.MAX_SCANNED);
        String at = page.pageInfo().endCursor();
        assertThat(at).isEqualTo("9999");
        var second = Connection.ofVisible(1, at, fetch, i -> i == 24_999, String::valueOf, 0);
        var third = Connection.ofVisible(1, second.pageInfo().endCursor(), fetch, i -> i == 24_999, String::valueOf, 0);
        assertThat(third.edges()).extracting(Connection.Edge::node).containsExactly(24_999);
        assertThat(third.pageInfo().hasNextPage()).isFalse();
        // The count reads no more either: of the first 10,000 rows, every tenth is visible.
        reads.clear();
        assertThat(Connection.countVisible(fetch, i -> i % 10 == 0, String::valueOf))
                .isEqualTo(1_000);
        assertThat(reads.stream().mapToInt(Integer::intValue).sum()).isEqualTo(Connection.MAX_SCANNED);
    }
}
