package org.caselink.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.caselink.IntegrationTest;
import org.caselink.audit.AuditEvent;
import org.caselink.audit.AuditLog;
import org.caselink.audit.AuditQuery;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The front door on the demo data, as a client meets it: sign-in and its audit events, security
 * headers, the loopback-only listener of demo mode, exports and uploads by role.
 */
@IntegrationTest
class SecurityOverHttpTests extends DemoDataOnce {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationContext context;

    @Autowired
    org.caselink.db.Graph graph;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> send(String method, String path, @Nullable String user, @Nullable String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            String password = user.equals("wrong") ? "nope" : user + "-demo";
            String login = user.equals("wrong") ? "analyst" : user;
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode graphQl(String user, String query) throws Exception {
        var r = send("POST", "/graphql", user, json.writeValueAsString(java.util.Map.of("query", query)));
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private List<AuditEvent> events(@Nullable String user, String type) {
        return audit.query(new AuditQuery(user, type, null, null, null, null, 50));
    }

    @Test
    void nothingIsAnonymousAndEverySignInIsAudited() throws Exception {
        int failuresBefore = events("analyst", "LOGON_FAILURE").size();
        var anonymous = send("POST", "/graphql", null, "{\"query\":\"{ __typename }\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(send("GET", "/graphiql", null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/graphql", "wrong", "{\"query\":\"{ __typename }\"}")
                        .statusCode())
                .isEqualTo(401);
        AuditEvent failure = events("analyst", "LOGON_FAILURE").getFirst();
        assertThat(events("analyst", "LOGON_FAILURE")).hasSize(failuresBefore + 1);
        assertThat(failure.component()).isEqualTo("auth");
        assertThat(failure.outcome()).isEqualTo("FAILURE");
        assertThat(failure.details().get("reason")).isEqualTo("Bad credentials");
        assertThat(events("anonymous", "LOGON_FAILURE")).isNotEmpty();
        // A good sign-in: recorded once, with the agency from the account.
        graphQl("partner-a", "{ __typename }");
        graphQl("partner-a", "{ __typename }");
        List<AuditEvent> success = events("partner-a", "LOGON_SUCCESS");
        assertThat(success).hasSize(1);
        assertThat(success.getFirst().agency()).isEqualTo("AGENCY-A");
        // The liveness probe is the one thing that answers without sign-in.
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
    }

    /** The status line's code of a raw HTTP request naming {@code host}, which Java's client will not set. */
    private int statusFor(String host) throws Exception {
        String body = "{\"query\":\"{ __typename }\"}";
        String request = "POST /graphql HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString("analyst:analyst-demo".getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String status = new java.io.BufferedReader(
                            new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    /**
     * Issue 15 item 10: no Host check, so a page served under an attacker's name that resolves to
     * 127.0.0.1 (DNS rebinding) reached the service. Only the allowed names are answered now.
     */
    @Test
    void aRequestNamingAnotherHostIsRefused() throws Exception {
        assertThat(statusFor("attacker.example:" + port)).isEqualTo(400);
        assertThat(statusFor("attacker.example")).isEqualTo(400);
        assertThat(statusFor("127.0.0.1.attacker.example:" + port)).isEqualTo(400);
        assertThat(statusFor("localhost:" + port)).isEqualTo(200);
        assertThat(statusFor("127.0.0.1:" + port)).isEqualTo(200);
        assertThat(statusFor("[::1]:" + port)).isEqualTo(200);
    }

    /**
     * Issue 15 item 10: auto chose demo mode, with its published passwords, for any embedded
     * database. Over anything but the demo data it must now be chosen explicitly.
     */
    @Test
    void autoChoosesDemoModeOnlyOverTheDemoData() {
        DemoModeGuard.check(graph); // the demo data alone
        graph.write("CREATE (:Case {caseNumber: 'REAL-1'}), (:Ad {adId: 'REAL-AD-1'})", Map.of(), r -> null);
        try {
            assertThatThrownBy(() -> DemoModeGuard.check(graph))
                    .hasMessageContaining("holds 1 cases and 1 ads that are not the demo data")
                    .hasMessageContaining("CASELINK_SECURITY_MODE=demo");
        } finally {
            graph.write(
                    "MATCH (n) WHERE n.caseNumber = 'REAL-1' OR n.adId = 'REAL-AD-1' DETACH DELETE n",
                    Map.of(),
                    r -> null);
        }
        fixtures.clear();
        reloadDemoData();
        DemoModeGuard.check(graph); // empty
    }

    @Test
    void responsesCarrySecurityHeadersAndDemoModeListensOnLoopbackOnly() throws Exception {
        var r = send("POST", "/graphql", "analyst", "{\"query\":\"{ __typename }\"}");
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        var server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        Object address = server.getTomcat().getConnector().getProperty("address");
        assertThat(address).isInstanceOf(java.net.InetAddress.class);
        assertThat(((java.net.InetAddress) address).isLoopbackAddress()).isTrue();
    }

    @Test
    void anExportHoldsWhatItsUserMaySeeAndIsAudited() throws Exception {
        String owner = graphQl("analyst", "{ case(caseNumber: \"MC-2023-000100\") { agency { code } } }")
                .path("data")
                .path("case")
                .path("agency")
                .path("code")
                .asString();
        // casemanager is assigned this case in the demo: the export names the child.
        var managed = send("GET", "/api/cases/MC-2023-000100/export", "casemanager", null);
        assertThat(managed.statusCode()).isEqualTo(200);
        assertThat(managed.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("case-MC-2023-000100.json"));
        JsonNode child =
                json.readTree(managed.body()).path("case").path("children").get(0);
        assertThat(child.path("redacted").asBoolean()).isFalse();
        assertThat(child.path("firstName").isNull()).isFalse();
        // The analyst is not: the same export with the child's identity withheld.
        JsonNode redacted = json.readTree(send("GET", "/api/cases/MC-2023-000100/export", "analyst", null)
                        .body())
                .path("case")
                .path("children")
                .get(0);
        assertThat(redacted.path("redacted").asBoolean()).isTrue();
        assertThat(redacted.path("firstName").isNull()).isTrue();
        // A partner of another agency: no such case. The auditor: forbidden.
        String outsider = owner.equals("AGENCY-B") ? "partner-a" : "partner-b";
        assertThat(send("GET", "/api/cases/MC-2023-000100/export", outsider, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/cases/MC-2023-000100/export", "auditor", null)
                        .statusCode())
                .isEqualTo(403);
        AuditEvent export = events("casemanager", "EXPORT").getFirst();
        assertThat(export.component()).isEqualTo("export");
        assertThat(export.outcome()).isEqualTo("SUCCESS");
        assertThat(export.details().get("caseNumber")).isEqualTo("MC-2023-000100");
        assertThat((List<?>) export.details().get("returnedIds")).isNotEmpty();
        assertThat(events(outsider, "EXPORT").getFirst().outcome()).isEqualTo("NOT_FOUND");
    }

    @Test
    void uploadsAreForStaffAndAudited() throws Exception {
        reloadDemoData();
        String boundary = "caselink-test";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"one.jsonl\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "{\"kind\":\"case\",\"caseNumber\":\"MC-UP-001\",\"type\":\"RUNAWAY\",\"status\":\"OPEN\","
                + "\"reportedAt\":\"2024-01-01T00:00:00Z\",\"source\":\"upload-test\","
                + "\"agency\":\"AGENCY-A\"}\n\r\n--" + boundary + "--\r\n";
        for (String user : List.of("partner-a", "analyst")) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/import"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("X-Caselink-Client", "test")
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    (user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            int status =
                    http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            assertThat(status).isEqualTo(user.equals("analyst") ? 200 : 403);
        }
        // Without the client header (a form posted from another site, with the browser's cached
        // demo credentials, could not add it): refused, nothing imported.
        var forged = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("analyst:analyst-demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("MC-UP-001", "MC-UP-002")))
                .build();
        assertThat(http.send(forged, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(400);
        assertThat(graphQl("analyst", "{ case(caseNumber: \"MC-UP-002\") { caseNumber } }")
                        .path("data")
                        .path("case")
                        .isNull())
                .isTrue();
        assertThat(events("partner-a", "ACCESS_DENIED"))
                .anySatisfy(e -> assertThat(e.details().get("target")).isEqualTo("POST /api/import"));
        AuditEvent imported = events("analyst", "IMPORT").getFirst();
        assertThat(imported.component()).isEqualTo("import");
        assertThat(imported.details().get("imported")).isEqualTo(1);
    }

    @Test
    void demoAccountsSeeTheDemoSharingAndAssignments() throws Exception {
        // The first AGENCY-B case is shared with AGENCY-A: partner-a sees it, among its own.
        JsonNode shared = graphQl("partner-a", "{ cases(first: 100, filter: {agency: \"AGENCY-B\"}) { totalCount } }");
        assertThat(shared.path("data").path("cases").path("totalCount").asInt()).isEqualTo(1);
        JsonNode users = graphQl("admin", "{ users { name roles agency assignedCases } }");
        assertThat(users.path("data").path("users").toString())
                .contains("\"name\":\"casemanager\"", "MC-2023-000100", "\"agency\":\"AGENCY-B\"");
    }
}
