package org.caselink.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Centrality on graphs small enough to count by hand. */
class CentralityTests {

    @Test
    void theMiddleOfAChainCarriesEveryPathAcrossIt() {
        // a - b - c - d: b lies on a-c and a-d, c on a-d and b-d; each pair counted once.
        var s = Centrality.of(
                List.of("a", "b", "c", "d"), List.of(Map.entry("a", "b"), Map.entry("b", "c"), Map.entry("c", "d")));
        assertThat(s.get("a").betweenness()).isZero();
        assertThat(s.get("b").betweenness()).isEqualTo(2.0);
        assertThat(s.get("c").betweenness()).isEqualTo(2.0);
        assertThat(s.get("b").degree()).isEqualTo(2);
        assertThat(s.get("d").degree()).isEqualTo(1);
        assertThat(s.get("b").pageRank()).isGreaterThan(s.get("a").pageRank());
    }

    @Test
    void twoEqualRoutesShareTheCreditAndRepeatedOrForeignLinksCountNothing() {
        // a square a-b-d, a-c-d: the a-d paths split between b and c; b-c go through a or d.
        var s = Centrality.of(
                List.of("a", "b", "c", "d"),
                List.of(
                        Map.entry("a", "b"),
                        Map.entry("b", "a"),
                        Map.entry("b", "d"),
                        Map.entry("a", "c"),
                        Map.entry("c", "d"),
                        Map.entry("a", "a"),
                        Map.entry("a", "outsider")));
        assertThat(s).containsOnlyKeys("a", "b", "c", "d");
        for (String v : List.of("a", "b", "c", "d")) {
            assertThat(s.get(v).betweenness()).isCloseTo(0.5, within(1e-9));
            assertThat(s.get(v).degree()).isEqualTo(2);
            assertThat(s.get(v).pageRank()).isCloseTo(0.25, within(1e-6));
        }
    }

    @Test
    void aLoneMemberHasNoScoreButIsStillScored() {
        var s = Centrality.of(List.of("x"), List.of());
        assertThat(s.get("x").betweenness()).isZero();
        assertThat(s.get("x").degree()).isZero();
        assertThat(s.get("x").pageRank()).isCloseTo(1.0, within(1e-9));
    }
}
