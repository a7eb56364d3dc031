package org.caselink.db;

import org.neo4j.driver.Logging;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Neo4j driver logs through SLF4J, so its levels are Logback's ({@code logging.level.org.neo4j.driver}).
 *
 * <p>Left alone, the driver logs through {@code System.Logger}, which ends in java.util.logging; there
 * its Bolt logger finds debug enabled, and its {@code SystemLogger} formats every message before
 * the level is looked at: each statement's RUN message, its parameters included, became a string
 * that SLF4J then dropped. Profiled at a million nodes, that was 43% of the service's CPU during
 * {@code linkedCases} (whose parameters are frontiers of element ids) and the larger part of its
 * 250 ms median; a partner's statements carry its whole {@code $allowed} list. The SLF4J logger
 * asks the level first.
 */
@Configuration(proxyBeanMethods = false)
class DriverLogging {

    @Bean
    ConfigBuilderCustomizer driverLogsThroughSlf4j() {
        return builder -> builder.withLogging(Logging.slf4j());
    }
}
