package org.caselink.db;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Neo4j that runs inside the service when no {@code NEO4J_URI} is given.
 *
 * @param dataDir the Neo4j home: store files, transaction logs and Neo4j's own logs live below it
 * @param boltPort Bolt port on 127.0.0.1; 0 picks a free port (nothing outside this process needs it)
 * @param pageCache memory for Neo4j's page cache
 * @param transactionTimeout server-side limit on any transaction, a last line of defence
 */
@ConfigurationProperties("caselink.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int boltPort,
        @DefaultValue("512MB") DataSize pageCache,
        @DefaultValue("60s") Duration transactionTimeout) {}
