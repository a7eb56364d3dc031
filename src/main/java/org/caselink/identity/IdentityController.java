package org.caselink.identity;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caselink.db.Graph;
import org.caselink.graph.Cursor;
import org.caselink.graph.InvalidInputException;
import org.caselink.ingest.Validate;
import org.caselink.model.EntityType;
import org.caselink.model.Person;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Identity proposals: the {@code POSSIBLE_SAME_AS} links that ingest proposes, and the analyst's
 * decisions on them. A decision never merges nodes; it is recorded on the link, with its history,
 * and a later decision can reverse it. Confirmed links are what link analysis follows.
 */
@Controller
class IdentityController {

    private static final String RETURN = """
            RETURN a AS a, b AS b, r.score AS score, r.rule AS rule, r.status AS status, r.proposedAt AS proposedAt,
                   r.decidedBy AS decidedBy, r.decidedAt AS decidedAt, r.reason AS reason, coalesce(r.history, []) AS history
            """;

    enum ProposalStatus {
        PROPOSED,
        CONFIRMED,
        REJECTED
    }

    enum IdentityDecision {
        CONFIRM,
        REJECT,
        REOPEN
    }

    record IdentityProposal(
            String id,
            List<Person> people,
            double score,
            String rule,
            ProposalStatus status,
            OffsetDateTime proposedAt,
            @Nullable String decidedBy,
            @Nullable OffsetDateTime decidedAt,
            @Nullable String reason,
            List<String> history) {}

    private final Graph graph;

    private final org.caselink.security.Access access;

    IdentityController(Graph graph, org.caselink.security.Access access) {
        this.graph = graph;
        this.access = access;
    }

    @QueryMapping
    List<IdentityProposal> identityProposals(
            @Argument @Nullable ProposalStatus status, @Argument @Nullable Integer first) {
        int n = Cursor.first(first);
        if (n < 0 || n > 100) {
            throw new InvalidInputException("first", "must be between 0 and 100");
        }
        return graph.read(
                "MATCH (a:Person)-[r:POSSIBLE_SAME_AS {status: $status}]->(b:Person) WITH a, b, r ORDER BY r.score DESC, a.uid, b.uid LIMIT $n "
                        + RETURN,
                Map.of("status", (status == null ? ProposalStatus.PROPOSED : status).name(), "n", n),
                IdentityController::proposal);
    }

    @BatchMapping(typeName = "Person", field = "possibleSameAs")
    Map<Person, List<IdentityProposal>> possibleSameAs(List<Person> people) {
        Map<String, List<IdentityProposal>> byUid = new HashMap<>();
        graph.read(
                "UNWIND $uids AS uid MATCH (p:Person {uid: uid})-[r:POSSIBLE_SAME_AS]-(:Person) "
                        + "MATCH (a:Person)-[r]->(b:Person) WITH uid, a, b, r ORDER BY r.score DESC " + RETURN
                        + ", uid",
                Map.of("uids", people.stream().map(Person::uid).toList()),
                r -> {
                    byUid.computeIfAbsent(r.get("uid").asString(), k -> new java.util.ArrayList<>())
                            .add(proposal(r));
                    return null;
                });
        Map<Person, List<IdentityProposal>> out = new HashMap<>();
        people.forEach(p -> out.put(p, byUid.getOrDefault(p.uid(), List.of())));
        return out;
    }

    @MutationMapping
    IdentityProposal decideIdentity(@Argument String id, @Argument IdentityDecision decision, @Argument String reason) {
        String why = Validate.requiredText("reason", reason, 2_000);
        String[] uids = parse(id);
        String status = switch (decision) {
            case CONFIRM -> "CONFIRMED";
            case REJECT -> "REJECTED";
            case REOPEN -> "PROPOSED";
        };
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // The signed-in user who decided (the audit trail has the same decision as a MUTATION event).
        String by = access.viewer().user();
        String entry = now + " " + status + " by " + by + ": " + why;
        List<IdentityProposal> out = graph.write(
                """
                MATCH (a:Person {uid: $a})-[r:POSSIBLE_SAME_AS]->(b:Person {uid: $b})
                SET r.status = $status, r.decidedBy = $by, r.decidedAt = $now, r.reason = $why,
                    r.history = coalesce(r.history, []) + $entry
                """ + RETURN,
                Map.of("a", uids[0], "b", uids[1], "status", status, "by", by, "now", now, "why", why, "entry", entry),
                IdentityController::proposal);
        if (out.isEmpty()) {
            throw new InvalidInputException("id", "no identity proposal with this id");
        }
        return out.getFirst();
    }

    static String id(String a, String b) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("SameAs:" + a + "|" + b).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] parse(String id) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            if (raw.startsWith("SameAs:") && raw.indexOf('|') > 7) {
                return raw.substring(7).split("\\|", 2);
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw new InvalidInputException("id", "not an identity proposal id");
    }

    private static IdentityProposal proposal(Record r) {
        Person a = (Person) EntityType.PERSON.map(r.get("a"));
        Person b = (Person) EntityType.PERSON.map(r.get("b"));
        return new IdentityProposal(
                id(a.uid(), b.uid()),
                List.of(a, b),
                r.get("score").asDouble(),
                r.get("rule").asString(),
                ProposalStatus.valueOf(r.get("status").asString()),
                r.get("proposedAt").asZonedDateTime().toOffsetDateTime(),
                r.get("decidedBy").isNull() ? null : r.get("decidedBy").asString(),
                r.get("decidedAt").isNull()
                        ? null
                        : r.get("decidedAt").asZonedDateTime().toOffsetDateTime(),
                r.get("reason").isNull() ? null : r.get("reason").asString(),
                r.get("history").asList(v -> v.asString()));
    }
}
