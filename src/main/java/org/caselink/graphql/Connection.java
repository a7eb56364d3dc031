package org.caselink.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.caselink.model.Evidence;
import org.jspecify.annotations.Nullable;

/** A Relay cursor connection: one page of a stably ordered list, and how many there are in all. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

    public record Edge<T>(String cursor, T node, @Nullable Evidence evidence) {}

    public record PageInfo(boolean hasNextPage, @Nullable String endCursor) {}

    /** Builds a page from up to {@code first + 1} fetched edges: the extra one only says there is more. */
    public static <T> Connection<T> of(List<Edge<T>> fetched, int first, int totalCount) {
        boolean more = fetched.size() > first;
        List<Edge<T>> edges = more ? fetched.subList(0, first) : fetched;
        String end = edges.isEmpty() ? null : edges.getLast().cursor();
        return new Connection<>(List.copyOf(edges), new PageInfo(more, end), totalCount);
    }

    /**
     * The most rows one request reads of a list whose items are checked for the viewer in code: a
     * page of such a list, or its count, costs at most this many, however few of them the viewer sees.
     */
    public static final int MAX_SCANNED = 10_000;

    /** Rows read at a time from such a list. */
    private static final int BATCH = 200;

    /**
     * A page of a list whose items are checked for the viewer in code rather than in the query (a
     * watch on a child takes need-to-know of it): reads rows after the cursor, {@value #BATCH} or
     * more at a time, until {@code first + 1} visible ones are found or the list ends, so a page is
     * full whenever more follow, and its cursors are those of items the viewer sees. After
     * {@link #MAX_SCANNED} rows it stops with the page it has, more to follow, and the position of
     * the last row read as its end.
     *
     * @param fetch rows after a cursor (null for the start), at most the given number, in list order
     * @param cursor an item's position in the list, which {@code fetch} takes back
     */
    public static <T> Connection<T> ofVisible(
            int first,
            @Nullable String after,
            BiFunction<@Nullable String, Integer, List<T>> fetch,
            Predicate<T> visible,
            Function<T, String> cursor,
            int totalCount) {
        List<Edge<T>> kept = new ArrayList<>();
        String at = after;
        int scanned = 0;
        int batch = Math.max(first + 1, BATCH);
        while (true) {
            List<T> rows = fetch.apply(at, batch);
            for (T row : rows) {
                if (kept.size() <= first && visible.test(row)) {
                    kept.add(new Edge<>(cursor.apply(row), row, null));
                }
            }
            scanned += rows.size();
            if (kept.size() > first || rows.size() < batch) {
                return of(kept, first, totalCount);
            }
            at = cursor.apply(rows.getLast());
            if (scanned >= MAX_SCANNED) {
                // Enough work for one request: the next page goes on from here.
                List<Edge<T>> page = List.copyOf(kept.subList(0, Math.min(first, kept.size())));
                return new Connection<>(page, new PageInfo(true, at), totalCount);
            }
        }
    }

    /**
     * How many items of such a list the viewer sees, counted over at most {@link #MAX_SCANNED} rows
     * from the start of the list (so a count over a longer list is of its first rows).
     */
    public static <T> int countVisible(
            BiFunction<@Nullable String, Integer, List<T>> fetch, Predicate<T> visible, Function<T, String> cursor) {
        int count = 0;
        int scanned = 0;
        String at = null;
        while (scanned < MAX_SCANNED) {
            List<T> rows = fetch.apply(at, BATCH * 5);
            for (T row : rows) {
                if (visible.test(row)) {
                    count++;
                }
            }
            scanned += rows.size();
            if (rows.size() < BATCH * 5) {
                break;
            }
            at = cursor.apply(rows.getLast());
        }
        return count;
    }
}
