package org.caselink.graphql;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
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
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses a query before any Cypher runs when it is too deep or would cost too much. Cost counts
 * one per field, multiplied along the way by what a field can fan out to: {@code first} for a
 * connection (20 when not given), {@link #LIST_FAN_OUT} for a plain list. A query for 100 cases,
 * their people and each person's first 20 ads costs about 100 * 5 * 20 fields. Analysis fields
 * carry a price of their own on top ({@link #price}): a walk costs by the hops it may take.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    /** What a plain list field (a case's children, a person's phones) is assumed to hold. */
    static final int LIST_FAN_OUT = 5;

    // Schema introspection (what GraphiQL asks for first) is deep by nature and touches no data:
    // it is not held to these limits. Whether introspection is allowed at all is another setting.
    @Bean
    MaxQueryDepthInstrumentation maxDepth(ApiProperties api) {
        return new MaxQueryDepthInstrumentation(api.maxDepth()) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return unlessIntrospection(parameters, () -> super.beginExecuteOperation(parameters, state));
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxComplexity(ApiProperties api) {
        return new MaxQueryComplexityInstrumentation(api.maxComplexity(), fanOut()) {
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

    /**
     * What a walk of the graph costs by itself, per hop it may take: {@code linkedCases(maxHops: 8)}
     * costs 20,000 before what it returns, so a request holds four of them at most under the default
     * limit of 100,000 (30 aliased ones used to run one after another).
     */
    static final int HOP_PRICE = 2_500;

    /** The walks, by field coordinate, and the argument that says how far (its default when not given). */
    static final Map<String, String> WALKS =
            Map.of("Query.neighbourhood", "hops", "Query.paths", "maxHops", "Query.linkedCases", "maxHops");

    /**
     * Other analysis fields computed when asked: a timeline (the networks, their key players and
     * the case pairs are stored by network detection, and read as any list is).
     */
    static final Set<String> ANALYSES = Set.of("Query.timeline", "Network.timeline");

    /** The price of an analysis field by itself (0 for any other field). */
    static int price(FieldComplexityEnvironment env) {
        String name = graphql.schema.GraphQLTypeUtil.simplePrint(env.getParentType()) + "."
                + env.getFieldDefinition().getName();
        String hopsArgument = WALKS.get(name);
        if (hopsArgument != null) {
            Object hops = env.getArguments().get(hopsArgument);
            var definition = env.getFieldDefinition().getArgument(hopsArgument);
            if (!(hops instanceof Number) && definition != null && definition.hasSetDefaultValue()) {
                hops = definition.getArgumentDefaultValue().getValue();
                if (hops instanceof graphql.language.IntValue v) {
                    hops = v.getValue();
                }
            }
            int h = hops instanceof Number n ? Math.max(1, Math.min(n.intValue(), 100)) : 6;
            return HOP_PRICE * h;
        }
        return ANALYSES.contains(name) ? HOP_PRICE : 0;
    }

    static FieldComplexityCalculator fanOut() {
        return (env, childComplexity) -> price(env) + fanOut(env, childComplexity);
    }

    private static int fanOut(FieldComplexityEnvironment env, int childComplexity) {
        Object first = env.getArguments().get("first");
        if (env.getFieldDefinition().getArgument("first") != null) {
            int n = first instanceof Number num ? Math.max(1, num.intValue()) : 20;
            return (1 + childComplexity) * n;
        }
        // A connection's edges are already counted by its first.
        boolean fansOut = isList(env.getFieldDefinition().getType())
                && !env.getField().getName().equals("edges");
        return fansOut ? (1 + childComplexity) * LIST_FAN_OUT : 1 + childComplexity;
    }

    private static boolean isList(GraphQLType type) {
        GraphQLType t = type instanceof GraphQLNonNull nn ? nn.getWrappedType() : type;
        return t instanceof GraphQLList;
    }
}
