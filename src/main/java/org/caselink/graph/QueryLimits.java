package org.caselink.graph;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses a query before any Cypher runs when it is too deep or would cost too much. Cost counts
 * one per field, multiplied along the way by what a field can fan out to: {@code first} for a
 * connection (20 when not given), {@link #LIST_FAN_OUT} for a plain list. A query for 100 cases,
 * their people and each person's first 20 ads costs about 100 * 5 * 20 fields.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    /** What a plain list field (a case's children, a person's phones) is assumed to hold. */
    static final int LIST_FAN_OUT = 5;

    @Bean
    MaxQueryDepthInstrumentation maxDepth(@Value("${caselink.api.max-depth:12}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxComplexity(@Value("${caselink.api.max-complexity:100000}") int maxComplexity) {
        return new MaxQueryComplexityInstrumentation(maxComplexity, fanOut());
    }

    static FieldComplexityCalculator fanOut() {
        return (env, childComplexity) -> {
            Object first = env.getArguments().get("first");
            if (env.getFieldDefinition().getArgument("first") != null) {
                int n = first instanceof Number num ? Math.max(1, num.intValue()) : 20;
                return (1 + childComplexity) * n;
            }
            // A connection's edges are already counted by its first.
            boolean fansOut = isList(env.getFieldDefinition().getType())
                    && !env.getField().getName().equals("edges");
            return fansOut ? (1 + childComplexity) * LIST_FAN_OUT : 1 + childComplexity;
        };
    }

    private static boolean isList(GraphQLType type) {
        GraphQLType t = type instanceof GraphQLNonNull nn ? nn.getWrappedType() : type;
        return t instanceof GraphQLList;
    }
}
