package org.caselink.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.caselink.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Issue 15 item 8: every import, one record included, ran a whole-graph network refresh in the
 * request thread. As deployed (after-import: background), the import answers while detection
 * waits (held here until the answers are in), says so, and the networks land afterwards. A context
 * and a database of their own: the shared one refreshes inline, for tests that read networks
 * right after an import.
 */
@org.caselink.Slow
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "caselink.demo.enabled=false",
            "caselink.embedded.page-cache=32MB",
            "caselink.analysis.networks.after-import=background"
        })
@AutoConfigureGraphQlTester
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@WithMockUser(username = "test-analyst", roles = "ANALYST")
class BackgroundRefreshTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerOwn(registry, "background-refresh");
    }

    @Autowired
    GraphQlTester graphQl;

    @MockitoSpyBean
    NetworkDetection networks;

    @Autowired
    NetworkRefresher refresher;

    @Test
    void anImportAnswersBeforeNetworkDetectionAndSaysItIsRefreshing() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        doAnswer(call -> {
                    hold.await(30, TimeUnit.SECONDS);
                    return call.callRealMethod();
                })
                .when(networks)
                .refresh();
        long runs = refresher.runs();
        try {
            // Two cases of two children that share a phone: a network.
            String records = IntStream.range(0, 2)
                    .mapToObj(i -> "{kind: \"case\", caseNumber: \"BG-C" + i
                            + "\", type: \"RUNAWAY\", status: \"OPEN\","
                            + " reportedAt: \"2024-05-01T00:00:00Z\", agency: \"AGENCY-A\", phones: [\"+17035550177\"],"
                            + " child: {childId: \"BG-CH" + i + "\", firstName: \"Lee\", lastName: \"Test" + i + "\"}}")
                    .collect(Collectors.joining(" "));
            graphQl.document("mutation { importRecords(records: [" + records + "]) { imported networksRefreshing } }")
                    .execute()
                    .path("importRecords.imported")
                    .entity(Integer.class)
                    .isEqualTo(2)
                    .path("importRecords.networksRefreshing")
                    .entity(Boolean.class)
                    .isEqualTo(true);
            graphQl.document("{ networks { refreshing networks { id } } caseLinks { refreshing } }")
                    .execute()
                    .path("networks.refreshing")
                    .entity(Boolean.class)
                    .isEqualTo(true)
                    .path("networks.networks")
                    .entityList(Object.class)
                    .hasSize(0)
                    .path("caseLinks.refreshing")
                    .entity(Boolean.class)
                    .isEqualTo(true);
        } finally {
            hold.countDown();
        }
        assertThat(refresher.awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(refresher.runs()).isEqualTo(runs + 1);
        graphQl.document("{ networks { refreshing networks { cases { caseNumber } } } }")
                .execute()
                .path("networks.refreshing")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("networks.networks[0].cases[*].caseNumber")
                .entityList(String.class)
                .contains("BG-C0", "BG-C1");
        assertThat(pending()).as("a refresh that ran clears its request").isZero();
    }

    @Autowired
    AfterImport afterImport;

    @Autowired
    org.caselink.db.Graph graph;

    /**
     * A refresh asked for and cut short (the service stopped or was killed during it) stays asked
     * for in the graph, and the next start runs it; a start with nothing pending runs none.
     */
    @Test
    void aRefreshLeftUnfinishedRunsAtTheNextStart() throws Exception {
        assertThat(refresher.awaitIdle(Duration.ofSeconds(60))).isTrue();
        long runs = refresher.runs();
        afterImport.onStart();
        assertThat(refresher.awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(refresher.runs()).as("nothing pending: no run").isEqualTo(runs);

        graph.write(
                "MERGE (p:PendingRefresh {what: 'networks'}) SET p.since = datetime() RETURN 1 AS one",
                java.util.Map.of(),
                r -> r);
        afterImport.onStart();
        assertThat(refresher.awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(refresher.runs()).isEqualTo(runs + 1);
        assertThat(pending()).isZero();
    }

    private long pending() {
        return graph.read(
                        "MATCH (p:PendingRefresh) RETURN count(p) AS n",
                        java.util.Map.of(),
                        r -> r.get("n").asLong())
                .getFirst();
    }
}
