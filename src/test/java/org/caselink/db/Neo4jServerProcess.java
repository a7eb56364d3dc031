package org.caselink.db;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caselink.ChildJvm;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A Neo4j server in a process of its own, reached only over Bolt: what an external database is
 * to the service, and what a test can kill (SIGKILL, no clean close of the store) and start again
 * on the same port and store. {@link #main} is the child's side; the rest is the test's.
 */
final class Neo4jServerProcess implements AutoCloseable {

    private final Path home;
    private final int port;
    private Process process;

    Neo4jServerProcess(Path home) throws IOException {
        this.home = home;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
    }

    String uri() {
        return "bolt://127.0.0.1:" + port;
    }

    /** Starts the server and returns once it accepts Bolt connections. */
    Neo4jServerProcess start() throws Exception {
        Path ready = home.resolve("ready");
        Files.deleteIfExists(ready);
        List<String> cmd = ChildJvm.java("-Xmx768m");
        cmd.addAll(List.of(Neo4jServerProcess.class.getName(), home.toString(), Integer.toString(port)));
        process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("server.log").toFile()))
                .start();
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(ready) || !process.isAlive());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // said below, with the log
        }
        if (!Files.exists(ready)) {
            throw new IllegalStateException(
                    "the Neo4j server did not start; its log:\n" + Files.readString(home.resolve("server.log")));
        }
        return this;
    }

    /** kill -9: the database is gone at once, as a crashed or unplugged server is. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** The child: a Neo4j on 127.0.0.1:{@code port} without auth, stored in {@code home}, until killed. */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        var dbms = new DatabaseManagementServiceBuilder(home.resolve("store"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 64L << 20)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        Path written = Files.writeString(home.resolve("ready.tmp"), Integer.toString(port));
        Files.move(written, home.resolve("ready"), StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join(); // serves until killed
    }
}
