package org.caselink.security;

/**
 * What a signed-in user may do. A token or account may carry several; data access is decided by
 * {@link Viewer}: LE_PARTNER narrows to an agency's cases even when held with another role.
 */
public enum UserRole {
    /** Every case; a child's identity only on cases assigned to them. */
    ANALYST,
    /** Full detail on cases assigned to them, redacted detail elsewhere. */
    CASE_MANAGER,
    /** Only cases owned by or shared with their agency, and what is reachable only through them. */
    LE_PARTNER,
    /** The audit trail, nothing else. */
    AUDITOR,
    /** Users, sharing and assignments; no case data. */
    ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
