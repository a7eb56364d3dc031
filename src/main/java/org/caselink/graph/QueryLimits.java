package org.caselink.graph;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
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

    // Schema introspection (what GraphiQL asks for first) is deep by nature and touches no data:
    // it is not held to these limits. Whether introspection is allowed at all is another setting.
    @Bean
    MaxQueryDepthInstrumentation maxDepth(@Value("${caselink.api.max-depth:12}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return unlessIntrospection(parameters, () -> super.beginExecuteOperation(parameters, state));
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxComplexity(@Value("${caselink.api.max-complexity:100000}") int maxComplexity) {
        return new MaxQueryComplexityInstrumentation(maxComplexity, fanOut()) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return unlessIntrospection(parameters, () -> super.beginExecuteOperation(parameters, state));
            }
        };
    }

    /** The limit's check, except for schema introspection. */
    static InstrumentationContext<ExecutionResult> unlessIntrospection(
            InstrumentationExecuteOperationParameters parameters,
            java.util.function.Supplier<InstrumentationContext<ExecutionResult>> check) {
        return introspectionOnly(parameters) ? SimpleInstrumentationContext.noOp() : check.get();
    }

    /** An operation whose every top-level field is {@code __schema}, {@code __type} or {@code __typename}. */
    static boolean introspectionOnly(InstrumentationExecuteOperationParameters parameters) {
        var selections = parameters
                .getExecutionContext()
                .getOperationDefinition()
                .getSelectionSet()
                .getSelections();
        return !selections.isEmpty()
                && selections.stream()
                        .allMatch(s -> s instanceof Field f && f.getName().startsWith("__"));
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
