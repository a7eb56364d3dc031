package org.caselink.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GraphiQL.
 *
 * @param enabled serve GraphiQL at /graphiql (turn it off in production)
 */
@ConfigurationProperties("caselink.graphiql")
public record GraphiqlProperties(@DefaultValue("true") boolean enabled) {}
