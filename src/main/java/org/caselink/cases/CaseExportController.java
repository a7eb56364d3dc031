package org.caselink.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.caselink.security.Access;
import org.caselink.security.SecurityAudit;
import org.caselink.security.Viewer;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case and every entity related to it as one JSON file, for a case manager's file or a partner's
 * own system. It is answered by the GraphQL API itself, as the signed-in user: the same roles,
 * scope and redaction apply, so an export never holds more than that user could query. A case out
 * of the user's scope is 404, as if it did not exist. Each export is an audit event (component
 * export, type EXPORT) listing the ids it held.
 */
@RestController
class CaseExportController {

    static final String DOCUMENT = """
            query CaseExport($caseNumber: String!) {
              case(caseNumber: $caseNumber) {
                id caseNumber type status reportedAt state summary
                agency { id code name }
                children { id childId redacted firstName lastName aliases dob sex
                  phones { id e164 } emails { id address } handles { id platform handle } }
                people { role evidence { source recordId observedAt ingestedAt }
                  person { id personId firstName lastName aliases dob
                    phones { id e164 ads(first: 100) { totalCount edges { node { id adId site url postedAt city state title } } } }
                    emails { id address } handles { id platform handle } } }
                phones { id e164 } emails { id address } handles { id platform handle }
                locations { id city state }
              }
            }
            """;

    private final ExecutionGraphQlService graphQl;
    private final Access access;
    private final SecurityAudit audit;

    CaseExportController(ExecutionGraphQlService graphQl, Access access, SecurityAudit audit) {
        this.graphQl = graphQl;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping(path = "/api/cases/{caseNumber}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> export(@PathVariable String caseNumber) {
        Viewer viewer = access.viewer();
        String number = caseNumber.strip().toUpperCase(Locale.ROOT);
        var response = graphQl.execute(new DefaultExecutionGraphQlRequest(
                        DOCUMENT, "CaseExport", Map.of("caseNumber", number), Map.of(), "export", Locale.ROOT))
                .block();
        Map<String, Object> data = response == null ? null : response.getData();
        Object kase = data == null ? null : data.get("case");
        List<String> ids = new ArrayList<>(ids(kase, new TreeSet<>()));
        boolean errors = response == null || !response.getErrors().isEmpty();
        audit.record(
                viewer,
                "export",
                "EXPORT",
                kase == null ? (errors ? "FAILURE" : "NOT_FOUND") : "SUCCESS",
                Map.of("caseNumber", number, "returnedCount", ids.size(), "returnedIds", ids));
        if (kase == null) {
            return errors
                    ? ResponseEntity.status(403).build()
                    : ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-" + number + ".json\"")
                .body(Map.of("exportedBy", viewer.user(), "case", kase));
    }

    /** Every {@code id} in the answer: what the export held. */
    private static TreeSet<String> ids(Object value, TreeSet<String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("id".equals(k) && v instanceof String s) {
                    out.add(s);
                } else {
                    ids(v, out);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> ids(v, out));
        }
        return out;
    }
}
