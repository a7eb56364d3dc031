package org.caselink.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The percentiles every benchmark reports: nearest rank, so each is a time that was measured. */
class ReportsTests {

    @Test
    void percentilesAreNearestRanksOfTheSortedTimes() {
        List<Double> ms = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            ms.add((double) i);
        }
        Collections.shuffle(ms, new java.util.Random(1));

        var spread = Reports.Spread.of(ms);

        assertThat(spread.runs()).isEqualTo(200);
        assertThat(spread.medianMs()).isEqualTo(100.0);
        assertThat(spread.p95Ms()).isEqualTo(190.0);
        assertThat(spread.p99Ms()).isEqualTo(198.0);
        assertThat(spread.maxMs()).isEqualTo(200.0);
    }

    @Test
    void oneTimingIsEveryPercentileAndNoneIsAnError() {
        var one = Reports.Spread.of(List.of(7.5));
        assertThat(List.of(one.medianMs(), one.p95Ms(), one.p99Ms(), one.maxMs()))
                .containsOnly(7.5);
        assertThatThrownBy(() -> Reports.Spread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scalesAreNamedInNodesAndBecomeRecords() {
        assertThat(SuiteBenchmark.Scale.parse("10k").nodes()).isEqualTo(10_000);
        assertThat(SuiteBenchmark.Scale.parse("1M").nodes()).isEqualTo(1_000_000);
        assertThat(SuiteBenchmark.Scale.parse("2.5k").nodes()).isEqualTo(2_500);
        assertThat(SuiteBenchmark.Scale.parse("100k").records()).isEqualTo(43_478);
    }

    @Test
    void threadsAreGroupedByWhatTheyWorkFor() {
        assertThat(HttpBenchmark.group("neo4j.BoltWorker-3")).isEqualTo("neo4j");
        assertThat(HttpBenchmark.group("Neo4jDriverIO-2-1")).isEqualTo("driver");
        assertThat(HttpBenchmark.group("http-nio-127.0.0.1-auto-1-exec-4")).isEqualTo("web");
        assertThat(HttpBenchmark.group("load-7")).isEqualTo("load");
        assertThat(HttpBenchmark.group("HttpClient-1-Worker-0")).isEqualTo("load");
        assertThat(HttpBenchmark.group("main")).isEqualTo("other");
    }

    @Test
    void statementsThatGrowWithTheAnswerAreToldFromOnesThatDependOnWhatIsThere() {
        // N+1: one more statement per row, so only the largest answers reach the most statements.
        List<int[]> perRow = List.of(new int[] {100, 2}, new int[] {400, 5}, new int[] {900, 10});
        assertThat(HttpBenchmark.statementsGrow(perRow)).isTrue();
        // Batched: a case with children costs two more statements than one without, whatever its size.
        List<int[]> batched =
                List.of(new int[] {300, 9}, new int[] {500, 11}, new int[] {800, 11}, new int[] {1900, 11});
        assertThat(HttpBenchmark.statementsGrow(batched)).isFalse();
        assertThat(HttpBenchmark.smallestAtMostStatements(batched)).isEqualTo(500);
        // The same count for every answer never grows.
        assertThat(HttpBenchmark.statementsGrow(List.of(new int[] {10, 4}, new int[] {5000, 4})))
                .isFalse();
    }
}
