package org.caselink.security;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.caselink.db.DatabaseUnavailableException;
import org.caselink.graphql.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every GraphQL operation becomes an audit event (component graphql, type QUERY or MUTATION, or
 * TAMPER_ATTEMPT for a mutation naming the audit trail, which no API can change): the operation's
 * name, SHA-256 of the document and of the variables, the ids of every entity returned (noted by
 * {@link GraphQlGuard}) and the outcome. Operations refused by validation or a limit are recorded
 * too. Writing the event is part of the request: when it fails, the answer is an error and no data.
 */
@Component
class OperationAudit implements Instrumentation {

    private static final Logger log = LoggerFactory.getLogger(OperationAudit.class);
    /** Ids listed in one event at most; {@code returnedCount} always says how many there were. */
    static final int MAX_IDS = 2000;

    private static final String VIEWER = "caselink.viewer";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Access access;
    private final SecurityAudit audit;

    OperationAudit(Access access, SecurityAudit audit) {
        this.access = access;
        this.audit = audit;
    }

    @Override
    public graphql.ExecutionInput instrumentExecutionInput(
            graphql.ExecutionInput input, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        input.getGraphQLContext().put(GraphQlGuard.RETURNED, ConcurrentHashMap.<String>newKeySet());
        input.getGraphQLContext().put(VIEWER, access.viewer());
        return input;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        var context = parameters.getGraphQLContext();
        Viewer viewer = context.getOrDefault(VIEWER, access.viewer());
        Set<String> returned = context.getOrDefault(GraphQlGuard.RETURNED, Set.of());
        String document = parameters.getQuery() == null ? "" : parameters.getQuery();
        String kind = kind(context, document);
        Map<String, Object> details = new LinkedHashMap<>();
        String name = parameters.getOperation() != null ? parameters.getOperation() : context.get(NAME);
        details.put("operation", name == null ? "" : name);
        details.put("documentSha256", sha256(document));
        details.put("variablesSha256", sha256(variables(parameters.getVariables())));
        List<String> ids = new ArrayList<>(new TreeSet<>(returned));
        details.put("returnedCount", ids.size());
        details.put("returnedIds", ids.size() > MAX_IDS ? ids.subList(0, MAX_IDS) : ids);
        List<String> errors = result.getErrors().stream()
                .map(e -> String.valueOf(e.getErrorType()))
                .distinct()
                .toList();
        details.put("errors", errors);
        // A mutation refused before it ran that asks for a field of the audit trail (none exists):
        // an attempt to change the trail. A mutation that ran keeps its own type and outcome, and
        // one refused for another reason is not a tamper attempt because "audit" is in its text.
        boolean executed = context.get(KIND) != null;
        boolean tamper = !executed && kind.equals("MUTATION") && asksForAuditField(document);
        String outcome = result.getErrors().isEmpty() ? "SUCCESS" : result.isDataPresent() ? "PARTIAL" : "FAILURE";
        try {
            audit.record(viewer, "graphql", tamper ? "TAMPER_ATTEMPT" : kind, tamper ? "DENIED" : outcome, details);
            return CompletableFuture.completedFuture(result);
        } catch (RuntimeException e) {
            GraphQLError error;
            if (e instanceof DatabaseUnavailableException down) {
                // Logged once, when the outage began (db/DatabaseAvailability); not once per request.
                error = Unavailable.error(down).build();
            } else {
                log.error("Audit event could not be written; the answer is withheld", e);
                error = GraphqlErrorBuilder.newError()
                        .errorType(ErrorType.INTERNAL_ERROR)
                        .message("The audit trail could not record this request, so its answer is withheld.")
                        .build();
            }
            return CompletableFuture.completedFuture(
                    ExecutionResultImpl.newExecutionResult().addError(error).build());
        }
    }

    @Override
    public graphql.execution.instrumentation.InstrumentationContext<ExecutionResult> beginExecuteOperation(
            graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        var execution = parameters.getExecutionContext();
        execution
                .getGraphQLContext()
                .put(KIND, execution.getOperationDefinition().getOperation().name());
        String name = execution.getOperationDefinition().getName();
        if (name != null) {
            execution.getGraphQLContext().put(NAME, name);
        }
        // A write is recorded before it runs as well: if the trail cannot take the event, nothing
        // is written (the event after it, with the outcome, could come too late for that).
        if (execution.getOperationDefinition().getOperation()
                == graphql.language.OperationDefinition.Operation.MUTATION) {
            Viewer viewer = execution.getGraphQLContext().getOrDefault(VIEWER, access.viewer());
            var input = execution.getExecutionInput();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("operation", name == null ? "" : name);
            details.put("documentSha256", sha256(input.getQuery() == null ? "" : input.getQuery()));
            details.put("variablesSha256", sha256(variables(input.getVariables())));
            try {
                audit.record(viewer, "graphql", "MUTATION", "STARTED", details);
            } catch (DatabaseUnavailableException e) {
                throw new graphql.execution.AbortExecutionException(
                        List.of(Unavailable.error(e).build()));
            } catch (RuntimeException e) {
                log.error("Audit event could not be written; the mutation does not run", e);
                throw new graphql.execution.AbortExecutionException(
                        "The audit trail could not record this request, so it was not run.");
            }
        }
        return graphql.execution.instrumentation.SimpleInstrumentationContext.noOp();
    }

    /**
     * Whether a mutation of {@code document} selects a root field whose name says audit. Parsed
     * under the same limits as any document (a refused one may be large or hostile): one that does
     * not parse within them asks for nothing.
     */
    static boolean asksForAuditField(String document) {
        if (document.length() > 20_000) {
            return false;
        }
        graphql.language.Document parsed;
        try {
            parsed = graphql.parser.Parser.parse(graphql.parser.ParserEnvironment.newParserEnvironment()
                    .document(document)
                    .parserOptions(graphql.parser.ParserOptions.newParserOptions()
                            .maxTokens(5_000)
                            .maxWhitespaceTokens(10_000)
                            .build())
                    .build());
        } catch (RuntimeException e) {
            return false;
        }
        return parsed.getDefinitionsOfType(graphql.language.OperationDefinition.class).stream()
                .filter(o -> o.getOperation() == graphql.language.OperationDefinition.Operation.MUTATION)
                .flatMap(o -> o.getSelectionSet().getSelectionsOfType(graphql.language.Field.class).stream())
                .anyMatch(f -> f.getName().toLowerCase(java.util.Locale.ROOT).contains("audit"));
    }

    private static final String KIND = "caselink.operationKind";
    private static final String NAME = "caselink.operationName";
    private static final java.util.regex.Pattern MUTATION =
            java.util.regex.Pattern.compile("\\A(\\s|,|#[^\\n]*)*mutation\\b");

    /**
     * QUERY, MUTATION or SUBSCRIPTION: the operation executed, or for a document refused before
     * execution, whether it starts as a mutation (without parsing it again).
     */
    static String kind(graphql.GraphQLContext context, String document) {
        String executed = context.get(KIND);
        if (executed != null) {
            return executed;
        }
        return MUTATION.matcher(document).find() ? "MUTATION" : "QUERY";
    }

    private static String variables(Map<String, Object> variables) {
        try {
            return variables == null || variables.isEmpty()
                    ? ""
                    : JSON.writeValueAsString(new java.util.TreeMap<>(variables));
        } catch (RuntimeException e) {
            return String.valueOf(variables);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
