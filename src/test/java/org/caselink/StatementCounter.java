package org.caselink;

import java.util.concurrent.atomic.AtomicLong;
import org.caselink.db.StatementListener;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts the statements {@code Graph} runs for the request's own work: the audit trail's
 * transactions, which say so in their metadata, are left out, so that "refused before any Cypher
 * runs" means no data statement ran. Registered into every application the tests start
 * (src/test/resources/META-INF/spring.factories); the service itself has no listener.
 */
public final class StatementCounter implements StatementListener {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void ran(Statement statement, long nanos) {
        if (statement.purpose() == null) {
            count.incrementAndGet();
        }
    }

    /** Statements run since the application started, the audit trail's own left out. */
    public long count() {
        return count.get();
    }

    /** Puts a counter into the application being started. */
    public static final class Installer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory().registerSingleton("statementCounter", new StatementCounter());
        }
    }
}
