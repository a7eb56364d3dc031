package org.caselink.graphql;

import org.caselink.model.Entity;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class NodeController {

    private final Lookup lookup;

    NodeController(Lookup lookup) {
        this.lookup = lookup;
    }

    @QueryMapping
    Entity node(@Argument String id) {
        return lookup.find(id).orElse(null);
    }
}
