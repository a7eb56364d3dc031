package org.caselink.security;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Sign-in. Two modes ({@code caselink.security.mode}):
 * <ul>
 *   <li><b>jwt</b>: an OAuth2 resource server. Tokens are checked against the issuer or keys set
 *       by Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} properties; roles and
 *       agency come from claims ({@code caselink.security.jwt.*}). The service refuses to start in
 *       this mode without an issuer or keys.
 *   <li><b>demo</b>: the documented local accounts over HTTP Basic, for the embedded demo only; the
 *       server then listens on 127.0.0.1 alone.
 * </ul>
 * {@code auto} (the default) is demo in embedded mode (no {@code NEO4J_URI}) and jwt otherwise.
 * Nothing is anonymous except the liveness probe {@code /actuator/health}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The demo accounts: user, role, agency. Password: user + "-demo" (published in README.md). */
    static final List<String[]> DEMO_ACCOUNTS = List.of(
            new String[] {"analyst", "ANALYST", ""},
            new String[] {"casemanager", "CASE_MANAGER", ""},
            new String[] {"partner-a", "LE_PARTNER", "AGENCY-A"},
            new String[] {"partner-b", "LE_PARTNER", "AGENCY-B"},
            new String[] {"auditor", "AUDITOR", ""},
            new String[] {"admin", "ADMIN", ""});

    /** The mode in force: "demo" or "jwt". */
    public static String mode(Environment env) {
        String mode = SecurityProperties.of(env).mode().strip().toLowerCase(Locale.ROOT);
        if (mode.equals("auto")) {
            return env.getProperty("spring.neo4j.uri", "").isBlank() ? "demo" : "jwt";
        }
        if (!mode.equals("demo") && !mode.equals("jwt")) {
            throw new IllegalStateException("caselink.security.mode must be auto, demo or jwt, not '" + mode + "'");
        }
        return mode;
    }

    /** In the service only: the commands (import, benchmark...) run without a web server. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain api(HttpSecurity http, Environment env, LogonAudit logons) throws Exception {
        String mode = mode(env);
        boolean demo = mode.equals("demo");
        if (!demo) {
            requireIssuer(env);
        }
        http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/error")
                        .permitAll()
                        // The web app's page and scripts: no data in them, and its sign-in screen is one of them.
                        .requestMatchers(HttpMethod.GET, WEB_APP)
                        .permitAll()
                        .requestMatchers("/api/import")
                        .hasAnyRole(UserRole.ANALYST.name(), UserRole.CASE_MANAGER.name())
                        .requestMatchers("/api/admin/**")
                        .hasRole(UserRole.ADMIN.name())
                        .requestMatchers("/api/cases/**")
                        .hasAnyRole(UserRole.ANALYST.name(), UserRole.CASE_MANAGER.name(), UserRole.LE_PARTNER.name())
                        .anyRequest()
                        .authenticated())
                // Stateless: every request carries its credentials (a token, or Basic in demo mode),
                // so there is no session cookie to forge requests with, and CSRF tokens have nothing to protect.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.accessDeniedHandler(logons.deniedHandler()))
                .addFilterAfter(logons.successFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(logons.throttleFilter(), HeaderWriterFilter.class);
        hardenHeaders(http);
        if (demo) {
            BasicAuthenticationEntryPoint entry = new BasicAuthenticationEntryPoint();
            entry.setRealmName("caselink demo");
            entry.afterPropertiesSet();
            http.httpBasic(b -> b.authenticationEntryPoint(logons.failures(entry)))
                    .exceptionHandling(e -> e.authenticationEntryPoint(logons.failures(entry)));
        } else {
            var entry = logons.failures(new BearerTokenAuthenticationEntryPoint());
            // Bound once here, not per token: the converter runs on every request.
            SecurityProperties.Jwt claimNames = SecurityProperties.of(env).jwt();
            http.httpBasic(b -> b.disable())
                    .oauth2ResourceServer(o -> o.authenticationEntryPoint(entry)
                            .jwt(j -> j.jwtAuthenticationConverter(jwt -> claims(jwt, claimNames))))
                    .exceptionHandling(e -> e.authenticationEntryPoint(entry));
        }
        http.formLogin(f -> f.disable()).logout(l -> l.disable()).anonymous(Customizer.withDefaults());
        return http.build();
    }

    /** The web app's static files (built from web/ into the jar's static/). */
    static final String[] WEB_APP = {"/", "/index.html", "/assets/**", "/favicon.svg"};

    /** The response headers of every answer, the API's and the web app's alike. */
    static void hardenHeaders(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(c ->
                        c.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                                + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none';"
                                + " base-uri 'none'; form-action 'none'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(f -> f.deny())
                .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
    }

    private static void requireIssuer(Environment env) {
        String prefix = "spring.security.oauth2.resourceserver.jwt.";
        boolean configured = List.of("issuer-uri", "jwk-set-uri", "public-key-location").stream()
                .anyMatch(p -> !env.getProperty(prefix + p, "").isBlank());
        if (!configured) {
            throw new IllegalStateException("caselink is not in demo mode (caselink.security.mode="
                    + SecurityProperties.of(env).mode()
                    + ", NEO4J_URI set) and no token issuer is configured: set " + prefix
                    + "issuer-uri (or jwk-set-uri, or public-key-location). See docs/security.md, \"Signing in\".");
        }
        // A token the issuer made for another application must not open this one.
        if (env.getProperty(prefix + "audiences", "").isBlank()) {
            throw new IllegalStateException("caselink is not in demo mode and no token audience is configured: set "
                    + prefix
                    + "audiences to the audience the issuer puts in caselink's tokens (\"aud\"). See docs/security.md,"
                    + " \"Signing in\".");
        }
        // Keys alone do not say whose tokens they are: another issuer sharing a key set (a realm of
        // the same identity provider) must not open this one either.
        if (issuer(env).isBlank()) {
            throw new IllegalStateException(
                    "caselink is not in demo mode and no token issuer name is configured: with "
                            + prefix + "jwk-set-uri or public-key-location, set caselink.security.jwt.issuer"
                            + " (CASELINK_JWT_ISSUER) to the issuer your tokens name (\"iss\"). See docs/security.md, \"Signing in\".");
        }
    }

    /** The issuer tokens must name: caselink.security.jwt.issuer, else the issuer URI. */
    static String issuer(Environment env) {
        String named = SecurityProperties.of(env).jwt().issuer().strip();
        return named.isEmpty()
                ? env.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "")
                        .strip()
                : named;
    }

    /**
     * Every token's {@code iss} must be the configured issuer. Boot checks it by itself only with
     * an issuer URI (and a JWK set URI beside it); with a public key alone it checks nothing of
     * the kind. Boot adds validator beans to the ones it builds. No check in demo mode (no tokens).
     */
    @Bean
    OAuth2TokenValidator<Jwt> issuerValidator(Environment env) {
        String issuer = issuer(env);
        return issuer.isEmpty() ? token -> OAuth2TokenValidatorResult.success() : new JwtIssuerValidator(issuer);
    }

    /** A token's user, roles and agency, from the claims named by caselink.security.jwt.*. */
    static JwtAuthenticationToken claims(Jwt jwt, SecurityProperties.Jwt settings) {
        String user = jwt.getClaimAsString(settings.userClaim());
        return new JwtAuthenticationToken(
                jwt, authorities(jwt.getClaims(), settings), user == null || user.isBlank() ? jwt.getSubject() : user);
    }

    /**
     * The roles and agency that claims grant (a bearer token's, or the ID token of a web sign-in):
     * the roles claim, a list or a space-separated string of caselink's role names (unknown names
     * grant nothing), and the agency claim.
     */
    static List<GrantedAuthority> authorities(java.util.Map<String, Object> claims, SecurityProperties.Jwt settings) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        Object roles = claims.get(settings.rolesClaim());
        Collection<?> names = roles instanceof Collection<?> c
                ? c
                : roles instanceof String s ? List.of(s.split("[\\s,]+")) : List.of();
        for (Object r : names) {
            String name = String.valueOf(r).strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (name.startsWith("ROLE_")) {
                name = name.substring(5);
            }
            for (UserRole known : UserRole.values()) {
                if (known.name().equals(name)) {
                    authorities.add(new SimpleGrantedAuthority(known.authority()));
                }
            }
        }
        Object agency = claims.get(settings.agencyClaim());
        if (agency != null && !String.valueOf(agency).isBlank()) {
            authorities.add(new SimpleGrantedAuthority(
                    Viewer.AGENCY_PREFIX + String.valueOf(agency).strip()));
        }
        return authorities;
    }

    /**
     * The demo accounts, in demo mode only (none otherwise). BCrypt at cost 4: their passwords are
     * published, so a slow hash would protect nothing and would cost every request (HTTP Basic
     * checks the password each time) some 50 ms of CPU.
     */
    @Bean
    UserDetailsService demoAccounts(Environment env) {
        PasswordEncoder encoder = new BCryptPasswordEncoder(4);
        List<UserDetails> users = new ArrayList<>();
        if (mode(env).equals("demo")) {
            for (String[] a : DEMO_ACCOUNTS) {
                List<GrantedAuthority> authorities = new ArrayList<>();
                authorities.add(
                        new SimpleGrantedAuthority(UserRole.valueOf(a[1]).authority()));
                if (!a[2].isEmpty()) {
                    authorities.add(new SimpleGrantedAuthority(Viewer.AGENCY_PREFIX + a[2]));
                }
                users.add(User.withUsername(a[0])
                        .password(encoder.encode(a[0] + "-demo"))
                        .passwordEncoder(p -> p)
                        .authorities(authorities)
                        .build());
            }
        }
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Requests whose Host is not one of {@code caselink.security.allowed-hosts} are refused (400)
     * before anything else runs: against DNS rebinding, where a page of another site reaches a
     * service on the loopback or an internal address under a name it controls. Spring Security's
     * own firewall does the check ({@code StrictHttpFirewall.setAllowedHostnames}); names compare
     * without port and case.
     */
    @Bean
    HttpFirewall firewall(SecurityProperties settings) {
        List<String> hosts = settings.allowedHosts();
        Set<String> allowed = new HashSet<>();
        hosts.forEach(h -> {
            if (!h.isBlank()) {
                allowed.add(hostName(h));
            }
        });
        log.info("Requests are answered for the host names {} (caselink.security.allowed-hosts)", allowed);
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHostnames(name -> name != null && allowed.contains(hostName(name)));
        return firewall;
    }

    /** A host name as compared: lower case, without the brackets of an IPv6 address. */
    static String hostName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.startsWith("[") && n.endsWith("]") ? n.substring(1, n.length() - 1) : n;
    }

    /** BCrypt, with right passwords remembered for ten minutes (see {@link RememberedPasswords} for why that is safe here). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberedPasswords(new BCryptPasswordEncoder(4), Duration.ofMinutes(10));
    }

    /** Demo mode listens on the loopback interface only, whatever server.address says. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> demoOnLoopback(
            Environment env, @Value("${server.address:}") String address) {
        return factory -> {
            if (mode(env).equals("demo")) {
                if (!address.isBlank() && !address.equals("127.0.0.1") && !address.equals("localhost")) {
                    log.warn("Demo mode: ignoring server.address={} and listening on 127.0.0.1 only", address);
                }
                factory.setAddress(InetAddress.getLoopbackAddress());
            }
        };
    }
}
