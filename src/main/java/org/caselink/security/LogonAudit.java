package org.caselink.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-ins into the audit trail. Every failure is recorded (with the user name it claimed, for
 * HTTP Basic). A success is recorded the first time a user is seen within
 * {@code caselink.audit.logon-window} (15 min by default): with stateless sign-in every request
 * signs in again, and every request's operation is recorded with its user anyway.
 */
@Component
class LogonAudit {

    private final SecurityAudit audit;
    private final SignInThrottle throttle;
    private final Cache<String, Boolean> recent;

    LogonAudit(SecurityAudit audit, SignInThrottle throttle, org.caselink.audit.AuditProperties auditSettings) {
        Duration window = auditSettings.logonWindow();
        this.audit = audit;
        this.throttle = throttle;
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .build();
    }

    OncePerRequestFilter successFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
                    Viewer viewer = Viewer.of(auth);
                    String key = viewer.user() + "|" + viewer.roles() + "|" + viewer.agency();
                    if (recent.getIfPresent(key) == null) {
                        audit.logon(viewer.user(), viewer.agency(), true, Map.of("reason", "signed in"));
                        recent.put(key, true);
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /**
     * The entry point that answers 401, recording the failed sign-in first; or 429 unrecorded (but
     * counted) when the client's address has failed too often, see {@link SignInThrottle}.
     */
    AuthenticationEntryPoint failures(AuthenticationEntryPoint entry) {
        return (request, response, e) -> {
            String reason = e.getMessage() == null ? "refused" : e.getMessage();
            if (throttle.failed(request, response, claimedUser(request), reason)) {
                entry.commence(request, response, e);
            }
        };
    }

    /** Before authentication: refuses addresses that have failed too often, see {@link SignInThrottle}. */
    OncePerRequestFilter throttleFilter() {
        return throttle.filter();
    }

    AccessDeniedHandler deniedHandler() {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return (request, response, e) -> {
            Viewer viewer = Viewer.of(SecurityContextHolder.getContext().getAuthentication());
            audit.denied(viewer, request.getMethod() + " " + request.getRequestURI(), "role not permitted");
            forbidden.handle(request, response, e);
        };
    }

    /** The user name of a Basic header, or "anonymous" (the password is never read or kept). */
    static String claimedUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String user = colon < 0 ? decoded : decoded.substring(0, colon);
                return user.length() > 100 ? user.substring(0, 100) : user;
            } catch (IllegalArgumentException e) {
                return "anonymous";
            }
        }
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? "bearer-token" : "anonymous";
    }
}
