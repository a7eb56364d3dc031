package org.caselink.db;

import org.neo4j.driver.Logging;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Neo4j driver logs through SLF4J, so its levels are Logback's ({@code logging.level.org.neo4j.driver}).
 *
 * <p>The driver's Bolt layer hands every message it sends or receives to its logger's {@code debug}
 * without asking the level first, and the driver's default logger ({@code System.Logger}) formats
 * the message there and then: each statement's RUN message, its parameters included, became a
 * string that the log dropped. Profiled at a million nodes, that was 43% of the service's CPU
 * during {@code linkedCases} (whose parameters are frontiers of element ids); a partner's
 * statements carry its whole {@code $allowed} list. The SLF4J logger asks the level first
 * ({@code DriverLoggingTests}).
 */
@Configuration(proxyBeanMethods = false)
class DriverLogging {

    @Bean
    ConfigBuilderCustomizer driverLogsThroughSlf4j() {
        return builder -> builder.withLogging(Logging.slf4j());
    }
}
