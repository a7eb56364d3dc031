package org.caselink.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed sign-ins, limited per client address before anything is written. Each address may fail
 * {@code caselink.security.sign-in-failures.burst} times at once and then
 * {@code per-minute} times a minute; past that its requests are answered 429 before
 * authentication is tried (valid credentials included, until the budget refills) and are counted,
 * not recorded one by one. The count goes into the next failure recorded for that address, or into
 * one {@code LOGON_THROTTLED} event when the address has been quiet for a minute. So a loop of
 * anonymous or wrong-password requests writes a bounded number of audit events a minute per
 * address, and no refused request goes uncounted.
 *
 * <p>Addresses are the servlet's remote address: behind a reverse proxy set
 * {@code server.forward-headers-strategy} so that it is the client's, not the proxy's.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** An address's budget of failures and the requests refused since its last recorded event. */
    private static final class Client {
        final Bucket bucket;
        final AtomicLong refused = new AtomicLong();
        volatile String lastClaimed = "anonymous";

        Client(Bucket bucket) {
            this.bucket = bucket;
        }
    }

    private final SecurityAudit audit;
    private final long perMinute;
    private final long burst;
    private final Cache<String, Client> clients;

    SignInThrottle(SecurityAudit audit, SecurityProperties settings) {
        Duration quiet = settings.signInFailures().quiet();
        this.audit = audit;
        this.perMinute = settings.signInFailures().perMinute();
        this.burst = settings.signInFailures().burst();
        this.clients = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(quiet)
                .scheduler(Scheduler.systemScheduler())
                // Removal writes the pending count: on the thread that removes, so none is lost at close.
                .executor(Runnable::run)
                .removalListener((String address, Client client, RemovalCause cause) -> {
                    if (address != null && client != null) {
                        flush(address, client);
                    }
                })
                .build();
    }

    private Client client(String address) {
        return clients.get(
                address,
                a -> new Client(Bucket.builder()
                        .addLimit(l -> l.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)))
                        .build()));
    }

    /** Before authentication: an address whose budget is spent is refused without a word written. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Client client = clients.getIfPresent(request.getRemoteAddr());
                if (client != null && client.bucket.getAvailableTokens() < 1) {
                    client.refused.incrementAndGet();
                    client.lastClaimed = LogonAudit.claimedUser(request);
                    refuse(response, client);
                    return;
                }
                chain.doFilter(request, response);
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return request.getRequestURI().equals("/actuator/health");
            }
        };
    }

    /**
     * A sign-in failed: records it when the address has budget left (with the number of its
     * requests refused since the last record) and returns true; otherwise counts it, answers 429
     * and returns false.
     */
    boolean failed(HttpServletRequest request, HttpServletResponse response, String claimed, String reason)
            throws IOException {
        String address = request.getRemoteAddr();
        Client client = client(address);
        if (!client.bucket.tryConsume(1)) {
            client.refused.incrementAndGet();
            client.lastClaimed = claimed;
            refuse(response, client);
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        details.put("address", address);
        long refused = client.refused.getAndSet(0);
        if (refused > 0) {
            details.put("refusedSinceLastRecord", refused);
        }
        audit.logon(claimed, null, false, details);
        return true;
    }

    private void flush(String address, Client client) {
        long refused = client.refused.getAndSet(0);
        if (refused == 0) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", "too many failed sign-ins from this address");
        details.put("address", address);
        details.put("refusedSinceLastRecord", refused);
        try {
            audit.throttled(client.lastClaimed, details);
        } catch (RuntimeException e) {
            log.error("Could not record {} sign-in attempts refused from {}", refused, address, e);
        }
    }

    private void refuse(HttpServletResponse response, Client client) throws IOException {
        long nanos = client.bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"errors\":[{\"message\":\"too many failed sign-ins from this address: retry after " + seconds
                        + " s\",\"extensions\":{\"classification\":\"TOO_MANY_REQUESTS\",\"limit\":\"sign-in\"}}]}");
    }

    /** Writes every pending count and forgets every address (tests, and shutdown). */
    void flushAll() {
        clients.invalidateAll();
        clients.cleanUp();
    }
}
