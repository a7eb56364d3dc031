package org.caselink.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.caselink.db.Graph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Cypher injection: a corpus of hostile strings through every string (and ID) argument of every
 * root query field, taken from the running schema so that a new field is covered without asking.
 * The graph must be exactly as before: user text reaches Cypher only as a parameter, and labels,
 * relationship types and sort keys come from allow-lists (EntityType, LinkType, enums).
 */
@IntegrationTest
class InjectionTests extends DatabaseProperties {

    static final List<String> CORPUS = List.of(
            "' OR 1=1 //",
            "\" OR \"\"=\"",
            "`) DETACH DELETE n //",
            "x'}) MATCH (n) DETACH DELETE n RETURN 1 //",
            "}) RETURN n //",
            "MC-T-001' }) SET n.hacked = true //",
            "\\u0027) CREATE (:Pwned) //",
            "\u0027 CALL db.labels() //",
            "/* */ MATCH (n) SET n.x = 1",
            "Case:MC-T-001`:Pwned",
            "name:*) OR (*:*",
            "\\\" }) CREATE (x:Pwned {a:1}) WITH x MATCH (y) RETURN y //",
            "Q2FzZTpNQy1ULTAwMScgT1IgMT0xIC8v");

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    GraphQlSource source;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Graph graph;

    @BeforeEach
    void load() {
        fixtures.load();
    }

    /** Counts and a digest of every node and relationship (the audit trail aside: it grows by design). */
    private List<Object> fingerprint() {
        return graph.read(
                        "MATCH (n) WHERE NOT n:AuditEvent AND NOT n:AuditHead"
                                + " WITH count(n) AS nodes, collect(labels(n)) AS labels,"
                                + " sum(size(keys(n))) + count(n.hacked) AS props"
                                + " MATCH ()-[r]->() WITH nodes, labels, props, count(r) AS rels, collect(DISTINCT type(r)) AS types"
                                + " RETURN nodes, rels, props, size(labels) AS labelled, types",
                        Map.of(),
                        r -> List.<Object>of(
                                r.get("nodes").asLong(),
                                r.get("rels").asLong(),
                                r.get("props").asLong(),
                                r.get("types").asList()))
                .getFirst();
    }

    @Test
    void hostileStringsInEveryQueryArgumentChangeNothing() {
        List<Object> before = fingerprint();
        int sent = 0;
        List<String> covered = new ArrayList<>();
        for (GraphQLFieldDefinition field : source.schema().getQueryType().getFieldDefinitions()) {
            for (GraphQLArgument target : field.getArguments()) {
                if (!isText(target.getType())) {
                    continue;
                }
                covered.add(field.getName() + "." + target.getName());
                for (String hostile : CORPUS) {
                    StringBuilder args = new StringBuilder();
                    for (GraphQLArgument a : field.getArguments()) {
                        String value = a == target
                                ? "$v"
                                : GraphQLTypeUtil.isNonNull(a.getType()) ? filler(a.getType()) : null;
                        if (value != null) {
                            args.append(a.getName()).append(": ").append(value).append(' ');
                        }
                    }
                    boolean object = !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLScalarType)
                            && !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLEnumType);
                    String doc = "query($v: "
                            + GraphQLTypeUtil.simplePrint(GraphQLTypeUtil.unwrapNonNull(target.getType())) + "!) { "
                            + field.getName() + "(" + args + ")" + (object ? " { __typename }" : "") + " }";
                    // Refusals (bad input, forbidden for the role) are fine; a changed graph is not.
                    graphQl.document(doc)
                            .variable("v", hostile)
                            .execute()
                            .errors()
                            .satisfy(e -> {});
                    sent++;
                }
            }
        }
        assertThat(covered)
                .contains("case.caseNumber", "node.id", "search.text", "phone.number", "paths.from", "timeline.id");
        assertThat(sent).isEqualTo(covered.size() * CORPUS.size());
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(graph.read(
                        "MATCH (n:Pwned) RETURN count(n) AS n",
                        Map.of(),
                        r -> r.get("n").asLong()))
                .containsExactly(0L);
    }

    private static boolean isText(GraphQLInputType type) {
        var inner = GraphQLTypeUtil.unwrapNonNull(type);
        return inner instanceof GraphQLScalarType s
                && (s.getName().equals("String") || s.getName().equals("ID"));
    }

    private static String filler(GraphQLInputType type) {
        var inner = GraphQLTypeUtil.unwrapNonNull(type);
        if (inner instanceof GraphQLEnumType e) {
            return e.getValues().getFirst().getName();
        }
        String name = GraphQLTypeUtil.simplePrint(inner);
        return switch (name) {
            case "Int" -> "1";
            case "Float" -> "0.5";
            case "Boolean" -> "true";
            default -> "\"MC-T-001\"";
        };
    }
}
