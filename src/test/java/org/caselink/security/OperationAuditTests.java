package org.caselink.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResultImpl;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** No audit, no data: an answer whose audit event cannot be written is withheld. */
class OperationAuditTests {

    /** An audit trail that records, or fails as a full disk or a lost database would. */
    static final class Trail implements SecurityAudit {
        final List<Map<String, Object>> recorded = new ArrayList<>();
        boolean broken;

        @Override
        public void denied(Viewer viewer, String what, String reason) {}

        @Override
        public void logon(String user, @Nullable String agency, boolean success, Map<String, Object> details) {}

        @Override
        public void throttled(String lastClaimedUser, Map<String, Object> details) {}

        @Override
        public void record(Viewer viewer, String component, String type, String outcome, Map<String, Object> details) {
            if (broken) {
                throw new IllegalStateException("audit store unavailable");
            }
            recorded.add(Map.of("type", type, "outcome", outcome, "details", details));
        }
    }

    private static Object run(Trail trail) throws Exception {
        var audit = new OperationAudit(
                new Access(null, SecurityProperties.of(new org.springframework.mock.env.MockEnvironment())), trail);
        var input = ExecutionInput.newExecutionInput("query Look { case(caseNumber: \"X\") { id } }")
                .build();
        var parameters = new InstrumentationExecutionParameters(input, null);
        audit.instrumentExecutionInput(input, parameters, null);
        var result = ExecutionResultImpl.newExecutionResult()
                .data(Map.of("case", Map.of("id", "Q2FzZTpY")))
                .build();
        return audit.instrumentExecutionResult(result, parameters, null).get();
    }

    /** A document refused before it ran (a validation error), as its audit event records it. */
    private static String refused(String document) throws Exception {
        Trail trail = new Trail();
        var audit = new OperationAudit(
                new Access(null, SecurityProperties.of(new org.springframework.mock.env.MockEnvironment())), trail);
        var input = ExecutionInput.newExecutionInput(document).build();
        var parameters = new InstrumentationExecutionParameters(input, null);
        audit.instrumentExecutionInput(input, parameters, null);
        var result = ExecutionResultImpl.newExecutionResult()
                .addError(graphql.GraphqlErrorBuilder.newError()
                        .message("Validation error")
                        .build())
                .build();
        audit.instrumentExecutionResult(result, parameters, null).get();
        return (String) trail.recorded.getFirst().get("type");
    }

    @Test
    void aTamperAttemptIsAMutationThatAsksForTheAuditTrailNotOneThatSaysAudit() throws Exception {
        assertThat(refused("mutation { deleteAuditEvents(before: \"2030-01-01\") }"))
                .isEqualTo("TAMPER_ATTEMPT");
        assertThat(refused("mutation M { ok: updateCase(caseNumber: \"X\") { id } auditHead { seq } }"))
                .isEqualTo("TAMPER_ATTEMPT");
        // Refused for another reason, with the word in an argument, an alias or a comment: a mutation.
        assertThat(
                        refused(
                                "mutation { updateCase(caseNumber: \"X\", input: {summary: \"audit of placement\"}) { nope } }"))
                .isEqualTo("MUTATION");
        assertThat(refused("mutation { audit: updateCase(caseNumber: \"X\") { id } } # audit"))
                .isEqualTo("MUTATION");
        assertThat(refused("{ auditEvents { items { seq } } }")).isEqualTo("QUERY");
        // A document that does not parse within the limits asks for nothing.
        assertThat(refused("mutation { audit" + " x".repeat(20_000) + " }")).isEqualTo("MUTATION");
    }

    @Test
    void anAnswerIsReturnedOnlyOnceItsEventIsWritten() throws Exception {
        Trail trail = new Trail();
        var ok = (graphql.ExecutionResult) run(trail);
        assertThat(ok.isDataPresent()).isTrue();
        assertThat(ok.<Map<String, Object>>getData()).containsKey("case");
        assertThat(trail.recorded).hasSize(1);
        assertThat(trail.recorded.getFirst()).containsEntry("type", "QUERY").containsEntry("outcome", "SUCCESS");

        trail.broken = true;
        var withheld = (graphql.ExecutionResult) run(trail);
        assertThat(withheld.isDataPresent()).isFalse();
        assertThat(withheld.getErrors())
                .singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("audit trail could not record this request"));
    }
}
