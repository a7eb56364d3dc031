package org.caselink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.caselink.graphql.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;

/**
 * Issue 15 item 11: a record the database refused was reported with the database's own message,
 * which can hold Cypher, element ids and another record's values. The submitter now reads the
 * status code and a reference; the message goes to the server log under that reference.
 */
class ImportReasonTests {

    @Test
    void aDatabaseRefusalIsReportedWithoutTheDatabasesMessage() {
        var refusal = new ClientException(
                "Neo.ClientError.Schema.ConstraintValidationFailed",
                "Node(4:0b1c2d3e:17) already exists with label `Child` and property `uid` = 'Ana Lopez 2008-02-01'"
                        + " MATCH (c:Child) RETURN c");
        String reason = Importer.safeReason(new RuntimeException("batch failed", refusal));
        assertThat(reason)
                .startsWith(
                        "the database refused it (Neo.ClientError.Schema.ConstraintValidationFailed); reference IMP-")
                .endsWith(" in the server log")
                .doesNotContain("4:0b1c2d3e:17", "Ana", "Lopez", "MATCH", "uid", "Exception");
        assertThat(Importer.safeReason(new IllegalStateException("at org.neo4j.kernel: Node 17")))
                .startsWith("the database refused it; reference IMP-")
                .doesNotContain("Node 17");
    }

    @Test
    void ourOwnRefusalKeepsItsReason() {
        assertThat(Importer.safeReason(new RuntimeException(new InvalidInputException("child", "needs need-to-know"))))
                .contains("need-to-know");
    }
}
