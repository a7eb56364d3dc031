package org.caselink.db;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service uses its database, embedded or external.
 *
 * @param database database name on the server
 * @param transactionTimeout client-side limit on every transaction the service runs, read or write
 * @param unavailableWait how long a read retries a server it cannot reach before every statement
 *     fails at once and health says DOWN (a write retries for the driver's max-transaction-retry-time)
 * @param probeEvery while the database is unreachable, how often a probe asks whether it is back
 */
@ConfigurationProperties("caselink.neo4j")
public record CaselinkNeo4jProperties(
        @DefaultValue("neo4j") String database,
        @DefaultValue("30s") Duration transactionTimeout,
        @DefaultValue("3s") Duration unavailableWait,
        @DefaultValue("1s") Duration probeEvery) {}
