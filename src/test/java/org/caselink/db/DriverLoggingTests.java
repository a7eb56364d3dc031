package org.caselink.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.caselink.DatabaseProperties;
import org.caselink.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Config;
import org.neo4j.driver.Logger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;

/**
 * The driver the service builds formats no debug message that the log drops. Its Bolt layer hands
 * every message it sends or receives (a statement's parameters included) to its logger's {@code
 * debug} without asking the level; the driver's default logger formats it there and then, and that
 * was 43% of the service's CPU under {@code linkedCases} at a million nodes (docs/benchmarks.md, "The
 * analyses at a million nodes").
 */
@IntegrationTest
class DriverLoggingTests extends DatabaseProperties {

    /** A logger of the driver's Bolt layer, under {@code org.neo4j.driver} (WARN in application.yml). */
    private static final String BOLT = "org.neo4j.bolt.connection.netty.impl.logging.ChannelActivityLogger";

    @Autowired
    List<ConfigBuilderCustomizer> customizers;

    /** How many times a message's argument was formatted. */
    private static int formattings(Logger logger) {
        AtomicInteger formatted = new AtomicInteger();
        Object parameters = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "{frontier: [...]}";
            }
        };
        logger.debug("C: RUN %s", parameters);
        return formatted.get();
    }

    @Test
    void theDriverFormatsNoDebugMessageTheLogWouldDrop() {
        Config.ConfigBuilder builder = Config.builder();
        customizers.forEach(c -> c.customize(builder));
        assertThat(formattings(builder.build().logging().getLog(BOLT))).isZero();
        // The cause, still there: the driver's default logging formats the message it then drops.
        assertThat(formattings(Config.defaultConfig().logging().getLog(BOLT)))
                .as("the driver's default logger formats a dropped debug message (if not, DriverLogging may go)")
                .isEqualTo(1);
    }
}
