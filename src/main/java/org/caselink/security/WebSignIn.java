package org.caselink.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in to the web app (served at {@code /}): a session cookie instead of credentials on
 * every request, so it needs CSRF protection, which the stateless API ({@link SecurityConfiguration})
 * does not. This chain takes only the browser's requests:
 * <ul>
 *   <li>{@code GET /api/session} (who is signed in, 401 when nobody), {@code POST /signin} (a form
 *       with {@code username} and {@code password}, demo mode only) and {@code POST /signout};
 *   <li>{@code /graphql} when the request has no {@code Authorization} header but the session
 *       cookie, a CSRF header or {@code X-Requested-With}: the app's GraphQL calls. A request with credentials of its own
 *       (HTTP Basic, a bearer token) goes to the API's chain and never uses a session.
 * </ul>
 * Every state-changing request here must carry the {@code XSRF-TOKEN} cookie's value in the
 * {@code X-XSRF-TOKEN} header (Spring Security's single-page-app CSRF support): another site's page
 * can make the browser send the cookie but cannot read it. The cookie itself is
 * {@code HttpOnly; SameSite=Strict} ({@code server.servlet.session.cookie.*}), and the session ends
 * after {@code server.servlet.session.timeout} (15 min) without a request. Sign-ins, failures
 * (throttled per address like HTTP Basic's) and sign-outs are in the audit trail. In jwt mode there is
 * no password sign-in: the app signs in with OpenID Connect against the configured issuer, see
 * {@link #openIdConnect}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSignIn {

    static final String SIGN_IN = "/signin";
    static final String SIGN_OUT = "/signout";
    static final String SESSION = "/api/session";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    /** jwt mode: the client registration the web app signs in with (spring.security.oauth2.client.registration.caselink.*). */
    static final String REGISTRATION = "caselink";

    static final String AUTHORIZATION = "/oauth2/authorization";
    static final String CALLBACK = "/login/oauth2/code/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Before the API's chain (which has no order, so comes last). */
    @Bean
    @Order(1)
    SecurityFilterChain webApp(
            HttpSecurity http,
            Environment env,
            LogonAudit logons,
            SignInThrottle throttle,
            SecurityAudit audit,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath,
            @Value("${server.servlet.session.cookie.name:CASELINK_SESSION}") String sessionCookie,
            ObjectProvider<ClientRegistrationRepository> registrations)
            throws Exception {
        String mode = SecurityConfiguration.mode(env);
        AuthenticationEntryPoint notSignedIn = (request, response, e) ->
                json(response, HttpServletResponse.SC_UNAUTHORIZED, Map.of("error", "not signed in", "mode", mode));
        http.securityMatcher(browser(graphQlPath, sessionCookie))
                .authorizeHttpRequests(
                        a -> a.requestMatchers(SESSION, SIGN_IN, SIGN_OUT, AUTHORIZATION + "/**", CALLBACK + "**")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.changeSessionId()))
                .csrf(c -> c.spa())
                .httpBasic(b -> b.disable())
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(notSignedIn).accessDeniedHandler(logons.deniedHandler()))
                .logout(l -> l.logoutUrl(SIGN_OUT).logoutSuccessHandler((request, response, auth) -> {
                    if (auth != null) {
                        Viewer viewer = Viewer.of(auth);
                        audit.record(
                                viewer, "auth", "LOGOFF", "SUCCESS", Map.of("reason", "signed out of the web app"));
                    }
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                }))
                .addFilterAfter(logons.throttleFilter(), HeaderWriterFilter.class);
        SecurityConfiguration.hardenHeaders(http);
        if (mode.equals("demo")) {
            // loginPage("/"): the app's own screen, so Spring generates no login page of its own.
            http.formLogin(f -> f.loginPage("/")
                    .loginProcessingUrl(SIGN_IN)
                    .successHandler((request, response, auth) -> {
                        signedIn(audit, auth);
                        json(response, HttpServletResponse.SC_OK, describe(request, auth, mode));
                    })
                    .failureHandler((request, response, e) -> {
                        String user = request.getParameter("username");
                        String claimed = user == null ? "anonymous" : user.substring(0, Math.min(100, user.length()));
                        if (throttle.failed(request, response, claimed, "web app: " + e.getMessage())) {
                            json(
                                    response,
                                    HttpServletResponse.SC_UNAUTHORIZED,
                                    Map.of("error", "wrong user name or password"));
                        }
                    }));
        } else {
            http.formLogin(f -> f.disable());
            ClientRegistrationRepository clients = registrations.getIfAvailable();
            if (clients != null && clients.findByRegistrationId(REGISTRATION) != null) {
                openIdConnect(http, clients, SecurityProperties.of(env).jwt(), throttle, audit);
            }
        }
        return http.build();
    }

    /**
     * jwt mode: the OpenID Connect authorization-code flow with PKCE against the issuer of the
     * client registration {@value #REGISTRATION} ({@code spring.security.oauth2.client.*}). The
     * app's sign-in button goes to {@code /oauth2/authorization/caselink}; the issuer sends the
     * browser back to {@code /login/oauth2/code/caselink}, where the ID token is checked (issuer,
     * audience, signature, expiry, nonce) and its claims give user, roles and agency exactly as a
     * bearer token's do ({@code caselink.security.jwt.*}).
     */
    private static void openIdConnect(
            HttpSecurity http,
            ClientRegistrationRepository clients,
            SecurityProperties.Jwt claims,
            SignInThrottle throttle,
            SecurityAudit audit)
            throws Exception {
        var requests = new DefaultOAuth2AuthorizationRequestResolver(clients, AUTHORIZATION);
        // PKCE for confidential clients too (Spring adds it by itself only for public ones).
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcUserService users = new OidcUserService();
        http.oauth2Login(o -> o.loginPage("/")
                .authorizationEndpoint(a -> a.authorizationRequestResolver(requests))
                .userInfoEndpoint(u -> u.oidcUserService(request -> {
                    OidcUser user = users.loadUser(request);
                    String name = user.getClaims().get(claims.userClaim()) instanceof String s && !s.isBlank()
                            ? claims.userClaim()
                            : "sub";
                    return new DefaultOidcUser(
                            SecurityConfiguration.authorities(user.getClaims(), claims),
                            user.getIdToken(),
                            user.getUserInfo(),
                            name);
                }))
                .successHandler((request, response, auth) -> {
                    signedIn(audit, auth);
                    response.sendRedirect(request.getContextPath() + "/");
                })
                .failureHandler((request, response, e) -> {
                    if (throttle.failed(request, response, "openid-connect", "web app: " + e.getMessage())) {
                        response.sendRedirect(request.getContextPath() + "/#/signin?failed=1");
                    }
                }));
    }

    /** The requests this chain takes, see the class comment. */
    static RequestMatcher browser(String graphQlPath, String sessionCookie) {
        Set<String> own = Set.of(SIGN_IN, SIGN_OUT, SESSION);
        return request -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (own.contains(path) || path.startsWith(AUTHORIZATION + "/") || path.startsWith(CALLBACK)) {
                return true;
            }
            if (!path.equals(graphQlPath) || request.getHeader("Authorization") != null) {
                return false;
            }
            // The app marks every call (X-Requested-With): even with its cookies gone, a 401 must
            // come from here, without the Basic challenge that would open the browser's own dialog.
            if (request.getHeader(CSRF_HEADER) != null || request.getHeader("X-Requested-With") != null) {
                return true;
            }
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie c : cookies) {
                    if (c.getName().equals(sessionCookie)) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /**
     * Who is signed in, as {@code GET /api/session} and a sign-in answer it, with the CSRF cookie
     * the app sends back with its next write.
     */
    static Map<String, Object> describe(HttpServletRequest request, Authentication auth, String mode) {
        writeCsrfCookie(request);
        Viewer viewer = Viewer.of(auth);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", viewer.user());
        body.put("roles", viewer.roles().stream().map(Enum::name).sorted().toList());
        body.put("agency", viewer.agency());
        body.put("mode", mode);
        var session = request.getSession(false);
        body.put("idleTimeoutSeconds", session == null ? null : session.getMaxInactiveInterval());
        return body;
    }

    /** A sign-in to the web app, into the audit trail (either way of signing in). */
    private static void signedIn(SecurityAudit audit, Authentication auth) {
        Viewer viewer = Viewer.of(auth);
        audit.logon(viewer.user(), viewer.agency(), true, Map.of("reason", "signed in to the web app"));
    }

    /** Loads the request's CSRF token, which is what writes its cookie (Spring loads it lazily). */
    static void writeCsrfCookie(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }

    static void json(HttpServletResponse response, int status, Map<String, ?> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
