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
        try {
            return Files.createTempDirectory("caselink-test-neo4j");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        try {
            String dir =
                    java.nio.file.Files.createTempDirectory("caselink-" + name).toString();
            registry.add("caselink.embedded.data-dir", () -> dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
