package org.caselink.audit;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link AuditTamperGuard} on the embedded database, when there is one. In external mode
 * (NEO4J_URI set) there is no DatabaseManagementService in this JVM and nothing is installed: a
 * listener has to live inside the server, and caselink does not ship a server plugin. There the
 * hash chain is the protection: {@code auditChain} reports the first altered or missing event.
 */
@Component
class AuditTamperGuardInstaller implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditTamperGuardInstaller.class);

    private final AuditTamperGuard guard = new AuditTamperGuard();
    private final DatabaseManagementService dbms;
    private final String database;

    AuditTamperGuardInstaller(
            ObjectProvider<DatabaseManagementService> dbms, org.caselink.db.CaselinkNeo4jProperties neo4j) {
        this.dbms = dbms.getIfAvailable();
        this.database = neo4j.database();
        if (this.dbms == null) {
            log.info("External Neo4j: the audit tamper guard cannot be installed there;"
                    + " the audit hash chain still detects changed or removed events");
        } else {
            this.dbms.registerTransactionEventListener(database, guard);
        }
    }

    @Override
    public void destroy() {
        if (dbms != null) {
            try {
                dbms.unregisterTransactionEventListener(database, guard);
            } catch (RuntimeException e) {
                log.debug("Audit tamper guard already gone with its database", e);
            }
        }
    }
}
