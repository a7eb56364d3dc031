package org.caselink.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.caselink.db.Graph;
import org.caselink.normalize.Normalize;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Proposes, never merges: for people written in a batch, finds others who may be the same
 * individual and records a {@code POSSIBLE_SAME_AS {score, rule}} link for an analyst to confirm
 * or reject. Candidates come from blocking keys (the sound of the last name with the first
 * initial; the sound of the first name with the birth year) and from shared phones, emails and
 * handles. The score is Jaro-Winkler name similarity (names and aliases, from Apache Commons Text)
 * weighted with corroborating evidence:
 * {@code score = 0.7 * nameSimilarity + 0.3 * corroboration}, where corroboration is 1 for the
 * same date of birth or a shared contact, 0.5 when neither side has a date of birth, and 0 when the
 * dates differ. A proposal an analyst rejected is never proposed again.
 */
@Component
public class IdentityProposer {

    private static final DoubleMetaphone SOUND = new DoubleMetaphone();
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final double threshold;
    private final int maxShared;

    IdentityProposer(
            @Value("${caselink.ingest.identity-threshold:0.85}") double threshold,
            @Value("${caselink.ingest.max-band-size:500}") int maxShared) {
        this.threshold = threshold;
        this.maxShared = maxShared;
    }

    /** A blocking key: how {@code name} sounds, and {@code rest}. Null when there is no name. */
    public static @Nullable String nameBlock(@Nullable String name, @Nullable String rest) {
        String key = Normalize.nameKey(name, null);
        if (key == null || rest == null || rest.isBlank()) {
            return null;
        }
        return SOUND.doubleMetaphone(key.replace(" ", "")) + ":"
                + rest.strip().toLowerCase(Locale.ROOT).charAt(0) + rest.strip().substring(1);
    }

    private record Candidate(
            String a,
            String b,
            List<String> namesA,
            List<String> namesB,
            @Nullable Object dobA,
            @Nullable Object dobB,
            boolean shared) {}

