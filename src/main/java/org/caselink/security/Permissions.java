package org.caselink.security;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which roles may call each root field: the allow-list every operation passes (see
 * {@link GraphQlGuard}). A root field missing here is refused to everyone: a new field is closed
 * until someone decides who may use it (a test fails when the schema has a root field this table
 * does not name).
 */
public final class Permissions {

    /** Reads over cases and what they link; a partner's answers are narrowed to its scope. */
    static final Set<UserRole> READ = EnumSet.of(UserRole.ANALYST, UserRole.CASE_MANAGER, UserRole.LE_PARTNER);
    /**
     * Whole-graph products computed over every agency's data (networks, case pairs, identity
     * proposals, watches), and writes: the clearinghouse's own staff only.
     */
    static final Set<UserRole> STAFF = EnumSet.of(UserRole.ANALYST, UserRole.CASE_MANAGER);

    static final Set<UserRole> AUDIT = EnumSet.of(UserRole.AUDITOR);
    static final Set<UserRole> ADMIN = EnumSet.of(UserRole.ADMIN);

    private static final Map<String, Set<UserRole>> ROOTS = new HashMap<>();

    static {
        for (String f : new String[] {
            "node",
            "case",
            "cases",
            "agency",
            "child",
            "person",
            "phone",
            "email",
            "handle",
            "ad",
            "ads",
            "image",
            "location",
            "search",
            "neighbourhood",
            "paths",
            "linkedCases",
            "timeline"
        }) {
            ROOTS.put("Query." + f, READ);
        }
        for (String f : new String[] {
            "networks",
            "networksConnection",
            "network",
            "networkOf",
            "caseLinks",
            "identityProposals",
            "identityProposalCount",
            "watches",
            "watchesConnection",
            "alerts",
            "alertsConnection"
        }) {
            ROOTS.put("Query." + f, STAFF);
        }
        for (String f : new String[] {
            "createCase",
            "caseCreate",
            "updateCase",
            "caseUpdate",
            "addChild",
            "caseAddChild",
            "addPerson",
            "caseAddPerson",
            "caseAddNote",
            "addContacts",
            "contactsAdd",
            "linkPeople",
            "peopleLink",
            "createAd",
            "adCreate",
            "importRecords",
            "recordsImport",
            "refreshNetworks",
            "networksRefresh",
            "decideIdentity",
            "identityDecide",
            "watch",
            "watchCreate",
            "unwatch",
            "watchDelete",
            "acknowledgeAlert",
            "alertAcknowledge"
        }) {
            ROOTS.put("Mutation." + f, STAFF);
        }
        ROOTS.put("Query.auditEvents", AUDIT);
        ROOTS.put("Query.auditEventsConnection", AUDIT);
        ROOTS.put("Query.auditChain", AUDIT);
        for (String f : new String[] {"users", "caseAccess"}) {
            ROOTS.put("Query." + f, ADMIN);
        }
        for (String f : new String[] {
            "shareCase",
            "unshareCase",
            "assignCase",
            "unassignCase",
            "caseShare",
            "caseUnshare",
            "caseAssign",
            "caseUnassign"
        }) {
            ROOTS.put("Mutation." + f, ADMIN);
        }
    }

    /**
     * Fields a partner never gets, whatever the object: they lead into the whole-graph products
     * above. A partner's answer is null (or an empty list) there.
     */
    static final Set<String> STAFF_ONLY_FIELDS = Set.of("Case.network", "Case.notes", "Person.possibleSameAs");

    private Permissions() {}

    /** The roles allowed to call a root field ("Query.case"), empty when none is. */
    public static Set<UserRole> allowed(String coordinate) {
        return ROOTS.getOrDefault(coordinate, Set.of());
    }

    public static Set<String> roots() {
        return Set.copyOf(ROOTS.keySet());
    }

    /**
     * A partner is a partner whatever else its token says: LE_PARTNER held with a staff role gets
     * the partner's fields only (least privilege), never the staff's.
     */
    static boolean permits(Viewer viewer, String coordinate) {
        if (viewer.partner()) {
            return allowed(coordinate).contains(UserRole.LE_PARTNER);
        }
        return allowed(coordinate).stream().anyMatch(viewer::has);
    }
}
