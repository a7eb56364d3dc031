package org.caselink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.caselink.DatabaseProperties;
import org.caselink.HttpApi;
import org.caselink.IntegrationTest;
import org.caselink.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a careless or hostile client can do over HTTP, and what POST /graphql does about it. */
@IntegrationTest
class HttpHardeningTests extends DatabaseProperties {

    private static final String ONE = "{\"query\": \"{ cases(first: 1) { totalCount } }\"}";

    @LocalServerPort
    int port;

    @Autowired
    StatementCounter statements;

    private HttpApi api;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    /** A refusal over HTTP: a 4xx with a small JSON body that shows nothing of the server's insides. */
    private void cleanRefusal(HttpResponse<String> response) {
        assertThat(response.statusCode()).isBetween(400, 499);
        // Boot's error body: status and path, no message (server.error.include-message: never), no trace.
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(body.path("path").asString()).isEqualTo("/graphql");
        assertThat(body.has("trace")).isFalse();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(response.body())
                .doesNotContain("Exception", "exception", "trace", "at org.", "at java.", "jackson", "MATCH");
    }

    @Test
    void aBatchOfOperationsIsRefusedBeforeAnyCypherRuns() throws Exception {
        long before = statements.count();
        var response = api.post("/graphql", "[" + ONE + "," + ONE + "]");
        cleanRefusal(response);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(api.post("/graphql", "[" + ONE + "]").statusCode()).isEqualTo(400);
        assertThat(statements.count()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedCleanly() throws Exception {
        long before = statements.count();
        cleanRefusal(api.post("/graphql", "{\"query\": \"{ cases(first: 1) { totalCount } }"));
        assertThat(statements.count()).isEqualTo(before);
    }

    /** POST /graphql with {@code body}, chunked (no Content-Length) or not. */
    private HttpResponse<String> post(byte[] body, boolean chunked) throws Exception {
        var publisher = chunked
                ? java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", HttpApi.authorization())
                .POST(publisher)
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Issue 15 item 8: only the query text was measured, after Jackson had parsed the whole body.
     * A body over caselink.api.max-request-bytes (4 MB) is refused before it is parsed, whether it
     * declares its length or comes in chunks.
     */
    @Test
    void anOversizedBodyIsRefusedBeforeItIsParsed() throws Exception {
        String variables = "\"x\": \"" + "a".repeat(5 * 1024 * 1024) + "\"";
        byte[] huge = ("{\"query\": \"{ __typename }\", \"variables\": {" + variables + "}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long before = statements.count();
        for (boolean chunked : new boolean[] {false, true}) {
            var response = post(huge, chunked);
            assertThat(response.statusCode()).as("chunked: %s", chunked).isEqualTo(413);
            JsonNode error = json.readTree(response.body()).path("errors").get(0);
            assertThat(error.path("extensions").path("limit").asString()).isEqualTo("body-size");
            assertThat(error.path("message").asString()).contains("the limit is 4194304 bytes");
        }
        assertThat(statements.count()).isEqualTo(before);
        // Within the limit, chunked or not, a request is answered as ever.
        for (boolean chunked : new boolean[] {false, true}) {
            var ok = post(ONE.getBytes(java.nio.charset.StandardCharsets.UTF_8), chunked);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(json.readTree(ok.body()).path("data").path("cases").has("totalCount"))
                    .isTrue();
        }
    }

    @Test
    void anOversizedDocumentIsRefusedBeforeAnyCypherRuns() throws Exception {
        long before = statements.count();
        String padded = "{ cases(first: 1) { totalCount } }" + " ".repeat(30_000);
        var response = api.post("/graphql", json.writeValueAsString(java.util.Map.of("query", padded)));
        JsonNode error = json.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("extensions").path("limit").asString()).isEqualTo("document-size");
        assertThat(error.path("message").asString()).contains("the limit is 20000");
        assertThat(statements.count()).isEqualTo(before);
    }

    /** The 429 itself is shown with a tiny limit in {@link LockedDownApiTests}; here, that the filter is in place. */
    @Test
    void graphQlRequestsAndOnlyTheyAreCountedAgainstTheClientsRate() throws Exception {
        var answered = api.post("/graphql", ONE);
        assertThat(answered.statusCode()).isEqualTo(200);
        // A full bucket holds 100 (the burst); this request took one.
        assertThat(answered.headers().firstValue(RateLimitFilter.REMAINING))
                .hasValueSatisfying(left -> assertThat(Long.parseLong(left)).isBetween(0L, 99L));
        var health = api.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue(RateLimitFilter.REMAINING)).isEmpty();
    }
}
