package org.caselink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caselink.ingest.IdentityProposer.Proposal;
import org.junit.jupiter.api.Test;

/** The proposals kept of the scored pairs: a maximum spanning forest, decisions respected. */
class IdentityForestTests {

    private static Proposal p(String a, String b, double score) {
        return new Proposal(a, b, score, "test");
    }

    @Test
    void aGroupOfFourIsThreeDecisionsTheStrongestPairsFirst() {
        List<Proposal> clique = List.of(
                p("a", "b", 0.9),
                p("a", "c", 0.7),
                p("a", "d", 0.65),
                p("b", "c", 0.8),
                p("b", "d", 0.62),
                p("c", "d", 0.95));
        assertThat(IdentityProposer.forest(clique, Map.of()))
                .extracting(x -> x.a() + x.b())
                .containsExactly("ab", "bc", "cd");
    }

    @Test
    void separateGroupsStaySeparateAndTheOrderOfInputDoesNotMatter() {
        List<Proposal> scored = List.of(p("a", "b", 0.7), p("x", "y", 0.7), p("b", "c", 0.7), p("a", "c", 0.7));
        List<Proposal> reversed = scored.reversed();
        assertThat(IdentityProposer.forest(scored, Map.of()))
                .isEqualTo(IdentityProposer.forest(reversed, Map.of()))
                .extracting(x -> x.a() + x.b())
                .containsExactly("ab", "ac", "xy");
    }

    @Test
    void aConfirmedPairJoinsItsGroupAndARejectedOneBringsTheNextPairForward() {
        List<Proposal> triangle = List.of(p("a", "b", 0.9), p("a", "c", 0.7), p("b", "c", 0.8));
        assertThat(IdentityProposer.forest(triangle, Map.of(List.of("a", "b"), "CONFIRMED")))
                .extracting(x -> x.a() + x.b())
                .as("a and b are one: the stronger link of c to them is enough")
                .containsExactly("bc");
        assertThat(IdentityProposer.forest(triangle, Map.of(List.of("b", "c"), "REJECTED")))
                .extracting(x -> x.a() + x.b())
                .as("b-c rejected: c is still offered through a")
                .containsExactly("ab", "ac");
    }
}
