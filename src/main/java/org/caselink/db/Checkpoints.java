package org.caselink.db;

import java.io.IOException;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.impl.transaction.log.checkpoint.CheckPointer;
import org.neo4j.kernel.impl.transaction.log.checkpoint.SimpleTriggerInfo;
import org.neo4j.kernel.impl.transaction.log.files.LogFiles;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A checkpoint of an embedded database on demand: every committed change flushed from the page
 * cache into the store files. Community has no {@code db.checkpoint()} procedure, so this asks the
 * kernel's check-pointer directly (an internal API of the Neo4j version in use).
 */
public final class Checkpoints {

    private Checkpoints() {}

    /** Where the next transaction of a database will be appended: log file version and byte offset in it. */
    public record LogEnd(long version, long offset) {}

    /**
     * The end of what {@code database}'s transaction log holds now. Neo4j preallocates its log
     * files (256 MB of zeros, filled as transactions come), so a file is longer than its content.
     */
    public static LogEnd logEnd(DatabaseManagementService dbms, String database) throws IOException {
        var api = (GraphDatabaseAPI) dbms.database(database);
        var position = api.getDependencyResolver()
                .resolveDependency(LogFiles.class)
                .getLogFile()
                .getTransactionLogWriter()
                .getCurrentPosition();
        return new LogEnd(position.getLogVersion(), position.getByteOffset());
    }

    /** Forces a checkpoint of {@code database} and waits for it. */
    public static void force(DatabaseManagementService dbms, String database, String reason) throws IOException {
        var api = (GraphDatabaseAPI) dbms.database(database);
        api.getDependencyResolver()
                .resolveDependency(CheckPointer.class)
                .forceCheckPoint(new SimpleTriggerInfo(reason));
    }
}
