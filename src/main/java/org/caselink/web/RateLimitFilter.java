package org.caselink.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code requestsPerMinute} API requests a minute per client, with bursts of up to
 * {@code burst}; past that, 429 with {@code Retry-After} and a small GraphQL-shaped JSON error,
 * before the request reaches GraphQL (so no Cypher runs). A client is its user when one is
 * authenticated, else its address. Buckets live in memory, one JVM's worth: behind a load balancer
 * with several instances each counts on its own.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    /** Header on every answered request: what is left of the client's bucket. */
    static final String REMAINING = "X-Rate-Limit-Remaining";

    private final long requestsPerMinute;
    private final long burst;
    private final Cache<String, Bucket> buckets;

    RateLimitFilter(long requestsPerMinute, long burst, long maxClients) {
        this.requestsPerMinute = requestsPerMinute;
        this.burst = burst;
        // A bucket left alone until full again is the same as a new one, so it may be forgotten then.
        Duration refillFully = Duration.ofMillis(Math.max(1, 60_000L * burst / requestsPerMinute));
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(refillFully.plusMinutes(1))
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var probe = buckets.get(client(request), k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader(REMAINING, Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setHeader(REMAINING, "0");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"errors\":[{\"message\":\"too many requests: at most " + requestsPerMinute
                        + " a minute; retry after " + seconds
                        + " s\",\"extensions\":{\"classification\":\"TOO_MANY_REQUESTS\",\"limit\":\"rate\"}}]}");
    }

    /**
     * The user's name when authenticated, else the client's address. With Spring Security in front
     * (this filter runs after its chain), {@code getUserPrincipal()} is the {@code Authentication}
     * of {@code SecurityContextHolder}: its servlet API integration wraps the request so. To read
     * {@code SecurityContextHolder.getContext().getAuthentication()} directly instead, change this
     * one method.
     */
    static String client(HttpServletRequest request) {
        var user = request.getUserPrincipal();
        return user != null && user.getName() != null ? "user:" + user.getName() : "address:" + request.getRemoteAddr();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)))
                .build();
    }

    /** Forgets every client's bucket (tests). */
    void reset() {
        buckets.invalidateAll();
    }
}
