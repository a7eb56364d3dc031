package org.caselink.graph;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
     * names the limit; a capability this deployment lacks, one that says so. Anything else stays
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
                if (ex instanceof org.caselink.security.ForbiddenException e) {
                    return GraphqlErrorBuilder.newError(env)
                            .errorType(ErrorType.FORBIDDEN)
                            .message(e.getMessage())
                            .extensions(Map.of("field", e.field()))
                            .build();
                }
                if (ex instanceof LimitExceededException e) {
                    return GraphqlErrorBuilder.newError(env)
                            .errorType(ErrorType.BAD_REQUEST)
                            .message(e.getMessage())
                            .extensions(Map.of("limit", e.limit()))
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
     * Parsed and validated documents, kept by their text: a client sends the same few documents
     * again and again, and parsing and validating one cost about a sixth of the web threads' time
     * in the benchmark's profile. Bounded by the characters held (a parsed document takes some 10
     * to 30 times its text in memory), so that many distinct documents cannot grow it. Limits
     * (depth, cost) are checked per request, after this.
     */
    @Bean
    GraphQlSourceBuilderCustomizer parsedDocuments(
            @org.springframework.beans.factory.annotation.Value("${caselink.api.parsed-documents-chars:1000000}")
                    long maxChars) {
        com.github.benmanes.caffeine.cache.Cache<String, graphql.execution.preparsed.PreparsedDocumentEntry> cache =
                com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                        .maximumWeight(maxChars)
                        .<String, graphql.execution.preparsed.PreparsedDocumentEntry>weigher(
                                (document, entry) -> document.length())
                        .build();
        // Only documents that parsed and validated are kept: an error's message is in the language
        // of the request that met it, and a refused document is not worth memory.
        graphql.execution.preparsed.PreparsedDocumentProvider provider = (input, parseAndValidate) -> {
            var entry = cache.getIfPresent(input.getQuery());
            if (entry == null) {
                entry = parseAndValidate.apply(input);
                if (!entry.hasErrors()) {
                    cache.put(input.getQuery(), entry);
                }
            }
            return java.util.concurrent.CompletableFuture.completedFuture(entry);
        };
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    static final class SchemaInspection {
        final AtomicReference<SchemaReport> report = new AtomicReference<>();

        SchemaReport report() {
            return report.get();
        }
    }
}
