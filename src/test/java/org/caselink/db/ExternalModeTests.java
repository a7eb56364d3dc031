package org.caselink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caselink.CaselinkApplication;
import org.caselink.security.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * External mode without Docker: a separate Neo4j server (started here, reached only over Bolt)
 * stands in for a remote one. With {@code spring.neo4j.uri} (NEO4J_URI) set, the service starts
 * no database of its own, migrates the external one and serves from it.
 */
@org.caselink.Slow
class ExternalModeTests {

    @TempDir
    Path serverHome;

    @Test
    void usesTheConfiguredServerAndStartsNoEmbeddedDatabase() throws Exception {
        DatabaseManagementService server = new DatabaseManagementServiceBuilder(serverHome)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .build();
        try {
            var db = (GraphDatabaseAPI) server.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            int port = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
            // Outside demo mode the service takes OAuth2 bearer tokens only, and will not start
            // without an issuer or keys to check them with.
            String bolt = "--spring.neo4j.uri=bolt://127.0.0.1:" + port;
            assertThatThrownBy(() -> startJwt(bolt)).hasStackTraceContaining("no token issuer is configured");
            TestTokens issuer = new TestTokens();
            String key = "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                    + issuer.publicKeyPem(serverHome);
            assertThatThrownBy(() -> startJwt(bolt, key)).hasStackTraceContaining("no token audience is configured");
            // Issue 15 item 11: with keys alone, no issuer was checked; now its name must be given.
            assertThatThrownBy(
                            () -> startJwt(bolt, key, "--spring.security.oauth2.resourceserver.jwt.audiences=caselink"))
                    .hasStackTraceContaining("no token issuer name is configured");
            try (var ctx = new SpringApplicationBuilder(CaselinkApplication.class)
                    .run(
                            "--spring.neo4j.uri=bolt://127.0.0.1:" + port,
                            "--server.port=0",
                            "--caselink.demo.enabled=true",
                            "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                                    + issuer.publicKeyPem(serverHome),
                            "--spring.security.oauth2.resourceserver.jwt.audiences=caselink",
                            "--caselink.security.jwt.issuer=" + TestTokens.ISSUER)) {
                token = issuer.token("ext-analyst", List.of("ANALYST"), null);
                assertThat(ctx.getBeansOfType(DatabaseManagementService.class)).isEmpty();
                // The demo data and the migrations landed in the external server.
                try (var tx = db.beginTx()) {
                    assertThat((Long) tx.execute("MATCH (c:Case) RETURN count(c) AS n")
                                    .next()
                                    .get("n"))
                            .isGreaterThanOrEqualTo(200L);
                    assertThat((Long) tx.execute("MATCH (m:__Migration) RETURN count(m) AS n")
                                    .next()
                                    .get("n"))
                            .isEqualTo(11L);
                }
                int http = ((WebServerApplicationContext) ctx).getWebServer().getPort();
                // No token, a forged token, or a demo account's password: refused.
                assertThat(status(http, null)).isEqualTo(401);
                // A genuine token of the same issuer, made for another application: refused.
                assertThat(status(http, "Bearer " + issuer.token("ext-analyst", List.of("ANALYST"), null, "other-app")))
                        .isEqualTo(401);
                assertThat(status(http, "Bearer " + new TestTokens().token("ext-analyst", List.of("ANALYST"), null)))
                        .isEqualTo(401);
                // A token signed with the right key that names another issuer: refused.
                assertThat(status(
                                http,
                                "Bearer "
                                        + issuer.token(
                                                "ext-analyst",
                                                List.of("ANALYST"),
                                                null,
                                                "caselink",
                                                "https://other.issuer.test")))
                        .isEqualTo(401);
                assertThat(status(http, "Bearer " + token)).isEqualTo(200);
                assertThat(status(
                                http,
                                "Basic "
                                        + java.util.Base64.getEncoder()
                                                .encodeToString("analyst:analyst-demo".getBytes())))
                        .isEqualTo(401);
                // Roles and agency come from the token's claims: a partner of an agency with no cases sees none.
                String partner = issuer.token("ext-partner", List.of("LE_PARTNER"), "NO-SUCH-AGENCY");
                assertThat(post(http, "{ cases(first: 1) { totalCount } }", partner))
                        .contains("\"totalCount\":0");
                assertThat(post(http, "{ cases(first: 1) { totalCount } }")).matches(".*\"totalCount\":2\\d\\d.*");
                // This server has no Graph Data Science: the networks are found with JGraphT in the
                // service, the same four planted networks the embedded database finds with GDS, with
                // the same controller first.
                assertThat(post(http, "mutation { refreshNetworks { networks } }"))
                        .contains("\"networks\":4");
                assertThat(post(
                                http,
                                "{ case(caseNumber: \"MC-2023-000100\") { network { keyPlayers(first: 1) {"
                                        + " node { ... on Person { firstName lastName } } } } } }"))
                        .contains("\"firstName\":\"Tom\",\"lastName\":\"Garland\"");
                assertThat(ctx.getBean(Graph.class)
                                .read(
                                        "RETURN 1 AS one",
                                        Map.of(),
                                        r -> r.get("one").asInt()))
                        .containsExactly(1);
            }
        } finally {
            server.shutdown();
        }
    }

    private String token;

    private String post(int port, String query) throws Exception {
        return post(port, query, token);
    }

    /** Starts the service in jwt mode without demo data (and closes it, should it start). */
    private static void startJwt(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--caselink.demo.enabled=false";
        new SpringApplicationBuilder(CaselinkApplication.class).run(all).close();
    }

    private static int status(int port, @Nullable String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient()
                .send(
                        request.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** A GraphQL document through the service's front door, with a bearer token; the response body. */
    private static String post(int port, String query, String bearer) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + bearer)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"query\":\"" + query.replace("\"", "\\\"") + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