    /**
     * Proposes for the people {@code uids} as the graph now stands, and withdraws their proposals
     * that it no longer supports (still {@code PROPOSED}: a confirmed or rejected one is an analyst's
     * decision and stays). A proposal is thus a function of the graph, not of when its two people
     * arrived. When a shared contact of theirs has just become too common to corroborate anything,
     * the proposals between its other users are weighed again too.
     */
    void propose(Graph.Tx tx, Collection<String> uids) {
        if (uids.isEmpty()) {
            return;
        }
        Set<String> subjects = new java.util.TreeSet<>(uids);
        tx.run("""
                UNWIND $uids AS uid
                MATCH (:Person {uid: uid})-[:USES]->(c)
                WITH DISTINCT c WHERE COUNT { (c)<-[:USES]-() } > $maxShared
                MATCH (c)<-[:USES]-(a:Person)-[x:POSSIBLE_SAME_AS {status: 'PROPOSED'}]-(b:Person)-[:USES]->(c)
                RETURN DISTINCT a.uid AS a, b.uid AS b
                """, Map.of("uids", List.copyOf(uids), "maxShared", maxShared), r -> {
            subjects.add(r.get("a").asString());
            subjects.add(r.get("b").asString());
            return null;
        });
        List<Candidate> candidates = new ArrayList<>();
        tx.run("""
                UNWIND $uids AS uid
                MATCH (p:Person {uid: uid})
                CALL (p) {
                  MATCH (o:Person {block1: p.block1}) WHERE o <> p
                  RETURN o, false AS shared
                  UNION
                  MATCH (o:Person {block2: p.block2}) WHERE o <> p
                  RETURN o, false AS shared
                  UNION
                  MATCH (p)-[:USES]->(c)<-[:USES]-(o:Person)
                  WHERE o <> p AND COUNT { (c)<-[:USES]-() } <= $maxShared
                  RETURN o, true AS shared
                }
                WITH p, o, max(shared) AS shared
                WHERE NOT EXISTS { (p)-[x:POSSIBLE_SAME_AS]-(o) WHERE x.status <> 'PROPOSED' }
                RETURN p.uid AS a, o.uid AS b,
                       [p.nameKey] + [x IN coalesce(p.aliases, []) | x] AS namesA,
                       [o.nameKey] + [x IN coalesce(o.aliases, []) | x] AS namesB,
                       p.dob AS dobA, o.dob AS dobB, shared
                """, Map.of("uids", List.copyOf(subjects), "maxShared", maxShared), r -> {
            candidates.add(new Candidate(
                    r.get("a").asString(),
                    r.get("b").asString(),
                    r.get("namesA").asList(v -> v.isNull() ? "" : v.asString()),
                    r.get("namesB").asList(v -> v.isNull() ? "" : v.asString()),
                    r.get("dobA").isNull() ? null : r.get("dobA").asLocalDate(),
                    r.get("dobB").isNull() ? null : r.get("dobB").asLocalDate(),
                    r.get("shared").asBoolean()));
            return null;
        });
        List<Map<String, Object>> proposals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Candidate c : candidates) {
            String lo = c.a().compareTo(c.b()) < 0 ? c.a() : c.b();
            String hi = c.a().compareTo(c.b()) < 0 ? c.b() : c.a();
            if (!seen.add(lo + "|" + hi)) {
                continue;
            }
            double names = nameSimilarity(c.namesA(), c.namesB());
            double corroboration;
            String why;
            if (c.shared()) {
                corroboration = 1;
                why = "shared contact";
            } else if (c.dobA() != null && c.dobA().equals(c.dobB())) {
                corroboration = 1;
                why = "same date of birth";
            } else if (c.dobA() == null && c.dobB() == null) {
                corroboration = 0.5;
                why = "no date of birth";
            } else if (c.dobA() == null || c.dobB() == null) {
                corroboration = 0.5;
                why = "one date of birth";
            } else {
                corroboration = 0;
                why = "different dates of birth";
            }
            double score = Math.round((0.7 * names + 0.3 * corroboration) * 1000) / 1000.0;
            if (score >= threshold) {
                proposals.add(Map.of(
                        "a",
                        lo,
                        "b",
                        hi,
                        "score",
                        score,
                        "rule",
                        String.format(Locale.ROOT, "name similarity %.2f + %s", names, why)));
            }
        }
        Set<String> kept = new HashSet<>();
        proposals.forEach(p -> kept.add(p.get("a") + "|" + p.get("b")));
        List<Map<String, Object>> gone = new ArrayList<>();
        tx.run("""
                UNWIND $uids AS uid
                MATCH (p:Person {uid: uid})-[x:POSSIBLE_SAME_AS {status: 'PROPOSED'}]-(o:Person)
                RETURN DISTINCT CASE WHEN p.uid < o.uid THEN p.uid ELSE o.uid END AS a,
                                CASE WHEN p.uid < o.uid THEN o.uid ELSE p.uid END AS b
                """, Map.of("uids", List.copyOf(subjects)), r -> {
            String a = r.get("a").asString();
            String b = r.get("b").asString();
            if (!kept.contains(a + "|" + b)) {
                gone.add(Map.of("a", a, "b", b));
            }
            return null;
        });
        if (!gone.isEmpty()) {
            tx.run("""
                    UNWIND $gone AS g
                    MATCH (:Person {uid: g.a})-[x:POSSIBLE_SAME_AS {status: 'PROPOSED'}]-(:Person {uid: g.b})
                    DELETE x
                    """, Map.of("gone", gone));
        }
        tx.run("""
                UNWIND $proposals AS p
                MATCH (a:Person {uid: p.a}), (b:Person {uid: p.b})
                MERGE (a)-[r:POSSIBLE_SAME_AS]->(b)
                  ON CREATE SET r.status = 'PROPOSED', r.proposedAt = datetime(), r.history = [],
                                r.source = 'caselink:identity', r.recordId = p.a + '|' + p.b, r.ingestedAt = datetime()
                SET r.score = CASE WHEN r.status = 'PROPOSED' THEN p.score ELSE r.score END,
                    r.rule = CASE WHEN r.status = 'PROPOSED' THEN p.rule ELSE r.rule END
                """, Map.of("proposals", proposals));
    }

    /** The best Jaro-Winkler similarity between any name or alias of one and any of the other. */
    static double nameSimilarity(List<String> a, List<String> b) {
        double best = 0;
        for (String x : a) {
            for (String y : b) {
                String nx = Normalize.nameKey(x, null);
                String ny = Normalize.nameKey(y, null);
                if (nx != null && ny != null) {
                    best = Math.max(best, JARO_WINKLER.apply(nx, ny));
                }
            }
        }
        return best;
    }
}
