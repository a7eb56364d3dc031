package org.caselink.db;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real Neo4j Community database inside this JVM, with Bolt on 127.0.0.1 only, and
 * points Spring Boot's driver at it. Everything else in caselink talks to it through the same
 * driver it would use for a remote server, so embedded and external modes run the same code.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMode.class)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedNeo4j(EmbeddedNeo4jProperties props) throws Exception {
        Path home = props.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(home);
        log.info("Starting embedded Neo4j in {}", home);
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", props.boltPort()))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", props.boltPort()))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Bolt waited 5 s for its threads, 5 s for its connections and its event loops'
                    // quiet period at every stop; the service has closed its driver by then, so
                    // nothing is left to wait for (RestartTests: a stop took 13 to 23 s, 10 s allowed).
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                    // At a stop, a transaction still open after 2 s (a whole-graph pass in the
                    // background) is rolled back rather than waited for (Neo4j's default: 10 s).
                    .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(
                            GraphDatabaseSettings.pagecache_memory,
                            props.pageCache().toBytes())
                    .setConfig(GraphDatabaseSettings.transaction_timeout, props.transactionTimeout())
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, java.util.List.of("gds.*"))
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Could not start the embedded Neo4j in " + home + ": " + rootMessage(e)
                            + ". If another caselink process (a running service or an import) uses this folder,"
                            + " stop it or point caselink.embedded.data-dir (CASELINK_DATA_DIR) elsewhere.",
                    e);
        }
        GdsProcedures.register(dbms);
        return dbms;
    }

    /**
     * Bolt listens on loopback only, and still asks for a password: other local users must not
     * read children's data through it. The password is random, made at the first start, and kept
     * in the data folder, readable by the service's own user only.
     */
    @Bean
    BoltSecret boltSecret(DatabaseManagementService dbms, EmbeddedNeo4jProperties props) throws Exception {
        Path file = props.dataDir().toAbsolutePath().normalize().resolve("caselink-bolt.secret");
        if (Files.exists(file)) {
            return new BoltSecret(Files.readString(file).strip());
        }
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        dbms.database("system")
                .executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", java.util.Map.of("p", secret));
        Path tmp = Files.createTempFile(file.getParent(), "bolt", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn("Cannot restrict the permissions of {} on this file system", file);
        }
        Files.writeString(tmp, secret);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new BoltSecret(secret);
    }

    record BoltSecret(String password) {
        @Override
        public String toString() {
            return "BoltSecret[****]";
        }
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnection(DatabaseManagementService dbms, BoltSecret secret) {
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var ports = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
        var address = ports.getLocalAddress(ConnectorType.BOLT);
        URI uri = URI.create("bolt://" + address.getHost() + ":" + address.getPort());
        log.info("Embedded Neo4j is listening on {}", uri);
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public org.neo4j.driver.AuthToken getAuthToken() {
                return AuthTokens.basic("neo4j", secret.password());
            }
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
