package org.caselink.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /api/session}: who is signed in to the web app (user, roles, agency, the idle
 * timeout), or 401 with the sign-in mode when nobody is. Either answer writes the CSRF cookie the
 * app sends back with its next write, see {@link WebSignIn}.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionController {

    private final String mode;

    SessionController(Environment env) {
        this.mode = SecurityConfiguration.mode(env);
    }

    @GetMapping(WebSignIn.SESSION)
    void session(HttpServletRequest request, HttpServletResponse response, Authentication auth) throws IOException {
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            WebSignIn.writeCsrfCookie(request);
            WebSignIn.json(
                    response, HttpServletResponse.SC_UNAUTHORIZED, Map.of("error", "not signed in", "mode", mode));
            return;
        }
        WebSignIn.json(response, HttpServletResponse.SC_OK, WebSignIn.describe(request, auth, mode));
    }
}
