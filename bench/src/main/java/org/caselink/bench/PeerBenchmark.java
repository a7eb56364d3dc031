package org.caselink.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.caselink.db.Graph;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * caselink beside the Neo4j GraphQL Library ({@code @neo4j/graphql} under Apollo Server, from
 * {@code ../shared/peer}) on one embedded Neo4j holding the demo data: the service signed in as
 * {@code casemanager} with its rate limit off, the library on the same Bolt port, the same data
 * asked of both (the pairs of queries in the peer's {@code queries.json}, and {@code __typename},
 * the fixed cost of a request). At one client the two are asked in turn, a round at a time, and
 * their medians compared; at eight clients each is loaded alone for the same number of requests,
 * and their throughputs compared. Every answer must have data and no errors.
 */
final class PeerBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEMO_CASEMANAGER = "Basic "
            + Base64.getEncoder().encodeToString("casemanager:casemanager-demo".getBytes(StandardCharsets.UTF_8));

    /** How caselink is signed in to: the demo account, or a bearer token in jwt mode. */
    private String casemanager = DEMO_CASEMANAGER;

    private static final List<String> PACKAGES =
            List.of("@neo4j/graphql@7", "@apollo/server@5", "neo4j-driver@5", "graphql@16");

    private final PrintWriter console;
    private final Function<String[], ConfigurableApplicationContext> services;

    PeerBenchmark(PrintWriter console, Function<String[], ConfigurableApplicationContext> services) {
        this.console = console;
        this.services = services;
    }

    private void say(String format, Object... args) {
        Reports.say(console, format, args);
    }

    /** One query's figures: medians at one client, throughput at {@code clients}. */
    record Row(
            String query,
            Reports.Spread ours,
            Reports.Spread peer,
            double ratio,
            int clients,
            double oursPerSecond,
            double peerPerSecond,
            double throughputRatio) {}

    record Result(
            String when,
            Map<String, Object> machine,
            String peer,
            String mode,
            int rounds,
            int warmUp,
            List<Row> rows,
            RequestParts.Parts parts) {}

    /** A pair of queries asking the two servers for the same data. */
    record Pair(String name, Map<String, Object> ours, Map<String, Object> peer) {}

    /**
     * @param mode {@code demo} (HTTP Basic with the demo account, as shipped) or {@code jwt} (bearer
     *     tokens checked against a key pair made here, as production signs in)
     */
    Result run(Path peerDir, Path workDir, String mode, int rounds, int warmUp, int clients) throws Exception {
        Path scratch = workDir.resolve("node");
        install(peerDir, scratch);
        List<Pair> pairs = new ArrayList<>();
        pairs.add(new Pair(
                "{ __typename } (the fixed cost of a request)",
                Map.of("query", "{ __typename }"),
                Map.of("query", "{ __typename }")));
        // The read-path issue's second query, which the peer's queries.json does not hold.
        pairs.add(new Pair(
                "caseTwoFields (a case by number, two fields)",
                Map.of(
                        "query",
                        "query caseTwoFields($n: String!) { case(caseNumber: $n) { caseNumber state } }",
                        "variables",
                        Map.of("n", "MC-2023-000100")),
                Map.of(
                        "query",
                        "query caseTwoFields($n: String!) { cases(where: { caseNumber: { eq: $n } }) { caseNumber state } }",
                        "variables",
                        Map.of("n", "MC-2023-000100"))));
        for (JsonNode q : JSON.readTree(Files.readString(peerDir.resolve("queries.json")))) {
            pairs.add(new Pair(
                    q.path("name").asString(),
                    JSON.convertValue(q.path("a"), Map.class),
                    JSON.convertValue(q.path("b"), Map.class)));
        }
        Path db = workDir.resolve("db");
        org.springframework.util.FileSystemUtils.deleteRecursively(db);
        int bolt = freePort();
        int peerPort = freePort();
        List<String> settings = new ArrayList<>(List.of(
                "caselink.embedded.data-dir=" + db,
                "caselink.embedded.bolt-port=" + bolt,
                "caselink.demo.enabled=true",
                "caselink.api.rate-limit.enabled=false"));
        Tokens tokens = null;
        if (mode.equals("jwt")) {
            tokens = new Tokens();
            settings.addAll(List.of(
                    "caselink.security.mode=jwt",
                    "spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                            + tokens.publicKeyPem(Files.createDirectories(workDir)),
                    "spring.security.oauth2.resourceserver.jwt.audiences=caselink",
                    "caselink.security.jwt.issuer=" + Tokens.ISSUER));
            casemanager = "Bearer " + tokens.token("casemanager", List.of("CASE_MANAGER"));
        } else if (!mode.equals("demo")) {
            throw new IllegalArgumentException("mode is demo or jwt, not " + mode);
        }
        say("Starting caselink (%s mode) on the demo data in %s (Bolt on 127.0.0.1:%d)...", mode, db, bolt);
        try (var ctx = services.apply(settings.toArray(String[]::new));
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build()) {
            long cases = AnalysisBenchmark.count(ctx.getBean(Graph.class), "MATCH (c:Case) RETURN count(c) AS n");
            if (cases == 0) {
                throw new IllegalStateException("the demo data did not load: the peer's queries ask about it");
            }
            URI ours = URI.create(
                    "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port") + "/graphql");
            URI peer = URI.create("http://127.0.0.1:" + peerPort + "/");
            String secret = Files.readString(db.resolve("caselink-bolt.secret")).strip();
            Process node = startPeer(scratch, bolt, peerPort, secret);
            try {
                // Every query warmed up on both before any is timed, at one client and at eight: the
                // JIT compiles what all of them share, and the first one timed does not pay for it.
                say(
                        "Warming up: %d rounds of every query at one client, and %d clients as many times...",
                        warmUp, clients);
                for (Pair p : pairs) {
                    for (int i = 0; i < warmUp; i++) {
                        time(http, ours, p.ours(), casemanager);
                        time(http, peer, p.peer(), null);
                    }
                    throughput(http, ours, p.ours(), casemanager, clients, warmUp * clients);
                    throughput(http, peer, p.peer(), null, clients, warmUp * clients);
                }
                List<Row> rows = new ArrayList<>();
                for (Pair p : pairs) {
                    rows.add(measure(http, p, ours, peer, rounds, clients));
                }
                RequestParts.Parts parts = RequestParts.measure(
                        ctx, workDir, rounds, console, tokens == null ? null : casemanager.substring(7));
                return new Result(
                        Instant.now().toString(),
                        Reports.machine(),
                        version(scratch),
                        mode,
                        rounds,
                        warmUp,
                        rows,
                        parts);
            } finally {
                node.destroy();
                if (!node.waitFor(10, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            }
        }
    }

    /** The library and its server, from npm into a scratch folder (once), beside the peer's scripts. */
    private void install(Path peerDir, Path scratch) throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        for (String f : List.of("neo4j-graphql-server.mjs", "typedefs.graphql", "queries.json")) {
            Path from = peerDir.resolve(f);
            if (!Files.exists(from)) {
                throw new IllegalStateException("no " + from + ": --peer-dir names the folder of the peer"
                        + " (../shared/peer beside the repository)");
            }
            Files.copy(from, scratch.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(scratch.resolve("node_modules/@neo4j/graphql"))) {
            return;
        }
        say("Installing %s from npm into %s...", String.join(" ", PACKAGES), scratch);
        List<String> command =
                new ArrayList<>(List.of("npm", "install", "--prefix", scratch.toString(), "--no-audit", "--no-fund"));
        command.addAll(PACKAGES);
        Process npm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (npm.waitFor() != 0) {
            throw new IllegalStateException("npm install failed:\n" + out);
        }
    }

    private static String version(Path scratch) {
        try {
            JsonNode pkg = JSON.readTree(Files.readString(scratch.resolve("node_modules/@neo4j/graphql/package.json")));
            JsonNode apollo =
                    JSON.readTree(Files.readString(scratch.resolve("node_modules/@apollo/server/package.json")));
            return "@neo4j/graphql " + pkg.path("version").asString() + " under @apollo/server "
                    + apollo.path("version").asString();
        } catch (IOException e) {
            return "@neo4j/graphql (version unknown)";
        }
    }

    private Process startPeer(Path scratch, int bolt, int port, String secret) throws IOException {
        var pb = new ProcessBuilder(
                        "node",
                        scratch.resolve("neo4j-graphql-server.mjs").toString(),
                        scratch.resolve("typedefs.graphql").toString(),
                        "bolt://127.0.0.1:" + bolt,
                        String.valueOf(port))
                .redirectErrorStream(true);
        pb.environment().put("NEO4J_USER", "neo4j");
        pb.environment().put("NEO4J_PASSWORD", secret);
        Process node = pb.start();
        var lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("peer ready")) {
                say("  %s", line);
                // Keep reading its output, so that a full pipe never stops it.
                Thread.ofVirtual().start(() -> lines.lines().forEach(l -> {}));
                return node;
            }
        }
        throw new IllegalStateException("the peer did not start:\n" + seen);
    }

    private Row measure(HttpClient http, Pair p, URI ours, URI peer, int rounds, int clients)
            throws InterruptedException {
        say("%s:", p.name());
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            a.add(time(http, ours, p.ours(), casemanager));
            b.add(time(http, peer, p.peer(), null));
        }
        var sa = Reports.Spread.of(a);
        var sb = Reports.Spread.of(b);
        double oursRate = throughput(http, ours, p.ours(), casemanager, clients, rounds * clients);
        double peerRate = throughput(http, peer, p.peer(), null, clients, rounds * clients);
        var row = new Row(
                p.name(), sa, sb, sa.medianMs() / sb.medianMs(), clients, oursRate, peerRate, oursRate / peerRate);
        say(
                "  1 client: caselink %.2f ms, peer %.2f ms (ratio %.2f); %d clients: %,.0f and %,.0f requests/s",
                sa.medianMs(), sb.medianMs(), row.ratio(), clients, oursRate, peerRate);
        return row;
    }

    /** Requests per second with {@code clients} clients sending {@code total} requests between them. */
    private static double throughput(
            HttpClient http, URI uri, Map<String, Object> query, String auth, int clients, int total)
            throws InterruptedException {
        AtomicInteger left = new AtomicInteger(total);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        time(http, uri, query, auth);
                    }
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.getFirst());
        }
        return total / ((System.nanoTime() - t0) / 1e9);
    }

    /** One request's latency in ms; an answer without data, or with errors, stops the benchmark. */
    private static double time(HttpClient http, URI uri, Map<String, Object> query, String auth) {
        var request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(query)));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        long t = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double ms = (System.nanoTime() - t) / 1e6;
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200
                || body.has("errors")
                || !body.path("data").isObject()) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return ms;
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void write(PrintWriter console, Result r, Path markdown, Path json) throws IOException {
        StringBuilder md = new StringBuilder(String.format(
                Locale.ROOT,
                """
                # caselink beside the Neo4j GraphQL Library (%s mode)

                %s; %d cores, %s. One embedded Neo4j with the demo data; caselink signed in as
                `casemanager` (%s; scope, redaction and the audit trail on), its rate limit off; %s on
                the same Bolt port, without sign-in, scope or audit. The same data asked of both
                (`../shared/peer/queries.json`). First every query is warmed up on both, %d rounds at one
                client and as many per client at eight. One client: the two asked in turn, %d rounds,
                medians compared. %d clients: each alone, %d requests, throughput compared.
                Command: `./caselink benchmark peer --mode %s`.

                | Query | caselink p50 ms | peer p50 ms | ratio | caselink p95 ms | peer p95 ms | caselink req/s at %d | peer req/s at %d | throughput ratio |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|
                """,
                r.mode(),
                r.when(),
                (Integer) r.machine().get("cores"),
                r.machine().get("jvm"),
                r.mode().equals("jwt")
                        ? "a bearer token signed by a key pair made for the run, checked on every request"
                        : "HTTP Basic with the demo account, as shipped",
                r.peer(),
                r.warmUp(),
                r.rounds(),
                r.rows().isEmpty() ? 0 : r.rows().getFirst().clients(),
                r.rows().isEmpty() ? 0 : r.rounds() * r.rows().getFirst().clients(),
                r.mode(),
                r.rows().isEmpty() ? 0 : r.rows().getFirst().clients(),
                r.rows().isEmpty() ? 0 : r.rows().getFirst().clients()));
        for (Row row : r.rows()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %,.0f | %,.0f | %.2f |%n",
                    row.query(),
                    row.ours().medianMs(),
                    row.peer().medianMs(),
                    row.ratio(),
                    row.ours().p95Ms(),
                    row.peer().p95Ms(),
                    row.oursPerSecond(),
                    row.peerPerSecond(),
                    row.throughputRatio()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("when", r.when());
        out.put("machine", r.machine());
        out.put("peer", r.peer());
        out.put("mode", r.mode());
        out.put("rounds", r.rounds());
        out.put("warmUp", r.warmUp());
        out.put("rows", r.rows());
        out.put("parts", r.parts());
        RequestParts.markdown(md, r.parts());
        Reports.publish(console, md.toString(), out, markdown, json);
    }
}
