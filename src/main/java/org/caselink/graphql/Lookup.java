package org.caselink.graphql;

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

    Lookup(Graph graph) {
        this.graph = graph;
    }

    @SuppressWarnings("unchecked")
    public <T extends Entity> Optional<T> find(EntityType type, String key) {
        return graph.read(FIND.get(type), Map.of("key", key), r -> (T) type.map(r.get("n"))).stream()
                .findFirst();
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
