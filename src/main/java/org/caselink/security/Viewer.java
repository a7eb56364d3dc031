package org.caselink.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is asking: the user name, roles and agency taken from the signed-in principal (demo account
 * or token claims, see {@link SecurityConfiguration}). Agencies travel as an authority
 * {@code AGENCY_<code>}, so both sign-in kinds carry them alike.
 */
public record Viewer(
        String user, Set<UserRole> roles, @Nullable String agency) {

    public static final String AGENCY_PREFIX = "AGENCY_";

    public static Viewer of(@Nullable Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return new Viewer("anonymous", Set.of(), null);
        }
        Set<UserRole> roles = EnumSet.noneOf(UserRole.class);
        String agency = null;
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            if (name == null) {
                continue;
            }
            if (name.startsWith(AGENCY_PREFIX)) {
                agency = name.substring(AGENCY_PREFIX.length()).toUpperCase(Locale.ROOT);
            } else if (name.startsWith("ROLE_")) {
                try {
                    roles.add(UserRole.valueOf(name.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // a role caselink does not know grants nothing
                }
            }
        }
        return new Viewer(auth.getName(), Set.copyOf(roles), agency);
    }

    public boolean has(UserRole role) {
        return roles.contains(role);
    }

    /** May read case data at all (AUDITOR and ADMIN alone may not). */
    public boolean readsData() {
        return has(UserRole.ANALYST) || has(UserRole.CASE_MANAGER) || has(UserRole.LE_PARTNER);
    }

    /**
     * Narrowed to an agency's cases: a partner. A partner without an agency sees nothing; holding
     * another role beside LE_PARTNER does not widen it (least privilege).
     */
    public boolean partner() {
        return has(UserRole.LE_PARTNER);
    }
}
