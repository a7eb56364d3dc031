package org.caselink.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.model.Entity;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.springframework.stereotype.Component;

/** Finds one node by its type and natural key, or by its global id. */
@Component
public class Lookup {

    /** The statement that finds one node, for each type: graphql/find, filled once per type. */
    private static final Map<EntityType, String> FIND = findByType(CypherFiles.query("graphql/find"));

    private final Graph graph;
    private final CompiledReads compiled;

    Lookup(Graph graph, CompiledReads compiled) {
        this.graph = graph;
        this.compiled = compiled;
    }

    /**
     * The node a root field asks for, with the relationships its selection asks for read by the
     * same statement where they compile ({@link CompiledReads}).
     */
    @SuppressWarnings("unchecked")
    public <T extends Entity> Optional<T> find(DataFetchingEnvironment env, EntityType type, String key) {
        Optional<Entity> found = compiled.find(env, type, key);
        return found == null ? find(type, key) : (Optional<T>) found;
    }

    /** As {@link #find(String, EntityType)}, for a root field: see {@link #find(DataFetchingEnvironment, EntityType, String)}. */
    public <T extends Entity> Optional<T> find(DataFetchingEnvironment env, String globalId, EntityType expected) {
        return GlobalId.parse(globalId).filter(g -> g.type() == expected).flatMap(g -> find(env, g.type(), g.key()));
    }

    @SuppressWarnings("unchecked")
    public <T extends Entity> Optional<T> find(EntityType type, String key) {
        return graph.read(FIND.get(type), Map.of("key", key), r -> (T) type.map(r.get("n"))).stream()
                .findFirst();
    }

    /** The node behind a global id, for the root field {@code node}. */
    public Optional<Entity> find(DataFetchingEnvironment env, String globalId) {
        return GlobalId.parse(globalId).flatMap(g -> find(env, g.type(), g.key()));
    }

    private static Map<EntityType, String> findByType(String template) {
        Map<EntityType, String> out = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            out.put(type, CypherFiles.fill(template, "__MATCH__", type.match("n", "$key")));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The node behind a global id; empty for an id of the wrong type or one that finds nothing. */
    public <T extends Entity> Optional<T> find(String globalId, EntityType expected) {
        return GlobalId.parse(globalId).filter(g -> g.type() == expected).flatMap(g -> find(g.type(), g.key()));
    }

    public Optional<Entity> find(String globalId) {
        return GlobalId.parse(globalId).flatMap(g -> find(g.type(), g.key()));
    }
}
