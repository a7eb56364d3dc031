package org.caselink.security;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.Introspection;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/** The GraphQL side of security that is not per field: refusals as FORBIDDEN errors, and introspection. */
@Configuration(proxyBeanMethods = false)
class GraphQlSecurity {

    /** A root field the role may not call: FORBIDDEN, naming the field (not what it would have found). */
    @Bean
    DataFetcherExceptionResolver forbidden() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                if (ex instanceof ForbiddenException e) {
                    return GraphqlErrorBuilder.newError(env)
                            .errorType(ErrorType.FORBIDDEN)
                            .message(e.getMessage())
                            .extensions(Map.of("field", e.field()))
                            .build();
                }
                return null;
            }
        };
    }

    /**
     * Schema introspection (and so GraphiQL's schema view) on or off ({@code auto}: on in demo
     * mode only). Off marks each request's
     * context with graphql-java's {@link Introspection#INTROSPECTION_DISABLED}, so that
     * {@code __schema} and {@code __type} answer with an error. Boot's own switch,
     * {@code spring.graphql.schema.introspection.enabled=false}, calls
     * {@link Introspection#enabledJvmWide} instead: JVM-wide and never undone, it would also switch
     * introspection off for every other application context in the JVM (the tests run several).
     * graphql-java 25's validation errors suggest no field names ("Did you mean ...?"), so with
     * introspection off a misspelt field reveals none; a test holds that for an upgrade.
     */
    @Bean
    Instrumentation introspection(
            org.caselink.graphql.ApiProperties api, org.springframework.core.env.Environment env) {
        String setting = api.introspection();
        // auto: on in demo mode (GraphiQL's schema view), off in production (jwt mode).
        boolean enabled = setting.strip().equalsIgnoreCase("auto")
                ? SecurityConfiguration.mode(env).equals("demo")
                : Boolean.parseBoolean(setting.strip());
        return new Instrumentation() {
            @Override
            public ExecutionInput instrumentExecutionInput(
                    ExecutionInput input, InstrumentationExecutionParameters parameters, InstrumentationState state) {
                if (!enabled) {
                    input.getGraphQLContext().put(Introspection.INTROSPECTION_DISABLED, true);
                }
                return input;
            }
        };
    }
}
