package org.caselink.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.caselink.IntegrationTest;
import org.caselink.audit.AuditEvent;
import org.caselink.audit.AuditLog;
import org.caselink.audit.AuditQuery;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's sign-in (security/WebSignIn), as a browser uses it: a session cookie, a CSRF
 * token in a readable cookie sent back in a header, sign-out, and the API's own sign-in left as
 * it was (stateless, no cookie, no CSRF token).
 */
@IntegrationTest
class WebSignInTests extends DemoDataOnce {

    private static final String CASE_QUERY =
            "{\"query\": \"{ case(caseNumber: \\\"MC-2023-000100\\\") { caseNumber children { redacted firstName } } }\"}";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    private final JsonMapper json = JsonMapper.builder().build();

    /** A browser: its own cookie jar. */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        @Nullable
        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }

        HttpResponse<String> send(
                String method, String path, @Nullable String contentType, @Nullable String body, boolean csrf)
                throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            String token = cookie("XSRF-TOKEN");
            if (csrf && token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String user, String password) throws Exception {
            send("GET", "/api/session", null, null, false);
            return send(
                    "POST",
                    "/signin",
                    "application/x-www-form-urlencoded",
                    "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8),
                    true);
        }

        JsonNode graphql(String body) throws Exception {
            var response = send("POST", "/graphql", "application/json", body, true);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readTree(response.body());
        }
    }

    @Test
    void aSessionSignsInWithItsCsrfTokenAndSeesWhatItsRoleSees() throws Exception {
        Browser browser = new Browser();
        var nobody = browser.send("GET", "/api/session", null, null, false);
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(json.readTree(nobody.body()).path("mode").asString()).isEqualTo("demo");
        assertThat(nobody.headers().firstValue("WWW-Authenticate"))
                .as("no browser password prompt")
                .isEmpty();
        assertThat(browser.cookie("XSRF-TOKEN"))
                .as("the CSRF cookie comes with the first answer")
                .isNotBlank();

        var signedIn = browser.signIn("casemanager", "casemanager-demo");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        JsonNode who = json.readTree(signedIn.body());
        assertThat(who.path("user").asString()).isEqualTo("casemanager");
        assertThat(who.path("roles").toString()).isEqualTo("[\"CASE_MANAGER\"]");
        assertThat(who.path("idleTimeoutSeconds").asInt()).isEqualTo(15 * 60);
        String setCookie = String.join("\n", signedIn.headers().allValues("Set-Cookie"));
        assertThat(setCookie)
                .contains("CASELINK_SESSION=")
                .containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict");

        JsonNode kase = browser.graphql(CASE_QUERY).path("data").path("case");
        assertThat(kase.path("children").get(0).path("redacted").asBoolean()).isFalse();
        assertThat(kase.path("children").get(0).path("firstName").asString()).isNotBlank();
        assertThat(json.readTree(browser.send("GET", "/api/session", null, null, false)
                                .body())
                        .path("user")
                        .asString())
                .isEqualTo("casemanager");
    }

    @Test
    void aPartnersSessionSeesOnlyItsAgencysWorld() throws Exception {
        Browser partner = new Browser();
        assertThat(partner.signIn("partner-b", "partner-b-demo").statusCode()).isEqualTo(200);
        JsonNode answer = partner.graphql(CASE_QUERY);
        assertThat(answer.path("data").path("case").isNull())
                .as(answer.toString())
                .isTrue();
        Browser analyst = new Browser();
        assertThat(analyst.signIn("analyst", "analyst-demo").statusCode()).isEqualTo(200);
        JsonNode child = analyst.graphql(CASE_QUERY)
                .path("data")
                .path("case")
                .path("children")
                .get(0);
        assertThat(child.path("redacted").asBoolean()).isTrue();
        assertThat(child.path("firstName").isNull()).isTrue();
    }

    /** Another site's page can make the browser send the session cookie, but not read the CSRF cookie. */
    @Test
    void withoutTheCsrfHeaderTheSessionWritesAndReadsNothing() throws Exception {
        Browser browser = new Browser();
        browser.send("GET", "/api/session", null, null, false);
        var signInWithoutToken = browser.send(
                "POST",
                "/signin",
                "application/x-www-form-urlencoded",
                "username=casemanager&password=casemanager-demo",
                false);
        assertThat(signInWithoutToken.statusCode()).isEqualTo(403);
        assertThat(browser.send("GET", "/api/session", null, null, false).statusCode())
                .isEqualTo(401);

        assertThat(browser.signIn("casemanager", "casemanager-demo").statusCode())
                .isEqualTo(200);
        var forged = browser.send("POST", "/graphql", "application/json", CASE_QUERY, false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("MC-2023-000100");
        var wrongToken = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", "not-the-token")
                .POST(HttpRequest.BodyPublishers.ofString(CASE_QUERY))
                .build();
        assertThat(browser.http
                        .send(wrongToken, HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
        var signOutWithoutToken = browser.send("POST", "/signout", null, null, false);
        assertThat(signOutWithoutToken.statusCode()).isEqualTo(403);
        assertThat(browser.send("GET", "/api/session", null, null, false).statusCode())
                .isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionAndIsAudited() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.signIn("analyst", "analyst-demo").statusCode()).isEqualTo(200);
        String session = browser.cookie("CASELINK_SESSION");
        assertThat(session).isNotBlank();
        assertThat(browser.send("POST", "/signout", null, null, true).statusCode())
                .isEqualTo(204);
        assertThat(browser.send("GET", "/api/session", null, null, false).statusCode())
                .isEqualTo(401);

        // The old cookie, replayed: the session is gone on the server, not only in the browser.
        Browser replay = new Browser();
        replay.send("GET", "/api/session", null, null, false);
        replay.cookies.getCookieStore().add(URI.create("http://127.0.0.1:" + port), sessionCookie(session));
        var after = replay.send("POST", "/graphql", "application/json", CASE_QUERY, true);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).doesNotContain("MC-2023-000100");
        assertThat(events("analyst", "LOGOFF")).isNotEmpty();
        assertThat(events("analyst", "LOGON_SUCCESS").getFirst().details().get("reason"))
                .isEqualTo("signed in to the web app");
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited() throws Exception {
        int before = events("casemanager", "LOGON_FAILURE").size();
        Browser browser = new Browser();
        var refused = browser.signIn("casemanager", "wrong");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("wrong user name or password");
        assertThat(browser.cookie("CASELINK_SESSION")).isNull();
        assertThat(events("casemanager", "LOGON_FAILURE")).hasSize(before + 1);
    }

    /** The API's clients are untouched: credentials on every request, no session, no CSRF token. */
    @Test
    void theApiStaysStateless() throws Exception {
        Browser client = new Browser();
        var basic = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("analyst:analyst-demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(CASE_QUERY))
                .build();
        var answer = client.http.send(basic, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("MC-2023-000100");
        assertThat(client.cookie("CASELINK_SESSION")).isNull();
        var anonymous = client.send("POST", "/graphql", "application/json", CASE_QUERY, false);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        // The web app's call after its session ended (its CSRF cookie is still there): 401 from the
        // session's chain, without the challenge that would open the browser's own dialog.
        var noCookies = client.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .POST(HttpRequest.BodyPublishers.ofString(CASE_QUERY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noCookies.statusCode()).as("no CSRF token at all").isEqualTo(403);
        assertThat(noCookies.headers().firstValue("WWW-Authenticate")).isEmpty();
        client.send("GET", "/api/session", null, null, false);
        var app = client.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .header("X-XSRF-TOKEN", String.valueOf(client.cookie("XSRF-TOKEN")))
                        .POST(HttpRequest.BodyPublishers.ofString(CASE_QUERY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(app.statusCode()).isEqualTo(401);
        assertThat(app.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(app.body()).doesNotContain("MC-2023-000100");
    }

    private static HttpCookie sessionCookie(String value) {
        HttpCookie cookie = new HttpCookie("CASELINK_SESSION", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        return cookie;
    }

    private List<AuditEvent> events(String user, String type) {
        return audit.query(new AuditQuery(user, type, null, null, null, null, 50));
    }
}
