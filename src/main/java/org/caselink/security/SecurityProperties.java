package org.caselink.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing in.
 *
 * @param mode demo (HTTP Basic demo accounts, 127.0.0.1 only) or jwt (OAuth2 bearer tokens); auto:
 *     demo when embedded over the demo data or an empty database, jwt with NEO4J_URI
 * @param allowedHosts the host names requests may name; others get 400 (DNS rebinding guard)
 * @param scopeTtl how long a user's scope is cached (sharing and assignment changes drop it at
 *     once on the replica that made them)
 * @param jwt jwt mode: the claims that name the user, the roles and the agency, and the issuer
 * @param signInFailures failed sign-ins an address may make before it gets 429
 */
@ConfigurationProperties("caselink.security")
public record SecurityProperties(
        @DefaultValue("auto") String mode,
        @DefaultValue({"localhost", "127.0.0.1", "::1"}) List<String> allowedHosts,
        @DefaultValue("10s") Duration scopeTtl,
        @DefaultValue Jwt jwt,
        @DefaultValue SignInFailures signInFailures) {

    /**
     * Bound straight from the environment, for the checks that run before the beans exist (the
     * mode decides which beans there are).
     */
    public static SecurityProperties of(org.springframework.core.env.Environment env) {
        return org.springframework.boot.context.properties.bind.Binder.get(env)
                .bindOrCreate("caselink.security", SecurityProperties.class);
    }

    /**
     * Bearer tokens.
     *
     * @param userClaim the claim that names the user
     * @param rolesClaim the claim that lists the roles (a list or a space-separated string)
     * @param agencyClaim the claim that names the user's agency
     * @param issuer the issuer every token's iss must name, when keys are configured without an
     *     issuer URI
     */
    public record Jwt(
            @DefaultValue("sub") String userClaim,
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("agency") String agencyClaim,
            @DefaultValue("") String issuer) {}

    /**
     * A token bucket of failed sign-ins per client address.
     *
     * @param burst failed sign-ins an address may make at once
     * @param perMinute failed sign-ins an address may make a minute after that
     * @param quiet after this long without a failure, the refusals counted are recorded in one event
     */
    public record SignInFailures(
            @DefaultValue("20") long burst,
            @DefaultValue("10") long perMinute,
            @DefaultValue("1m") Duration quiet) {}
}
