package org.caselink.audit;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

/**
 * Inside the embedded database, refuses (fails the commit of) any transaction that deletes an
 * audit event, changes or removes a property of one, or takes its AuditEvent label away, and any
 * that deletes the audit head. Creating events and moving the head stay allowed: that is what
 * {@link AuditLog#append} does. The one exception is the retention purge, which announces itself
 * with the transaction metadata {@value AuditLog#RETENTION_KEY}{@code =true}.
 *
 * <p>This protects against a bug or a careless statement in caselink or a local tool connected to
 * the embedded database, not against someone who holds the data folder: they can open the store
 * without this listener (or send the metadata). The hash chain catches what gets past it, when
 * {@link AuditLog#verify()} runs. A Neo4j server (external mode) cannot be given this listener from
 * here (it would have to be installed as a server plugin): there, the chain alone detects tampering.
 */
final class AuditTamperGuard implements TransactionEventListener<Object> {

    static final String REFUSAL = "The caselink audit trail is append-only";

    private static final Label EVENT = Label.label("AuditEvent");
    private static final String EVENT_NAME = EVENT.name();
    private static final String HEAD_NAME = "AuditHead";

    @Override
    public Object beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService db) {
        if (!data.hasDataChanges() || isRetention(data.metaData())) {
            return null;
        }
        for (LabelEntry entry : data.removedLabels()) {
            String label = entry.label().name();
            if (label.equals(EVENT_NAME) || label.equals(HEAD_NAME)) {
                boolean deleted = data.isDeleted(entry.node());
                refuse(
                        deleted
                                ? "the transaction deletes "
                                        + (label.equals(HEAD_NAME) ? "the audit head" : "an audit event")
                                : "the transaction removes the label " + label);
            }
        }
        Set<String> created = null;
        for (PropertyEntry<Node> entry : data.assignedNodeProperties()) {
            Node node = entry.entity();
            if (node.hasLabel(EVENT)) {
                if (created == null) {
                    created = createdNodes(data);
                }
                if (!created.contains(node.getElementId())) {
                    refuse("the transaction changes the property " + entry.key() + " of an audit event");
                }
            }
        }
        for (PropertyEntry<Node> entry : data.removedNodeProperties()) {
            Node node = entry.entity();
            if (!data.isDeleted(node) && node.hasLabel(EVENT)) {
                refuse("the transaction removes the property " + entry.key() + " of an audit event");
            }
        }
        return null;
    }

    /**
     * What Neo4j must collect for this listener: the labels of deleted nodes (how a deleted audit
     * event is recognised) and the keys of removed properties; old values are not needed.
     */
    @Override
    public Set<TransactionData.DataSelection> transactionDataSelection() {
        return EnumSet.of(
                TransactionData.DataSelection.deletedNodeLabels, TransactionData.DataSelection.removedPropertKeys);
    }

    private static Set<String> createdNodes(TransactionData data) {
        Set<String> ids = new HashSet<>();
        data.createdNodes().forEach(n -> ids.add(n.getElementId()));
        return ids;
    }

    private static boolean isRetention(Map<String, Object> metadata) {
        Object v = metadata.get(AuditLog.RETENTION_KEY);
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    private static void refuse(String what) {
        throw new IllegalStateException(
                REFUSAL + ": " + what + ". Audit events are never changed or deleted, except by the retention purge.");
    }

    @Override
    public void afterCommit(TransactionData data, Object state, GraphDatabaseService db) {}

    @Override
    public void afterRollback(TransactionData data, Object state, GraphDatabaseService db) {}
}
