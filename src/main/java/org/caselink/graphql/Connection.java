package org.caselink.graphql;

import java.util.List;
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
}
