package org.caselink.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.caselink.db.StatementListener;

/**
 * {@code import --profile}: time spent per write statement, installed into the command's context
 * as a {@link StatementListener} (the service has none). Each statement is named by its first line:
 * named queries start with a comment that says what they do.
 */
final class StatementProfile implements StatementListener {

    private static final int NAME_LENGTH = 90;

    private final Map<String, LongAdder[]> times = new ConcurrentHashMap<>();

    @Override
    public void ran(Statement statement, long nanos) {
        if (!statement.write()) {
            return;
        }
        String first = statement
                .cypher()
                .strip()
                .lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .orElse("")
                .strip();
        String name = first.length() > NAME_LENGTH ? first.substring(0, NAME_LENGTH) : first;
        LongAdder[] a = times.computeIfAbsent(name, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        a[0].increment();
        a[1].add(nanos);
    }

    /** One line per statement, most time first: seconds, how many times, its name. */
    List<String> lines() {
        return times.entrySet().stream()
                .sorted((x, y) -> Long.compare(y.getValue()[1].sum(), x.getValue()[1].sum()))
                .map(e -> String.format(
                        Locale.ROOT,
                        "%8.1f s %7d x  %s",
                        e.getValue()[1].sum() / 1e9,
                        e.getValue()[0].sum(),
                        e.getKey()))
                .toList();
    }
}
