package org.caselink.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResultImpl;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.time.Duration;
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
        var audit = new OperationAudit(new Access(null, Duration.ofSeconds(1)), trail);
        var input = ExecutionInput.newExecutionInput("query Look { case(caseNumber: \"X\") { id } }")
                .build();
        var parameters = new InstrumentationExecutionParameters(input, null);
        audit.instrumentExecutionInput(input, parameters, null);
        var result = ExecutionResultImpl.newExecutionResult()
                .data(Map.of("case", Map.of("id", "Q2FzZTpY")))
                .build();
        return audit.instrumentExecutionResult(result, parameters, null).get();
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
