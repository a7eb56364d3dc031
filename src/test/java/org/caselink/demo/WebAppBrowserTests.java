package org.caselink.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.HttpApi;
import org.caselink.IntegrationTest;
import org.caselink.Slow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web app in a real browser: Debian's Chromium, driven by Playwright ({@code playwright-core}
 * from web/package-lock.json, with the system browser; nothing downloaded) through the scenarios
 * of {@code web/e2e/workspace.e2e.mjs}, against this service with the demo data. The script signs
 * in through the sign-in screen as each demo role, checks what each sees, runs axe-core on each
 * screen, measures the budgets, and keeps a screenshot of every step in
 * {@code target/browser/} (its figures in {@code results.json} there). No browser, no pass: the
 * test fails with the command that installs one ({@code .ci/run} installs it).
 */
@Slow
@IntegrationTest
class WebAppBrowserTests extends DatabaseProperties {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoDataLoader loader;

    @Test
    void theWorkspaceWorksInChromiumForEachRole() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assertThat(Path.of(chromium))
                .as("a Chromium for the browser tests (apt-get install chromium; .ci/run does it)")
                .isExecutable();
        Path web = Path.of("web").toAbsolutePath();
        assertThat(web.resolve("node_modules/playwright-core"))
                .as("the web app's packages, installed by the Maven build (npm ci in " + web + ")")
                .exists();
        assertThat(getClass().getResource("/static/index.html"))
                .as("the web app built into the jar's static/ by the Maven build")
                .isNotNull();

        fixtures.clear();
        assertThat(loader.loadIfEmpty()).isTrue();
        refreshNetworks();

        // Every read the app sends, as each role, against this service (web/src/api/live.test.ts).
        run(
                web,
                "live reads",
                List.of("npx", "vitest", "run"),
                Map.of("CASELINK_LIVE_URL", "http://127.0.0.1:" + port));

        Path out = Path.of("target/browser").toAbsolutePath();
        Files.createDirectories(out);
        run(
                web,
                "browser tests",
                List.of("node", "e2e/workspace.e2e.mjs", "--base", "http://127.0.0.1:" + port, "--out", out.toString()),
                Map.of("CHROMIUM", chromium));
        assertThat(out.resolve("results.json")).exists();
        try (var shots = Files.list(out)) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png")).count())
                    .as("a screenshot of each step")
                    .isGreaterThanOrEqualTo(5);
        }
    }

    /** Runs a command in web/, printing what it printed; fails with it when it fails. */
    private static void run(Path dir, String what, List<String> command, Map<String, String> env) throws Exception {
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(process.waitFor(300, TimeUnit.SECONDS))
                .as(what + " finished")
                .isTrue();
        assertThat(process.exitValue())
                .as(what + ": " + String.join(" ", command) + "\n" + printed)
                .isZero();
    }

    private void refreshNetworks() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", HttpApi.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\": \"mutation { refreshNetworks { computedAt } }\"}"))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("\"errors\"");
    }
}
