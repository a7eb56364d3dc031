package org.caselink.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.caselink.db.DatabaseUnavailableException;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SchemaReport;

@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring ->
                wiring.scalar(ExtendedScalars.DateTime).scalar(StrictDate.DATE).scalar(ExtendedScalars.Json);
    }

    /**
     * Refused input becomes an error that names the field and the reason; a broken limit, one that
     * names the limit; a capability this deployment lacks, one that says so; a database that
     * cannot be reached, UNAVAILABLE with the time to wait before trying again. Anything else stays
     * Spring's masked INTERNAL_ERROR: no stack trace, no Cypher, no internals reach a client.
     */
    @Bean
    DataFetcherExceptionResolver invalidInput() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                if (ex instanceof InvalidInputException e) {
                    return GraphqlErrorBuilder.newError(env)
                            .errorType(ErrorType.BAD_REQUEST)
                            .message(e.getMessage())
                            .extensions(Map.of("field", e.field(), "reason", e.reason()))
                            .build();
                }
                if (ex instanceof LimitExceededException e) {
                    return GraphqlErrorBuilder.newError(env)
                            .errorType(ErrorType.BAD_REQUEST)
                            .message(e.getMessage())
                            .extensions(Map.of("limit", e.limit()))
                            .build();
                }
                if (ex instanceof DatabaseUnavailableException e) {
                    return Unavailable.error(e)
                            .location(env.getField().getSourceLocation())
                            .path(env.getExecutionStepInfo().getPath())
                            .build();
                }
                return null;
            }
        };
    }

    /** The schema inspection report of the running schema; a test fails when it lists any unmapped field. */
    @Bean
    SchemaInspection schemaInspection() {
        return new SchemaInspection();
    }

    @Bean
    GraphQlSourceBuilderCustomizer inspectSchema(SchemaInspection inspection) {
        return builder -> builder.inspectSchemaMappings(inspection.report::set);
    }

    /**
     * Limits on the document (length, tokens, aliases) and the cache of parsed documents, in one
     * place so that a document too long to parse is never used as a cache key either.
     */
    @Bean
    GraphQlSourceBuilderCustomizer documentLimits(ApiProperties api) {
        var limits = new DocumentLimits(
                api.maxDocumentChars(),
                api.maxTokens(),
                api.maxWhitespaceTokens(),
                api.maxAliases(),
                api.parsedDocumentsChars());
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(limits));
    }

    static final class SchemaInspection {
        final AtomicReference<SchemaReport> report = new AtomicReference<>();

        SchemaReport report() {
            return report.get();
        }
    }
}
