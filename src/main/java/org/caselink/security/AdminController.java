package org.caselink.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.graphql.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * ADMIN's work: sharing cases with agencies and assigning them to users. Each change is audited
 * (component admin, type ADMIN) in the request, and drops the cached scopes at once. Answers
 * carry case numbers and codes only: administering access is not access.
 */
@Controller
class AdminController {

    private static final String ACCESS = CypherFiles.query("security/case-access");
    private static final String SHARE = CypherFiles.query("security/share");
    private static final String UNSHARE = CypherFiles.query("security/unshare");
    private static final String ASSIGN = CypherFiles.query("security/assign");
    private static final String UNASSIGN = CypherFiles.query("security/unassign");
    private static final String USERS = CypherFiles.query("security/users");

    record CaseAccess(String caseNumber, String ownedBy, List<String> sharedWith, List<String> assignedTo) {}

    record UserAccount(
            String name, List<String> roles, @Nullable String agency, List<String> assignedCases) {}

    private final Graph graph;
    private final Access access;
    private final SecurityAudit audit;
    private final Environment env;

    AdminController(Graph graph, Access access, SecurityAudit audit, Environment env) {
        this.graph = graph;
        this.access = access;
        this.audit = audit;
        this.env = env;
    }

    @QueryMapping
    @Nullable
    CaseAccess caseAccess(@Argument String caseNumber) {
        return read(codeKey(caseNumber));
    }

    @QueryMapping
    List<UserAccount> users() {
        Map<String, UserAccount> out = new TreeMap<>();
        if (SecurityConfiguration.mode(env).equals("demo")) {
            for (String[] a : SecurityConfiguration.DEMO_ACCOUNTS) {
                out.put(a[0], new UserAccount(a[0], List.of(a[1]), a[2].isEmpty() ? null : a[2], List.of()));
            }
        }
        graph.read(USERS, Map.of(), r -> {
            String name = r.get("name").asString();
            UserAccount known = out.get(name);
            out.put(
                    name,
                    new UserAccount(
                            name,
                            known == null ? List.of() : known.roles(),
                            known == null ? null : known.agency(),
                            r.get("cases").asList(v -> v.asString())));
            return null;
        });
        return new ArrayList<>(out.values());
    }

    record CaseShareInput(String caseNumber, String agency) {}

    record CaseAssignInput(String caseNumber, String user) {}

    /** What caseShare, caseUnshare, caseAssign and caseUnassign answer: the schema's payload convention. */
    record CaseAccessPayload(CaseAccess access) {}

    @MutationMapping
    CaseAccessPayload caseShare(@Argument CaseShareInput input) {
        return new CaseAccessPayload(shareCase(input.caseNumber(), input.agency()));
    }

    @MutationMapping
    CaseAccessPayload caseUnshare(@Argument CaseShareInput input) {
        return new CaseAccessPayload(unshareCase(input.caseNumber(), input.agency()));
    }

    @MutationMapping
    CaseAccessPayload caseAssign(@Argument CaseAssignInput input) {
        return new CaseAccessPayload(assignCase(input.caseNumber(), input.user()));
    }

    @MutationMapping
    CaseAccessPayload caseUnassign(@Argument CaseAssignInput input) {
        return new CaseAccessPayload(unassignCase(input.caseNumber(), input.user()));
    }

    @MutationMapping
    CaseAccess shareCase(@Argument String caseNumber, @Argument String agency) {
        return change("SHARE", SHARE, caseNumber, "agency", codeKey(agency));
    }

    @MutationMapping
    CaseAccess unshareCase(@Argument String caseNumber, @Argument String agency) {
        return change("UNSHARE", UNSHARE, caseNumber, "agency", codeKey(agency));
    }

    @MutationMapping
    CaseAccess assignCase(@Argument String caseNumber, @Argument String user) {
        return change("ASSIGN", ASSIGN, caseNumber, "user", userName(user));
    }

    @MutationMapping
    CaseAccess unassignCase(@Argument String caseNumber, @Argument String user) {
        return change("UNASSIGN", UNASSIGN, caseNumber, "user", userName(user));
    }

    private CaseAccess change(String action, String cypher, String caseNumber, String what, String value) {
        String number = codeKey(caseNumber);
        Viewer admin = access.viewer();
        Map<String, Object> p = new HashMap<>();
        p.put("caseNumber", number);
        p.put(what, value);
        p.put("by", admin.user());
        boolean found = !graph.inWriteTransaction(tx -> tx.run(cypher, p, r -> r.get("caseNumber")))
                .isEmpty();
        access.invalidate();
        audit.record(
                admin,
                "admin",
                "ADMIN",
                found ? "SUCCESS" : "FAILURE",
                Map.of("action", action, "caseNumber", number, what, value));
        if (!found) {
            throw new InvalidInputException("caseNumber", "no case " + number);
        }
        return read(number);
    }

    private CaseAccess read(String number) {
        return graph
                .read(
                        ACCESS,
                        Map.of("caseNumber", number),
                        r -> new CaseAccess(
                                r.get("caseNumber").asString(),
                                r.get("ownedBy").asString(""),
                                r.get("sharedWith").asList(v -> v.asString()),
                                r.get("assignedTo").asList(v -> v.asString())))
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static String userName(String user) {
        String u = user == null ? "" : user.strip();
        if (u.isEmpty() || u.length() > 200 || !u.matches("[\\p{L}\\p{N}._@+-]+")) {
            throw new InvalidInputException("user", "must be a user name (letters, digits and . _ @ + -)");
        }
        return u;
    }

    /** Case numbers and agency codes as stored: trimmed, upper case (as the importer keys them). */
    private static String codeKey(String value) {
        return value.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
