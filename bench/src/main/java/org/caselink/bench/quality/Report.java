package org.caselink.bench.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caselink.bench.quality.Quality.Decile;
import org.caselink.bench.quality.Quality.Identity;
import org.caselink.bench.quality.Quality.KeyPlayers;
import org.caselink.bench.quality.Quality.LinkFigures;
import org.caselink.bench.quality.Quality.NearDuplicates;
import org.caselink.bench.quality.Quality.RelationshipCount;
import org.caselink.bench.quality.Quality.Score;

/**
 * Everything {@code score} prints, and how it prints it: one labelled figure a line. Apart from
 * {@link Quality} because the wording of the report is its own concern, the one place to change
 * when a figure is added or described differently.
 */
public record Report(
        long records,
        List<Score> scores,
        LinkFigures links,
        KeyPlayers keyPlayers,
        List<Identity> identity,
        NearDuplicates nearDuplicates,
        List<RelationshipCount> relationships) {

    /** One labelled figure a line. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        scores.forEach(s -> out.add(s.toString()));
        LinkFigures l = links;
        out.add(line(
                "linkedCases cases",
                "%d cases asked; %d of all cases have a true partner (maxHops 6, first 20)",
                l.cases(),
                l.casesWithPartners()));
        out.add(line(
                "linkedCases recall@20",
                "%.4f  (%d of %d true partner pairs returned)%s",
                l.recall(),
                l.truePairsFound(),
                l.truePairs(),
                l.misses().isEmpty() ? "" : "; misses: " + l.misses()));
        out.add(line(
                "linkedCases precision@k",
                "%.4f  (mean over cases; k = the case's true partners)",
                l.meanPrecisionAtK()));
        out.add(line(
                "linkedCases strong precision",
                "%.4f  (%d of %d links scored >= %.2f are true partners)",
                l.strongPrecision(),
                l.strongTrue(),
                l.strong(),
                l.threshold()));
        out.add(line(
                "linkedCases strong recall",
                "%.4f  (%d of %d true partner pairs scored >= %.2f)",
                l.strongRecall(),
                l.strongTrue(),
                l.truePairs(),
                l.threshold()));
        for (Decile d : l.calibration()) {
            String label = String.format(
                    Locale.ROOT,
                    "linkedCases score [%.1f,%.1f%s",
                    d.from(),
                    Math.min(1, d.to()),
                    d.to() > 1 ? "]" : ")");
            out.add(
                    d.count() == 0
                            ? line(label, "count 0")
                            : line(
                                    label,
                                    "count %d  mean score %.4f  share true %.4f",
                                    d.count(),
                                    d.meanScore(),
                                    d.shareTrue()));
        }
        out.add(line(
                "linkedCases calibration error",
                "%.4f  (count-weighted mean of |mean score - share true| over deciles, %d links)",
                l.calibrationError(),
                l.returned()));
        out.add(line(
                "key players: controller top 3",
                "%.4f  (%d of %d planted networks)%s",
                keyPlayers.share(),
                keyPlayers.controllersInTopThree(),
                keyPlayers.networks(),
                keyPlayers.misses().isEmpty() ? "" : "; misses: " + keyPlayers.misses()));
        for (Identity i : identity) {
            out.add(line(
                    "identity " + i.what() + " per node",
                    "%.4f  (%d proposals, %d nodes)",
                    i.perNode(),
                    i.proposals(),
                    i.nodes()));
            out.add(line(
                    "identity " + i.what() + " precision",
                    "%.4f  (%d of %d judged proposals are one individual; %d with an unknown node)",
                    i.precision(),
                    i.correct(),
                    i.judged(),
                    i.proposals() - i.judged()));
            out.add(line(
                    "identity " + i.what() + " recall",
                    "%.4f  (%d of %d corroborated same-individual pairs joined by proposals)",
                    i.recall(),
                    i.corroboratedProposed(),
                    i.corroboratedPairs()));
            out.add(line(
                    "identity " + i.what() + " wrong merges",
                    "%d  (nodes holding 2+ true individuals)",
                    i.wrongMerges()));
        }
        NearDuplicates n = nearDuplicates;
        out.add(line(
                "near-duplicates precision",
                "%.4f  (%d of %d SIMILAR_TEXT links join one planted text)",
                n.precision(),
                n.trueLinks(),
                n.links()));
        out.add(line(
                "near-duplicates recall",
                "%.4f  (%d of %d pairs of one planted text chained by links)",
                n.recall(),
                n.repostPairsConnected(),
                n.repostPairs()));
        out.add(line("near-duplicates per ad", "%.4f  (%d links, %d ads)", n.perAd(), n.links(), n.ads()));
        for (RelationshipCount r : relationships) {
            out.add(line(
                    "relationships " + r.type(), "%d  (%.4f per record of %d)", r.count(), r.perRecord(), r.records()));
        }
        return out;
    }

    private static String line(String label, String format, Object... args) {
        return String.format(Locale.ROOT, "%-36s %s", label, String.format(Locale.ROOT, format, args));
    }
}
