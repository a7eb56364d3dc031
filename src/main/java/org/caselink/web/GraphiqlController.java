package org.caselink.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * GraphiQL at {@code /graphiql}, with its scripts served from WebJars inside the jar: nothing is
 * fetched from a CDN, so it works on a closed network. Off with {@code caselink.graphiql.enabled=false}
 * (do that in production).
 */
@Controller
@ConditionalOnProperty(name = "caselink.graphiql.enabled", havingValue = "true", matchIfMissing = true)
class GraphiqlController {

    private final Resource page = new ClassPathResource("graphiql/index.html");

    @GetMapping("/graphiql")
    ResponseEntity<Resource> graphiql() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
    }
}
