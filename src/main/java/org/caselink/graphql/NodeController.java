package org.caselink.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id)}: an entity by its global id, else whatever a feature's {@link NodeFinder}
 * recognises (a network, watch, alert or identity proposal); null for an id nothing knows, and
 * for one the viewer may not see.
 */
@Controller
class NodeController {

    private final Lookup lookup;
    private final List<NodeFinder> finders;

    NodeController(Lookup lookup, List<NodeFinder> finders) {
        this.lookup = lookup;
        this.finders = finders;
    }

    @QueryMapping
    @Nullable
    Object node(@Argument String id, DataFetchingEnvironment env) {
        Optional<? extends Object> found = lookup.find(env, id);
        for (var finder = finders.iterator(); found.isEmpty() && finder.hasNext(); ) {
            found = finder.next().find(id);
        }
        return found.orElse(null);
    }
}
