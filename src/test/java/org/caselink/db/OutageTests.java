package org.caselink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caselink.CaselinkApplication;
import org.caselink.ChildJvm;
import org.caselink.GraphDump;
import org.caselink.cli.Cli;
import org.caselink.generator.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * External mode through an outage: the database is a Neo4j in a process of its own, killed (kill
 * -9) while clients keep asking, then started again on the same store. Requests must fail within
 * a few seconds with a clean error, health must say DOWN and why, and the service must serve again
 * once the database is back, without a restart.
 */
@org.caselink.Slow
class OutageTests {

    private static final String QUERY = "{ cases(first: 1) { totalCount } }";

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What one request got, and how long it took. */
    record Answer(int status, String body, long millis) {}

    @Test
    void aKilledDatabaseFailsRequestsFastWithACleanErrorAndTheServiceRecoversWhenItIsBack() throws Exception {
        try (var server = new Neo4jServerProcess(dir).start();
                var ctx = new SpringApplicationBuilder(CaselinkApplication.class)
                        .run(
                                "--spring.neo4j.uri=" + server.uri(),
                                "--server.port=0",
                                "--caselink.security.mode=demo",
                                "--caselink.demo.enabled=true",
                                // Eight clients asking as fast as they are answered: no rate limit.
                                "--caselink.api.rate-limit.enabled=false")) {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            assertThat(ask(port, QUERY).body()).matches(".*\"totalCount\":2\\d\\d.*");
            assertThat(health(port).status()).isEqualTo(200);

            server.kill();

            // Eight clients keep asking for ten seconds, each waiting for its answer.
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<List<Answer>>> asked = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (int c = 0; c < 8; c++) {
                asked.add(clients.submit(() -> {
                    List<Answer> answers = new ArrayList<>();
                    while (System.nanoTime() < until) {
                        answers.add(ask(port, QUERY));
                    }
                    return answers;
                }));
            }
            List<Answer> during = new ArrayList<>();
            for (var f : asked) {
                during.addAll(f.get());
            }
            clients.shutdown();
            assertThat(during).hasSizeGreaterThan(8);
            assertThat(during)
                    .as("every request during the outage is answered within a few seconds")
                    .allSatisfy(a -> assertThat(a.millis()).isLessThan(6_000));
            assertThat(during)
                    .as("with a clean error that says what happened, and no internals")
                    .allSatisfy(a -> assertThat(a.body())
                            .contains("The database cannot be reached")
                            .contains("UNAVAILABLE")
                            .doesNotContain("Exception")
                            .doesNotContain("at org.")
                            .doesNotContain("bolt://"));
            long fast = during.stream().filter(a -> a.millis() < 500).count();
            assertThat(fast)
                    .as("once the circuit is open, requests fail at once (of %d)", during.size())
                    .isGreaterThan(during.size() / 2);
            long[] millis = during.stream().mapToLong(Answer::millis).sorted().toArray();
            System.out.printf(
                    "outage: %d requests from 8 clients in 10 s, median %d ms, p99 %d ms, slowest %d ms%n",
                    millis.length,
                    millis[millis.length / 2],
                    millis[(int) (millis.length * 0.99)],
                    millis[millis.length - 1]);
            // The other front doors: an import by GraphQL, and an upload over plain HTTP (503).
            assertThat(ask(port, "mutation { importRecords(records: []) { imported } }")
                            .body())
                    .contains("UNAVAILABLE")
                    .contains("The database cannot be reached");
            Answer upload = upload(port, "{\"kind\":\"case\"}\n");
            assertThat(upload.status()).isEqualTo(503);
            assertThat(upload.body())
                    .contains("UNAVAILABLE")
                    .contains("cannot be reached")
                    .doesNotContain("Exception");
            Answer down = health(port);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body())
                    .contains("\"DOWN\"")
                    .contains("the database cannot be reached since")
                    .as("an anonymous probe learns nothing of where the database is")
                    .doesNotContain("127.0.0.1");

            server.start();
            long restarted = System.nanoTime();

            // Back without a restart: within the probe's second or so of the server answering.
            Answer after = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> ask(port, QUERY), a -> a.body().contains("totalCount"));
            assertThat(after.body()).matches(".*\"totalCount\":2\\d\\d.*");
            System.out.printf(
                    "outage: served again %d ms after the database was started again%n",
                    (System.nanoTime() - restarted) / 1_000_000);
            assertThat(health(port).status()).isEqualTo(200);
        }
    }

    /**
     * The database killed under an import (after three committed batches, at a point the import
     * signals): the import stops, says what committed and exits 3, its records are not rejected
     * as bad input; run again once the database is back, it completes to exactly the graph a
     * clean import makes.
     */
    @Test
    void anImportWhoseDatabaseDiesStopsWithAReportAndCompletesWhenRunAgain() throws Exception {
        Path file = dir.resolve("records.jsonl");
        Generator.write(new Generator.Config(300, 300, 11), file, dir.resolve("truth.json"));
        Path clean = dir.resolve("clean");
        assertThat(Cli.run(
                        "import",
                        file.toString(),
                        "--data-dir",
                        clean.toString(),
                        "--errors",
                        dir.resolve("e0").toString()))
                .isZero();
        var expected = GraphDump.of(clean);

        Path home = Files.createDirectories(dir.resolve("server"));
        try (var server = new Neo4jServerProcess(home).start()) {
            Path held = dir.resolve("held");
            Path release = dir.resolve("release");
            Process importing = importInChildJvm(
                    server,
                    file,
                    "--batch-size",
                    "50",
                    "-Dcaselink.test.hold-after=3",
                    "-Dcaselink.test.hold-marker=" + held,
                    "-Dcaselink.test.release-marker=" + release);
            await().atMost(Duration.ofSeconds(180)).until(() -> Files.exists(held) || !importing.isAlive());
            assertThat(held)
                    .as("the import committed three batches; its log:\n%s", log("import"))
                    .exists();
            server.kill();
            Files.writeString(release, "go");
            assertThat(importing.waitFor(60, TimeUnit.SECONDS))
                    .as("the import stops by itself")
                    .isTrue();
            String out = log("import");
            assertThat(importing.exitValue()).as(out).isEqualTo(3);
            assertThat(out)
                    .contains("The import stopped: the database could not be reached after 3 batches (150 records)"
                            + " had committed")
                    .contains("Run the same import again")
                    .doesNotContain("\tat org.");
            assertThat(dir.resolve("e1"))
                    .as("no record was refused for the database's outage")
                    .isEmptyFile();

            server.start();
            Process again = importInChildJvm(server, file);
            assertThat(again.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(again.exitValue()).as(log("import")).isZero();
        }
        var resumed = GraphDump.of(home.resolve("store"));
        assertThat(resumed).as(GraphDump.difference(expected, resumed)).isEqualTo(expected);
    }

    /** The import command in a JVM of its own against {@code server}; {@code more}: its options, and -D properties. */
    private Process importInChildJvm(Neo4jServerProcess server, Path file, String... more) throws Exception {
        List<String> jvm = new ArrayList<>(List.of(
                "-Xmx1g",
                "-Dspring.neo4j.uri=" + server.uri(),
                "-Dcaselink.ids.key=" + System.getProperty("caselink.ids.key")));
        List<String> options = new ArrayList<>();
        for (String m : more) {
            (m.startsWith("-D") ? jvm : options).add(m);
        }
        List<String> cmd = ChildJvm.java(jvm.toArray(String[]::new));
        cmd.addAll(List.of(
                org.caselink.cli.Main.class.getName(),
                "import",
                file.toString(),
                "--errors",
                dir.resolve("e1").toString()));
        cmd.addAll(options);
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("import.log").toFile())
                .start();
    }

    private String log(String name) throws Exception {
        Path f = dir.resolve(name + ".log");
        return Files.exists(f) ? Files.readString(f) : "(no log)";
    }

    private Answer ask(int port, String query) throws Exception {
        long start = System.nanoTime();
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("X-Caselink-Client", "test")
                        .header(
                                "Authorization",
                                "Basic " + Base64.getEncoder().encodeToString("analyst:analyst-demo".getBytes()))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"query\":\"" + query.replace("\"", "\\\"") + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
    }

    private Answer upload(int port, String jsonl) throws Exception {
        long start = System.nanoTime();
        String boundary = "caselink-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"r.jsonl\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + jsonl + "\r\n--" + boundary + "--\r\n";
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/import"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("X-Caselink-Client", "test")
                        .header(
                                "Authorization",
                                "Basic " + Base64.getEncoder().encodeToString("analyst:analyst-demo".getBytes()))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
    }

    private Answer health(int port) throws Exception {
        long start = System.nanoTime();
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
    }
}
