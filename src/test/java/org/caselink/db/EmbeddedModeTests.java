package org.caselink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.caselink.CaselinkApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/** The default mode as a newcomer meets it: start, demo data, stop, start again. */
@org.caselink.Slow
class EmbeddedModeTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "--caselink.embedded.data-dir=" + dataDir;
        args[1] = "--server.port=0";
        System.arraycopy(extra, 0, args, 2, extra.length);
        return new SpringApplicationBuilder(CaselinkApplication.class).run(args);
    }

    private static long count(ConfigurableApplicationContext ctx, String label) {
        return ctx.getBean(Graph.class)
                .read(
                        "MATCH (n:" + label + ") RETURN count(n) AS n",
                        Map.of(),
                        r -> r.get("n").asLong())
                .getFirst();
    }

    @Test
    void startsWithDemoDataOnLoopbackAndKeepsDataAcrossARestart() {
        long cases;
        try (var ctx = start()) {
            assertThat(ctx.getBeansOfType(DatabaseManagementService.class)).hasSize(1);
            var uri = ctx.getBean(Neo4jConnectionDetails.class).getUri();
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            cases = count(ctx, "Case");
            assertThat(cases).isGreaterThanOrEqualTo(200);
            assertThat(count(ctx, "Ad")).isGreaterThanOrEqualTo(250);
            ctx.getBean(Graph.class)
                    .write(
                            "CREATE (:Case {caseNumber: 'MC-RESTART-1', type: 'RUNAWAY', status: 'OPEN', agency: 'X'})",
                            Map.of(),
                            r -> r);
        }
        // The database now holds a case the demo did not write: auto no longer chooses demo mode,
        // with its published passwords, by itself (issue 15 item 10) ...
        assertThatThrownBy(() -> start().close())
                .hasStackTraceContaining("holds 1 cases and 0 ads that are not the demo data")
                .hasStackTraceContaining("CASELINK_SECURITY_MODE=demo");
        // ... it has to be chosen.
        try (var ctx = start("--caselink.security.mode=demo")) {
            assertThat(count(ctx, "Case"))
                    .as("data survives; demo data is not loaded twice")
                    .isEqualTo(cases + 1);
        }
    }

    @Test
    void boltAsksForThePasswordKeptInTheDataFolder() throws Exception {
        try (var ctx = start("--caselink.demo.enabled=false")) {
            var uri = ctx.getBean(Neo4jConnectionDetails.class).getUri();
            try (var anonymous = org.neo4j.driver.GraphDatabase.driver(uri, org.neo4j.driver.AuthTokens.none())) {
                assertThatThrownBy(anonymous::verifyConnectivity)
                        .isInstanceOf(org.neo4j.driver.exceptions.AuthenticationException.class);
            }
            Path secret = dataDir.resolve("caselink-bolt.secret");
            assertThat(java.nio.file.Files.getPosixFilePermissions(secret))
                    .containsExactlyInAnyOrder(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            try (var owner = org.neo4j.driver.GraphDatabase.driver(
                    uri,
                    org.neo4j.driver.AuthTokens.basic(
                            "neo4j", java.nio.file.Files.readString(secret).strip()))) {
                owner.verifyConnectivity();
            }
        }
    }

    @Test
    void demoDataCanBeTurnedOff() {
        try (var ctx = start("--caselink.demo.enabled=false")) {
            assertThat(count(ctx, "Case")).isZero();
        }
    }

    @Test
    void aFolderHeldByAnotherInstanceGivesAClearMessage() {
        try (var ctx = start("--caselink.demo.enabled=false")) {
            assertThatThrownBy(() -> start("--caselink.demo.enabled=false").close())
                    .hasStackTraceContaining("Could not start the embedded Neo4j in " + dataDir.toAbsolutePath())
                    .hasStackTraceContaining("another caselink process");
        }
    }
}
