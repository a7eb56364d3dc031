package org.caselink.db;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether the database can be reached, as a circuit breaker in front of {@link Graph}. Once a
 * statement has found the database unreachable for {@code caselink.neo4j.unavailable-wait} (the
 * server gone, the network cut), every statement fails at once with {@link DatabaseUnavailableException}
 * instead of each waiting out the driver's retries (a request that made four statements took 126 s
 * so), and a probe asks the server every second; the first answer closes the circuit, so the
 * service recovers without a restart. It is also the health indicator {@code database}: DOWN, saying since when,
 * while the circuit is open.
 */
@Component("database")
public class DatabaseAvailability implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    /** Why and since when the database is unreachable. */
    public record Outage(Instant since, String reason) {}

    private final Driver driver;
    private final Duration wait;
    private volatile @Nullable Outage outage;

    DatabaseAvailability(Driver driver, CaselinkNeo4jProperties settings) {
        this.driver = driver;
        this.wait = settings.unavailableWait();
    }

    /** How long a statement keeps retrying a database it cannot reach before the circuit opens. */
    Duration unavailableWait() {
        return wait;
    }

    /** The outage in progress, if any. */
    public @Nullable Outage outage() {
        return outage;
    }

    /** Fails at once while the circuit is open. */
    void check() {
        Outage o = outage;
        if (o != null) {
            throw new DatabaseUnavailableException(o, null);
        }
    }

    /** Whether {@code e} says the server cannot be reached (as opposed to refusing a statement). */
    static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
                return true;
            }
        }
        return false;
    }

    /** Opens the circuit for {@code cause} (a failure {@link #isUnreachable} accepts) and returns the error to throw. */
    DatabaseUnavailableException unreachable(RuntimeException cause) {
        Outage o = outage;
        if (o == null) {
            o = new Outage(Instant.now(), reason(cause));
            outage = o;
            log.error(
                    "The database cannot be reached ({}); statements fail at once until it answers again", o.reason());
        }
        return new DatabaseUnavailableException(o, cause);
    }

    /** While the circuit is open: asks the server whether it is back, and closes the circuit when it is. */
    @Scheduled(fixedDelayString = "${caselink.neo4j.probe-every:1s}")
    void probe() {
        Outage o = outage;
        if (o == null) {
            return;
        }
        try {
            driver.verifyConnectivity();
            outage = null;
            log.warn(
                    "The database answers again after {} s",
                    Duration.between(o.since(), Instant.now()).toSeconds());
        } catch (RuntimeException e) {
            log.debug("The database still cannot be reached: {}", reason(e));
        }
    }

    /**
     * Anyone may ask for health, so DOWN says since when, not the driver's words (they name the
     * database's host and port); those are in the log, once per outage.
     *
     * <p>UP when the server answers now; DOWN when it does not (which opens the
     * circuit, so a probe of health finds an outage even when no request has met it yet).
     */
    @Override
    public Health health() {
        Outage o = outage;
        if (o == null) {
            try {
                driver.verifyConnectivity();
                return Health.up().build();
            } catch (RuntimeException e) {
                if (!isUnreachable(e)) {
                    return Health.down().build();
                }
                o = unreachable(e).outage();
            }
        }
        return Health.status(new Status(Status.DOWN.getCode(), "the database cannot be reached since " + o.since()))
                .build();
    }

    /** The driver's own words (it says what it could not reach and why), without a stack. */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 300 ? m.substring(0, 300) : m;
    }
}
