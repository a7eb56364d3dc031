package org.caselink.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's promise, through the front door: POST /graphql returns a demo case with its child,
 * its people, their phones and the ads listing them.
 */
@IntegrationTest
class DemoOverHttpTests extends DatabaseProperties {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoDataLoader loader;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void demoData() {
        fixtures.clear();
        assertThat(loader.loadIfEmpty()).isTrue();
        assertThat(loader.loadIfEmpty())
                .as("never loads into a database that has data")
                .isFalse();
    }

    @Test
    void aDemoCaseLeadsToItsChildPeoplePhonesAndAds() throws Exception {
        String query = """
                {"query": "{ case(caseNumber: \\"MC-2023-000100\\") { caseNumber children { firstName } people { role person { firstName phones { e164 ads(first: 5) { totalCount edges { node { adId city } } } } } } } }"}
                """;
        JsonNode body = post("/graphql", query);
        JsonNode kase = body.path("data").path("case");
        assertThat(kase.path("caseNumber").asString()).isEqualTo("MC-2023-000100");
        assertThat(kase.path("children")).isNotEmpty();
        JsonNode suspect = kase.path("people").get(0);
        assertThat(suspect.path("role").asString()).isEqualTo("SUSPECT");
        JsonNode ads = suspect.path("person").path("phones").get(0).path("ads");
        assertThat(ads.path("totalCount").asInt()).isGreaterThan(5);
        assertThat(ads.path("edges")).hasSize(5);
    }

    /**
     * The query of the README's "Try it", read from the README itself, as the three users it names:
     * the assigned case manager sees the child's name, the analyst its redaction, partner-b nothing;
     * the suspect is the network's first key player and the circuit has stops.
     */
    @Test
    void theReadmeQueryAnswersAsTheReadmeSays() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int start = readme.indexOf("```graphql\n", readme.indexOf("## Try it")) + "```graphql\n".length();
        String query = readme.substring(start, readme.indexOf("```", start));
        String body = json.writeValueAsString(java.util.Map.of("query", query));
        assertThat(post("/graphql", "{\"query\": \"mutation { refreshNetworks { computedAt } }\"}")
                        .path("errors"))
                .isEmpty();

        JsonNode manager = post("/graphql", body, "casemanager").path("data").path("case");
        JsonNode child = manager.path("children").get(0);
        assertThat(child.path("redacted").asBoolean()).isFalse();
        assertThat(child.path("firstName").asString()).isNotBlank();
        JsonNode suspect = manager.path("people").get(0).path("person");
        JsonNode first = manager.path("network").path("keyPlayers").get(0).path("node");
        assertThat(first.path("firstName").asString() + " "
                        + first.path("lastName").asString())
                .isEqualTo(suspect.path("firstName").asString() + " "
                        + suspect.path("lastName").asString());
        assertThat(suspect.path("cases")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(manager.path("network").path("timeline").path("circuit")).hasSizeGreaterThan(1);

        JsonNode analyst = post("/graphql", body, "analyst").path("data").path("case");
        assertThat(analyst.path("children").get(0).path("redacted").asBoolean()).isTrue();
        assertThat(analyst.path("children").get(0).path("firstName").isNull()).isTrue();

        JsonNode partner = post("/graphql", body, "partner-b");
        assertThat(partner.path("data").path("case").isNull()).isTrue();
    }

    @Test
    void errorsCarryNoStackTraceOrInternals() throws Exception {
        JsonNode body = post("/graphql", "{\"query\": \"{ cases(first: 1, after: \\\"zzz\\\") { totalCount } }\"}");
        String text = body.toString();
        assertThat(body.path("errors").get(0).path("message").asString())
                .isEqualTo("after: not a cursor issued by this API");
        assertThat(text).doesNotContain("Exception", "at org.", "MATCH");
    }

    @Test
    void graphiqlIsServed() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphiql?path=/graphql"))
                        .header("Authorization", org.caselink.HttpApi.authorization())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsIgnoringCase("graphiql");
    }

    private JsonNode post(String path, String body) throws Exception {
        return post(path, body, org.caselink.HttpApi.USER);
    }

    private JsonNode post(String path, String body, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString((user + ":" + user + "-demo")
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
