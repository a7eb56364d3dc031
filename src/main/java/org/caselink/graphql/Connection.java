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
     * A page of a list whose items are checked for the viewer in code rather than in the query (a
     * watch on a child takes need-to-know of it): reads {@code first + 1} rows at a time after the
     * cursor until {@code first + 1} visible ones are found or the list ends, so a page is full
     * whenever more follow, and its cursors are those of items the viewer sees.
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
        while (true) {
            List<T> rows = fetch.apply(at, first + 1);
            for (T row : rows) {
                if (kept.size() <= first && visible.test(row)) {
                    kept.add(new Edge<>(cursor.apply(row), row, null));
                }
            }
            if (kept.size() > first || rows.size() <= first) {
                return of(kept, first, totalCount);
            }
            at = cursor.apply(rows.getLast());
        }
    }
}
