package org.caselink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.test.tester.GraphQlTester;

/** What GraphQL tests check again and again. */
public final class GraphQlAsserts {

    private GraphQlAsserts() {}

    /** The response has exactly one error: refused input, naming {@code field} (and {@code reason} when given). */
    public static void expectInputError(GraphQlTester.Response response, String field, @Nullable String reason) {
        response.errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("field", field);
                    if (reason != null) {
                        assertThat(e.getExtensions()).containsEntry("reason", reason);
                    }
                    assertThat(e.getMessage()).startsWith(field + ": ");
                    assertThat(String.valueOf(e.getErrorType())).isEqualTo("BAD_REQUEST");
                }));
    }

    /** The global id of the best full-text hit for {@code text} among nodes of {@code type}. */
    public static String firstHitId(GraphQlTester graphQl, String text, String type) {
        return graphQl.documentName("search")
                .variable("text", text)
                .variable("types", List.of(type))
                .execute()
                .path("search[0].node.id")
                .entity(String.class)
                .get();
    }

    /** Imports records through the {@code importRecords} mutation and asserts that none was refused. */
    public static void importRecords(
            GraphQlTester graphQl, java.util.List<? extends java.util.Map<String, ?>> records) {
        graphQl.document("mutation($r: [JSON!]!) { importRecords(records: $r) { errors { line field reason } } }")
                .variable("r", records)
                .execute()
                .path("importRecords.errors")
                .entityList(Object.class)
                .hasSize(0);
    }
}
