package org.caselink.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.caselink.db.Graph;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

@IntegrationTest
class NodeAndSchemaTests extends DatabaseProperties {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Graph graph;

    @Autowired
    GraphQlConfiguration.SchemaInspection inspection;

    @BeforeEach
    void load() {
        fixtures.load();
    }

    @Test
    void everySchemaFieldHasAResolver() {
        var report = inspection.report();
        assertThat(report).as("schema inspection ran").isNotNull();
        assertThat(report.unmappedFields()).as(report.toString()).isEmpty();
        assertThat(report.unmappedRegistrations()).as(report.toString()).isEmpty();
        assertThat(report.unmappedArguments()).as(report.toString()).isEmpty();
        assertThat(report.skippedTypes()).as(report.toString()).isEmpty();
    }

    @Test
    void nodeFindsEveryTypeByItsGlobalId() {
        for (EntityType type : EntityType.values()) {
            String key = graph.read(
                            "MATCH (n:" + type.label() + ") RETURN n." + type.keyProperty()
                                    + " AS k ORDER BY k LIMIT 1",
                            Map.of(),
                            r -> r.get("k").asString())
                    .getFirst();
            String id = GlobalId.of(type, key);
            var r = graphQl.documentName("nodeById").variable("id", id).execute();
            r.path("node.__typename").entity(String.class).isEqualTo(type.label());
            r.path("node.id").entity(String.class).isEqualTo(id);
        }
    }

    @Test
    void nodeReturnsNullForIdsThatAreNotOurs() {
        for (String id : List.of("garbage", GlobalId.of(EntityType.CASE, "MC-NOPE"), "Q2FzZQ", "")) {
            graphQl.documentName("nodeById")
                    .variable("id", id)
                    .execute()
                    .path("node")
                    .valueIsNull();
        }
    }

    @Test
    void globalIdsRoundTrip() {
        String id = GlobalId.of(EntityType.HANDLE, "instagram:ana.l");
        assertThat(GlobalId.parse(id)).contains(new GlobalId(EntityType.HANDLE, "instagram:ana.l"));
        assertThat(GlobalId.parse("%%%")).isEmpty();
    }
}
