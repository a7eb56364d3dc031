package org.caselink.db;

import java.util.Map;

/**
 * Told of every statement {@link Graph} runs, once it has run (or failed). {@code Graph} calls the
 * beans of this type it finds; the service defines none, so on its path this costs an empty loop.
 * Tests count statements with one, {@code import --profile} times them with one, and the HTTP
 * benchmark records a GraphQL operation's reads with one to replay them through the bare driver.
 */
@FunctionalInterface
public interface StatementListener {

    /** {@code nanos}: from sending the statement to its last row read, retries of a read each counted apart. */
    void ran(Statement statement, long nanos);

    /**
     * One statement as the driver was given it.
     *
     * @param write whether it ran in a write transaction
     * @param metadata the transaction's metadata ({@link Graph#inWriteTransaction(Map, java.util.function.Function)}):
     *     {@link Graph#PURPOSE} says what the transaction is for when it is not the request's own work
     */
    record Statement(String cypher, Map<String, Object> params, boolean write, Map<String, Object> metadata) {

        /** The transaction's declared purpose ({@link Graph#PURPOSE}), or null for ordinary work. */
        public String purpose() {
            Object p = metadata.get(Graph.PURPOSE);
            return p == null ? null : p.toString();
        }
    }
}
