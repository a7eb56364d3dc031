package org.caselink.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.caselink.Fixtures;
import org.caselink.Slow;
import org.caselink.TestDatabase;
import org.caselink.audit.AuditLog;
import org.caselink.audit.AuditQuery;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * jwt mode: the web app signs in with OpenID Connect, the authorization-code flow with PKCE,
 * against a stand-in issuer the test starts ({@link StandInIssuer}); the ID token's claims give the
 * session its user, roles and agency as a bearer token's would. A context of its own (jwt mode,
 * its own embedded database).
 */
@Slow
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"caselink.demo.enabled=false", "caselink.analysis.networks.after-import=inline"})
class OidcSignInTests {

    private static final StandInIssuer ISSUER = start();

    private static StandInIssuer start() {
        try {
            return new StandInIssuer("caselink-web");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void jwtMode(DynamicPropertyRegistry registry) {
        String dir = TestDatabase.ownedTempDir("caselink-oidc").toString();
        registry.add("caselink.embedded.data-dir", () -> dir);
        registry.add("caselink.analysis.watches.background", () -> "false");
        registry.add("caselink.security.mode", () -> "jwt");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "caselink-web");
        String client = "spring.security.oauth2.client.registration.caselink.";
        registry.add(client + "client-id", () -> "caselink-web");
        registry.add(client + "client-authentication-method", () -> "none");
        registry.add(client + "authorization-grant-type", () -> "authorization_code");
        registry.add(client + "scope", () -> "openid");
        registry.add(client + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider.caselink.issuer-uri", ISSUER::url);
        registry.add("caselink.security.jwt.user-claim", () -> "preferred_username");
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog audit;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void load() {
        fixtures.load();
        ISSUER.audience("caselink-web");
    }

    /** A browser that does not follow redirects, so each step of the flow can be checked. */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String service(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        @Nullable
        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }

        /** The whole flow, from the app's sign-in button to the issuer and back; the last answer. */
        HttpResponse<String> signIn() throws Exception {
            var toIssuer = get(service("/oauth2/authorization/caselink"));
            assertThat(toIssuer.statusCode()).isEqualTo(302);
            String authorize = toIssuer.headers().firstValue("Location").orElseThrow();
            assertThat(authorize).startsWith(ISSUER.url() + "/authorize?");
            var back = get(authorize);
            assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
            String callback = back.headers().firstValue("Location").orElseThrow();
            assertThat(callback).startsWith(service("/login/oauth2/code/caselink?code="));
            return get(callback);
        }

        JsonNode graphql(String query) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(service("/graphql")))
                    .header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", String.valueOf(cookie("XSRF-TOKEN")))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            json.writeValueAsString(java.util.Map.of("query", query))))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readTree(response.body());
        }
    }

    @Test
    void aPartnerSignsInWithPkceAndGetsTheRolesAndAgencyOfItsIdToken() throws Exception {
        Browser browser = new Browser();
        var nobody = browser.get(browser.service("/api/session"));
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(json.readTree(nobody.body()).path("mode").asString()).isEqualTo("jwt");
        assertThat(browser.http
                        .send(
                                HttpRequest.newBuilder(URI.create(browser.service("/signin")))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .header("X-XSRF-TOKEN", String.valueOf(browser.cookie("XSRF-TOKEN")))
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "username=analyst&password=analyst-demo"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("no password sign-in in jwt mode")
                .isIn(401, 403, 404);

        ISSUER.signInAs("oidc-partner", List.of("LE_PARTNER"), "AGENCY-B");
        var home = browser.signIn();
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).isEqualTo(browser.service("/"));
        String query = ISSUER.authorizations.getLast();
        assertThat(query)
                .contains("code_challenge=")
                .contains("code_challenge_method=S256")
                .contains("nonce=");
        assertThat(ISSUER.refusals).isEmpty();
        assertThat(String.join("\n", home.headers().allValues("Set-Cookie")))
                .contains("CASELINK_SESSION=")
                .containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict");

        JsonNode who =
                json.readTree(browser.get(browser.service("/api/session")).body());
        assertThat(who.path("user").asString()).isEqualTo("oidc-partner");
        assertThat(who.path("roles").toString()).isEqualTo("[\"LE_PARTNER\"]");
        assertThat(who.path("agency").asString()).isEqualTo("AGENCY-B");

        // Its session sees AGENCY-B's world only: MC-T-002 is AGENCY-B's, MC-T-001 AGENCY-A's.
        JsonNode own = browser.graphql("{ case(caseNumber: \"MC-T-002\") { caseNumber } }");
        assertThat(own.path("data").path("case").path("caseNumber").asString()).isEqualTo("MC-T-002");
        JsonNode other = browser.graphql("{ case(caseNumber: \"MC-T-001\") { caseNumber } }");
        assertThat(other.path("data").path("case").isNull())
                .as(other.toString())
                .isTrue();
        assertThat(audit.query(new AuditQuery("oidc-partner", "LOGON_SUCCESS", null, null, null, null, 5)))
                .isNotEmpty();
    }

    @Test
    void anIdTokenMadeForAnotherApplicationSignsNobodyIn() throws Exception {
        Browser browser = new Browser();
        ISSUER.signInAs("oidc-analyst", List.of("ANALYST"), null);
        ISSUER.audience("another-app");
        var refused = browser.signIn();
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/#/signin?failed=1");
        assertThat(browser.get(browser.service("/api/session")).statusCode()).isEqualTo(401);
        assertThat(audit.query(new AuditQuery("openid-connect", "LOGON_FAILURE", null, null, null, null, 5)))
                .isNotEmpty();
    }
}
