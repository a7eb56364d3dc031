package org.caselink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * Where the integration tests' Neo4j comes from. By default: the embedded database, in a fresh
 * temporary folder per test JVM (nothing to install, no Docker). With
 * {@code -Dcaselink.test.neo4j=testcontainers} (Maven profile {@code testcontainers}): the same
 * tests against a Neo4j server in a container, through {@code spring.neo4j.uri}, i.e. external mode.
 * That path needs a Docker engine; without one it fails, it does not skip.
 */
public final class TestDatabase {

    public static final boolean CONTAINER = "testcontainers".equals(System.getProperty("caselink.test.neo4j"));
    private static final Path DATA_DIR = tempDir();
    private static Neo4jContainer container;

    private TestDatabase() {}

    public static void register(DynamicPropertyRegistry registry) {
        // Tests check the watches themselves; a background check would add statements at random.
        registry.add("caselink.analysis.watches.background", () -> "false");
        // Likewise the audit retention purge: AuditTests purge explicitly.
        registry.add("caselink.audit.background", () -> "false");
        // The tests sign in with the demo accounts, also on the Testcontainers path (where NEO4J_URI
        // is set and the default would be jwt); ExternalModeTests covers jwt in a context of its own.
        registry.add("caselink.security.mode", () -> "demo");
        // Scopes change only through Fixtures and admin mutations, which drop the cache: no expiry
        // in the middle of a test that counts statements.
        registry.add("caselink.security.scope-ttl", () -> "10m");
        if (CONTAINER) {
            Neo4jContainer neo4j = container();
            registry.add("spring.neo4j.uri", neo4j::getBoltUrl);
            registry.add("spring.neo4j.authentication.username", () -> "neo4j");
            registry.add("spring.neo4j.authentication.password", neo4j::getAdminPassword);
        } else {
            registry.add("caselink.embedded.data-dir", DATA_DIR::toString);
        }
        registry.add(
                "caselink.backup.dir",
                () -> DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-backups")
                        .toString());
    }

    private static synchronized Neo4jContainer container() {
        if (container == null) {
            container = new Neo4jContainer(System.getProperty("caselink.test.neo4j-image", "neo4j:2026.08.1"))
                    .withAdminPassword("caselink-test");
            container.start();
        }
        return container;
    }

    private static Path tempDir() {
        sweep();
        return ownedTempDir("caselink-test-neo4j");
    }

    /** A new temporary folder, marked with this JVM's pid so that a later test JVM can remove it. */
    public static Path ownedTempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Files.writeString(
                    dir.resolve(OWNER), String.valueOf(ProcessHandle.current().pid()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String OWNER = "caselink-test-owner.pid";

    /**
     * Removes the databases of test JVMs that have ended (each is some 400 MB; 82 of them once
     * filled the disk). Not at the exit of the JVM that made them: the database closes then, in a
     * shutdown hook of its own, and no order between the two can be had. A folder whose JVM still
     * runs (another build on this machine) is left alone.
     */
    private static void sweep() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var all = Files.list(tmp)) {
            for (Path dir : all.filter(d -> d.getFileName().toString().startsWith("caselink-"))
                    .toList()) {
                Path owner = dir.resolve(OWNER);
                if (!Files.isRegularFile(owner)) {
                    continue;
                }
                long pid = Long.parseLong(Files.readString(owner).strip());
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                org.springframework.util.FileSystemUtils.deleteRecursively(dir);
                org.springframework.util.FileSystemUtils.deleteRecursively(
                        dir.resolveSibling(dir.getFileName() + "-backups"));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not remove the databases of ended test runs: " + e);
        }
    }

    /**
     * For a context of its own (closed after its class): the container when tests run against one,
     * else an embedded database in a new temporary folder named after {@code name}.
     */
    public static void registerOwn(DynamicPropertyRegistry registry, String name) {
        if (CONTAINER) {
            register(registry);
            return;
        }
        registry.add("caselink.analysis.watches.background", () -> "false");
        registry.add("caselink.security.mode", () -> "demo");
        String dir = ownedTempDir("caselink-" + name).toString();
        registry.add("caselink.embedded.data-dir", () -> dir);
    }
}
