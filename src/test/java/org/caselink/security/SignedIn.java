package org.caselink.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Tests acting as a given user: one role, and an agency for a partner, for the work given. */
public final class SignedIn {

    private SignedIn() {}

    /** Runs as a user with one role (and an agency for a partner). */
    public static <T> T as(String user, UserRole role, @Nullable String agency, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        if (agency != null) {
            authorities.add(new SimpleGrantedAuthority(Viewer.AGENCY_PREFIX + agency));
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a", authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            var restore = SecurityContextHolder.createEmptyContext();
            restore.setAuthentication(previous);
            SecurityContextHolder.setContext(restore);
        }
    }
}
