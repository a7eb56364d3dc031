package org.caselink.db;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one door to Neo4j. Reads run in read transactions (a cluster routes them to secondaries),
 * writes in write transactions; both carry a timeout and share the driver's bookmark manager, so a
 * read after a write sees it even on a cluster. Every statement is counted, so tests and the
 * benchmark can show how many statements a GraphQL operation costs.
 */
@Component
public class Graph {

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final TransactionConfig txConfig;
    private final AtomicLong statements = new AtomicLong();

    Graph(
            Driver driver,
            @Value("${caselink.neo4j.database:neo4j}") String database,
            @Value("${caselink.neo4j.transaction-timeout:30s}") Duration timeout) {
        this.driver = driver;
        this.sessionConfig = SessionConfig.builder()
                .withDatabase(database)
                .withBookmarkManager(driver.executableQueryBookmarkManager())
                .build();
        this.txConfig = TransactionConfig.builder().withTimeout(timeout).build();
    }

    /** Runs one read-only statement and maps each row. */
    public <T> List<T> read(String cypher, Map<String, Object> params, Function<Record, T> mapper) {
        try (Session session = driver.session(sessionConfig)) {
            return session.executeRead(tx -> run(tx, cypher, params, mapper), txConfig);
        }
    }

    /** Runs one statement in a write transaction and maps each row. */
    public <T> List<T> write(String cypher, Map<String, Object> params, Function<Record, T> mapper) {
        return inWriteTransaction(tx -> tx.run(cypher, params, mapper));
    }

    /**
     * Runs several statements in one write transaction: all land or none does. The work may be
     * retried by the driver on transient errors, so it must not have side effects outside the graph.
     */
    public <T> T inWriteTransaction(Function<Tx, T> work) {
        try (Session session = driver.session(sessionConfig)) {
            return session.executeWrite(tx -> work.apply(new Tx(tx)), txConfig);
        }
    }

    /** Statements run through this class since start. */
    public long statementCount() {
        return statements.get();
    }

    private <T> List<T> run(
            TransactionContext tx, String cypher, Map<String, Object> params, Function<Record, T> mapper) {
        statements.incrementAndGet();
        return tx.run(cypher, params).list(mapper::apply);
    }

    /** A write transaction in progress. */
    public final class Tx {
        private final TransactionContext tx;

        private Tx(TransactionContext tx) {
            this.tx = tx;
        }

        public <T> List<T> run(String cypher, Map<String, Object> params, Function<Record, T> mapper) {
            return Graph.this.run(tx, cypher, params, mapper);
        }

        public void run(String cypher, Map<String, Object> params) {
            statements.incrementAndGet();
            tx.run(cypher, params).consume();
        }
    }
}
