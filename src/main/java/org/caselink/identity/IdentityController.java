package org.caselink.identity;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.graphql.Cursor;
import org.caselink.graphql.InvalidInputException;
import org.caselink.model.EntityType;
import org.caselink.model.Person;
import org.caselink.write.Validate;
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

    private static final String PROPOSALS = CypherFiles.query("identity/proposals");
    private static final String PROPOSAL_COUNT = CypherFiles.query("identity/proposal-count");
    private static final String POSSIBLE_SAME_AS = CypherFiles.query("identity/possible-same-as");
    private static final String DECIDE = CypherFiles.query("identity/decide");

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

    enum IdentityKind {
        PERSON,
        CHILD;

        String label() {
            return this == PERSON ? "Person" : "Child";
        }
    }

    record IdentityProposal(
            String id,
            IdentityKind kind,
            List<Person> people,
            List<org.caselink.model.Child> children,
            double score,
            String rule,
            ProposalStatus status,
            OffsetDateTime proposedAt,
            @Nullable String decidedBy,
            @Nullable OffsetDateTime decidedAt,
            @Nullable String reason,
            List<String> history)
            implements org.caselink.model.Guarded {

        /**
         * A proposal about children is shown only to a viewer with need-to-know of both: that a
         * child with a given name and date of birth exists elsewhere is itself what it protects.
         */
        @Override
        public boolean visibleTo(org.caselink.model.Visibility visibility) {
            return kind == IdentityKind.CHILD
                    ? children.stream().allMatch(c -> visibility.knowsChild(c.uid()))
                    : visibility.seesAll(people);
        }
    }

    private final Graph graph;

    private final org.caselink.security.Access access;

    IdentityController(Graph graph, org.caselink.security.Access access) {
        this.graph = graph;
        this.access = access;
    }

    /** The proposals statement {@code template} for a filter: one label, or both (labels from the enum only). */
    private static String queue(String template, @Nullable IdentityKind kind) {
        return CypherFiles.fill(template, "__LABEL__", kind == null ? "Person|Child" : kind.label());
    }

    private static Map<String, Object> filters(@Nullable ProposalStatus status, @Nullable Double minScore) {
        return Map.of(
                "status",
                (status == null ? ProposalStatus.PROPOSED : status).name(),
                "minScore",
                minScore == null ? 0.0 : minScore);
    }

    @QueryMapping
    List<IdentityProposal> identityProposals(
            @Argument @Nullable ProposalStatus status,
            @Argument @Nullable IdentityKind kind,
            @Argument @Nullable Double minScore,
            @Argument @Nullable Integer first) {
        int n = Cursor.first(first);
        if (n < 0 || n > 100) {
            throw new InvalidInputException("first", "must be between 0 and 100");
        }
        Map<String, Object> params = new HashMap<>(filters(status, minScore));
        params.put("n", n);
        return graph.read(queue(PROPOSALS, kind), params, IdentityController::proposal);
    }

    /** The size of the queue the viewer sees: proposals it may not see are not counted. */
    @QueryMapping
    long identityProposalCount(
            @Argument @Nullable ProposalStatus status,
            @Argument @Nullable IdentityKind kind,
            @Argument @Nullable Double minScore) {
        var viewer = access.scope();
        return graph
                .read(
                        queue(PROPOSAL_COUNT, kind),
                        filters(status, minScore),
                        r -> r.get("child").asBoolean()
                                ? viewer.knowsChild(r.get("a").asString())
                                        && viewer.knowsChild(r.get("b").asString())
                                : viewer.sees(EntityType.PERSON, r.get("a").asString())
                                        && viewer.sees(
                                                EntityType.PERSON, r.get("b").asString()))
                .stream()
                .filter(Boolean::booleanValue)
                .count();
    }

    @BatchMapping(typeName = "Person", field = "possibleSameAs")
    Map<Person, List<IdentityProposal>> possibleSameAs(List<Person> people) {
        Map<String, List<IdentityProposal>> byUid = new HashMap<>();
        graph.read(
                POSSIBLE_SAME_AS,
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
                DECIDE,
                Map.of("a", uids[0], "b", uids[1], "status", status, "by", by, "now", now, "why", why, "entry", entry),
                IdentityController::proposal);
        if (out.isEmpty()) {
            throw new InvalidInputException("id", "no identity proposal with this id");
        }
        return out.getFirst();
    }

    private static final String ONE = CypherFiles.query("identity/proposal");

    /** One proposal by its id, whatever its status (node(id) of an IdentityProposal); empty for any other id. */
    java.util.Optional<IdentityProposal> proposal(String id) {
        String[] uids;
        try {
            uids = parse(id);
        } catch (InvalidInputException notAProposal) {
            return java.util.Optional.empty();
        }
        return graph.read(ONE, Map.of("a", uids[0], "b", uids[1]), IdentityController::proposal).stream()
                .findFirst();
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
        boolean child = r.get("a").asNode().hasLabel("Child");
        var a = (child ? EntityType.CHILD : EntityType.PERSON).map(r.get("a"));
        var b = (child ? EntityType.CHILD : EntityType.PERSON).map(r.get("b"));
        String ua = child ? ((org.caselink.model.Child) a).uid() : ((Person) a).uid();
        String ub = child ? ((org.caselink.model.Child) b).uid() : ((Person) b).uid();
        return new IdentityProposal(
                id(ua, ub),
                child ? IdentityKind.CHILD : IdentityKind.PERSON,
                child ? List.of() : List.of((Person) a, (Person) b),
                child ? List.of((org.caselink.model.Child) a, (org.caselink.model.Child) b) : List.of(),
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
