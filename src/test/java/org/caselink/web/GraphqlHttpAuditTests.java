package org.caselink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caselink.DatabaseProperties;
import org.caselink.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL over HTTP spec, checked by its reference audit ({@code graphql-http}'s
 * {@code auditServer}, an npm package run with the machine's Node.js; the Maven build installs it
 * from {@code src/test/graphql-http/package-lock.json}) against the running service: every MUST
 * and SHOULD passes. MAYs are printed, not required.
 */
@IntegrationTest
class GraphqlHttpAuditTests extends DatabaseProperties {

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyMustAndShouldOfTheGraphqlOverHttpSpecPasses() throws Exception {
        List<JsonNode> results = audit("http://127.0.0.1:" + port + "/graphql");

        assertThat(results).as("audits run").hasSizeGreaterThan(50);
        List<String> required = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (JsonNode result : results) {
            String name = result.path("name").asString();
            boolean ok = result.path("status").asString().equals("ok");
            if (!ok) {
                System.out.println("graphql-http: " + result.path("status").asString() + " " + name + ": "
                        + result.path("reason").asString());
            }
            if (name.startsWith("MUST") || name.startsWith("SHOULD")) {
                required.add(name);
                if (!ok) failed.add(name + ": " + result.path("reason").asString());
            }
        }
        System.out.printf(
                "graphql-http: %d audits, %d MUST or SHOULD, %d of them failed%n",
                results.size(), required.size(), failed.size());
        assertThat(required).as("MUST and SHOULD audits").hasSizeGreaterThan(30);
        assertThat(failed).as("MUST and SHOULD audits that failed").isEmpty();
    }

    private List<JsonNode> audit(String url) throws IOException, InterruptedException {
        Path folder = Path.of("src/test/graphql-http").toAbsolutePath();
        assertThat(folder.resolve("node_modules/graphql-http"))
                .as("graphql-http installed by the Maven build (npm ci in " + folder + ")")
                .exists();
        var builder = new ProcessBuilder("node", "audit.mjs", url)
                .directory(folder.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("CASELINK_AUDIT_USER", "analyst");
        builder.environment().put("CASELINK_AUDIT_PASSWORD", "analyst-demo");
        Process node = builder.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("audit finished").isTrue();
        assertThat(node.exitValue()).as("node audit.mjs exit code").isZero();
        List<JsonNode> results = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (!line.isBlank()) results.add(json.readTree(line));
        }
        return results;
    }
}
