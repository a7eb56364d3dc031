package org.caselink.db;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.summary.ResultSummary;
import org.springframework.stereotype.Component;

/**
 * The one door to Neo4j. Reads run as auto-commit read transactions (a cluster routes them to
 * secondaries), writes in write transactions; both carry a timeout and share the driver's bookmark manager, so a
 * read after a write sees it even on a cluster. Every statement is handed to the
 * {@link StatementListener}s in the context (none in the service: tests count statements with one,
 * benchmarks time and replay them with theirs).
 */
@Component
public class Graph {

    private final Driver driver;
    private final DatabaseAvailability availability;
    private final WriteGate gate;
    private final SessionConfig sessionConfig;
    private final SessionConfig readConfig;
    private final TransactionConfig txConfig;
    private final Duration timeout;
    private final StatementListener[] listeners;

    /**
     * The transaction-metadata key that says what a transaction is for when it is not the work a
     * request asked for (the audit trail's appends say {@code "audit"}). Neo4j's query log and
     * transaction listing show it; a statement counter can leave such statements out.
     */
    public static final String PURPOSE = "caselink.purpose";

    Graph(
            Driver driver,
            DatabaseAvailability availability,
            WriteGate gate,
            CaselinkNeo4jProperties settings,
            org.springframework.beans.factory.ObjectProvider<StatementListener> listeners) {
        String database = settings.database();
        Duration timeout = settings.transactionTimeout();
        this.listeners = listeners.orderedStream().toArray(StatementListener[]::new);
        this.driver = driver;
        this.availability = availability;
        this.gate = gate;
        this.sessionConfig = SessionConfig.builder()
                .withDatabase(database)
                .withBookmarkManager(driver.executableQueryBookmarkManager())
                .build();
        this.readConfig = SessionConfig.builder()
                .withDatabase(database)
                .withBookmarkManager(driver.executableQueryBookmarkManager())
                .withDefaultAccessMode(AccessMode.READ)
                .build();
        this.txConfig = TransactionConfig.builder().withTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** Runs one read-only statement and maps each row. */
    public <T> List<T> read(String cypher, Map<String, Object> params, Function<Record, T> mapper) {
        return read(cypher, params, mapper, txConfig);
    }

    /**
     * Runs one read-only statement under its own time limit (at most the configured transaction
     * timeout); {@link #isTimeout} tells a statement stopped by it.
     */
    public <T> List<T> read(String cypher, Map<String, Object> params, Function<Record, T> mapper, Duration timeout) {
        return read(
                cypher,
                params,
                mapper,
                TransactionConfig.builder().withTimeout(timeout).build());
    }

    /**
     * A read is one statement, so it runs as an auto-commit transaction: one round trip to the
     * server where a managed transaction takes three (begin, run, commit). Replaying the
     * statements of the six benchmarked operations both ways took 14% to 38% less time so. What
     * the managed transaction gave is kept: reads go to readers on a cluster (read access mode),
     * see earlier writes (the bookmark manager), and a failure the server calls retryable is
     * retried for up to 30 seconds, as the driver would, with a growing, jittered back-off. A
     * server that cannot be reached at all is retried for {@code caselink.neo4j.unavailable-wait}
     * only (a cluster's leader moving takes about that long); then {@link DatabaseAvailability}
     * opens its circuit and every statement fails at once until the server answers again.
     */
    private <T> List<T> read(
            String cypher, Map<String, Object> params, Function<Record, T> mapper, TransactionConfig config) {
        long start = System.nanoTime();
        long giveUpAt = start + READ_RETRY_TIME.toNanos();
        long unreachableUntil = start + availability.unavailableWait().toNanos();
        for (int attempt = 1; ; attempt++) {
            availability.check();
            long began = System.nanoTime();
            try (Session session = driver.session(readConfig)) {
                return session.run(new Query(cypher, params), config).list(mapper::apply);
            } catch (RuntimeException e) {
                if (DatabaseAvailability.isUnreachable(e) && System.nanoTime() > unreachableUntil) {
                    throw availability.unreachable(e);
                }
                if (!(e instanceof RetryableException) || System.nanoTime() > giveUpAt) {
                    throw e;
                }
                backOff(attempt, e);
            } finally {
                tell(cypher, params, false, Map.of(), began);
            }
        }
    }

    private void tell(String cypher, Map<String, Object> params, boolean write, Map<String, Object> meta, long began) {
        if (listeners.length > 0) {
            var statement = new StatementListener.Statement(cypher, params, write, meta);
            long nanos = System.nanoTime() - began;
            for (StatementListener l : listeners) {
                l.ran(statement, nanos);
            }
        }
    }

    /** As long as the driver's own managed transactions keep retrying (its default). */
    private static final Duration READ_RETRY_TIME = Duration.ofSeconds(30);

    /** 100 ms, doubling up to 2 s, each with up to 20% jitter so that many clients do not retry in step. */
    private static void backOff(int attempt, RuntimeException cause) {
        long ms = Math.min(2_000, 100L << Math.min(attempt - 1, 5));
        try {
            Thread.sleep(ms + java.util.concurrent.ThreadLocalRandom.current().nextLong(ms / 5 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cause.addSuppressed(e);
            throw cause;
        }
    }

    private static final String NOW = CypherFiles.query("db/now");

    /** The database's clock: what {@code datetime()} in a statement starting now would give. */
    public java.time.OffsetDateTime now() {
        return read(NOW, Map.of(), r -> r.get("now").asZonedDateTime().toOffsetDateTime())
                .getFirst();
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
        return inWriteTransaction(work, txConfig, Map.of());
    }

    /**
     * The driver retries a write transaction for {@code spring.neo4j.max-transaction-retry-time}
     * (5 s here, where the driver's default is 30 s); a server still out of reach then opens the
     * circuit of {@link DatabaseAvailability}.
     */
    private <T> T inWriteTransaction(Function<Tx, T> work, TransactionConfig config, Map<String, Object> metadata) {
        availability.check();
        gate.enter();
        try (Session session = driver.session(sessionConfig)) {
            return session.executeWrite(tx -> work.apply(new Tx(tx, metadata)), config);
        } catch (RuntimeException e) {
            throw DatabaseAvailability.isUnreachable(e) ? availability.unreachable(e) : e;
        } finally {
            gate.exit();
        }
    }

    /**
     * Writes {@code rows} as {@code $rows} of {@code cypher} (with {@code params} beside them),
     * {@code chunk} rows per transaction: for a derived set written as a difference, where each
     * chunk is whole and a reader may see the old and the new side by side for a moment.
     */
    public void writeInChunks(
            String cypher, List<? extends Map<String, Object>> rows, Map<String, Object> params, int chunk) {
        for (int i = 0; i < rows.size(); i += chunk) {
            Map<String, Object> all = new java.util.HashMap<>(params);
            all.put("rows", rows.subList(i, Math.min(rows.size(), i + chunk)));
            inWriteTransaction(tx -> {
                tx.run(cypher, all);
                return null;
            });
        }
    }

    /**
     * As {@link #inWriteTransaction(Function)}, with transaction metadata: key-value pairs Neo4j
     * attaches to the transaction, which its query log and listing show and which a transaction
     * listener inside the database can read, and {@link StatementListener}s are given. The audit
     * trail uses it to say its transactions are its own ({@link #PURPOSE}) and its retention purge
     * to announce itself to the embedded tamper guard.
     */
    public <T> T inWriteTransaction(Map<String, Object> metadata, Function<Tx, T> work) {
        return inWriteTransaction(
                work,
                TransactionConfig.builder()
                        .withTimeout(timeout)
                        .withMetadata(metadata)
                        .build(),
                Map.copyOf(metadata));
    }

    /** Whether {@code e} is Neo4j refusing a write because a uniqueness constraint already holds the value. */
    public static boolean isUniquenessViolation(Throwable e) {
        return hasCode(e, "Neo.ClientError.Schema.ConstraintValidationFailed"::equals);
    }

    /** Whether {@code e} is Neo4j refusing a statement that calls a function it does not have. */
    public static boolean isUnknownFunction(Throwable e) {
        return hasCause(e, t -> t.getMessage() != null && t.getMessage().contains("Unknown function"));
    }

    /** Whether {@code e} is Neo4j stopping a transaction at its time limit. */
    public static boolean isTimeout(Throwable e) {
        return hasCode(e, code -> code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut"));
    }

    /** Whether {@code e} or one of its causes is a Neo4j error whose status code passes {@code test}. */
    private static boolean hasCode(Throwable e, java.util.function.Predicate<String> test) {
        return hasCause(
                e,
                t -> t instanceof org.neo4j.driver.exceptions.Neo4jException n
                        && n.code() != null
                        && test.test(n.code()));
    }

    /** Whether {@code e} or one of its causes passes {@code test}. */
    private static boolean hasCause(Throwable e, java.util.function.Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** What a write transaction changed, summed over its statements. */
    public record Changes(long nodesCreated, long relationshipsCreated, long nodesDeleted, long relationshipsDeleted) {
        public static final Changes NONE = new Changes(0, 0, 0, 0);

        public Changes plus(Changes o) {
            return new Changes(
                    nodesCreated + o.nodesCreated,
                    relationshipsCreated + o.relationshipsCreated,
                    nodesDeleted + o.nodesDeleted,
                    relationshipsDeleted + o.relationshipsDeleted);
        }
    }

    /** A write transaction in progress; it keeps count of what its statements changed. */
    public final class Tx {
        private final TransactionContext tx;
        private final Map<String, Object> metadata;
        private Changes changes = Changes.NONE;

        private Tx(TransactionContext tx, Map<String, Object> metadata) {
            this.tx = tx;
            this.metadata = metadata;
        }

        public <T> List<T> run(String cypher, Map<String, Object> params, Function<Record, T> mapper) {
            long began = System.nanoTime();
            try {
                var result = tx.run(cypher, params);
                List<T> rows = result.list(mapper::apply);
                count(result.consume());
                return rows;
            } finally {
                tell(cypher, params, true, metadata, began);
            }
        }

        public void run(String cypher, Map<String, Object> params) {
            long began = System.nanoTime();
            try {
                count(tx.run(cypher, params).consume());
            } finally {
                tell(cypher, params, true, metadata, began);
            }
        }

        /** What this transaction's statements changed so far (a retried transaction starts again at zero). */
        public Changes changes() {
            return changes;
        }

        private void count(ResultSummary summary) {
            var c = summary.counters();
            changes = changes.plus(new Changes(
                    c.nodesCreated(), c.relationshipsCreated(), c.nodesDeleted(), c.relationshipsDeleted()));
        }
    }
}
