package org.caselink.db;

import java.util.List;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Graph Data Science in the embedded database. Its extension (on the class path, found by
 * Neo4j's service loader) wires GDS in and registers the {@code gds.graph.project} aggregation; its procedures live in jars Neo4j would only scan in a
 * plugins folder, so the ones caselink calls are registered here, by class. A server runs the
 * GDS plugin instead, and {@link org.caselink.analysis} asks {@code gds.version()} whether it is there.
 */
final class GdsProcedures {

    /**
     * The procedures caselink calls (projection, components, communities), by class name.
     * Centrality is computed per network with JGraphT instead (see analysis.Centrality).
     */
    static final List<String> PROCEDURES = List.of(
            "org.neo4j.gds.VersionProc",
            "org.neo4j.gds.catalog.GraphProjectProc",
            "org.neo4j.gds.catalog.GraphDropProc",
            "org.neo4j.gds.wcc.WccStreamProc",
            "org.neo4j.gds.leiden.LeidenStreamProc");

    /** Functions, by class name too: some live in jars GDS puts on the runtime class path only. */
    static final List<String> FUNCTIONS = List.of(
            "org.neo4j.gds.functions.VersionFunc",
            "org.neo4j.gds.catalog.GraphExistsFunc",
            "org.neo4j.gds.functions.AsNodeFunc");

    private GdsProcedures() {}

    static void register(DatabaseManagementService dbms) {
        var db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        GlobalProcedures procedures = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
        try {
            for (String c : PROCEDURES) {
                procedures.registerProcedure(Class.forName(c));
            }
            for (String c : FUNCTIONS) {
                procedures.registerFunction(Class.forName(c));
            }
        } catch (ProcedureException | ClassNotFoundException e) {
            throw new IllegalStateException("Could not register the Graph Data Science procedures", e);
        }
    }
}
