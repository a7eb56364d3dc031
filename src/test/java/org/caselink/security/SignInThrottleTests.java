package org.caselink.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.caselink.DatabaseProperties;
import org.caselink.HttpApi;
import org.caselink.IntegrationTest;
import org.caselink.audit.AuditEvent;
import org.caselink.audit.AuditLog;
import org.caselink.audit.AuditQuery;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15 item 9: a loop of anonymous requests used to append one sign-in failure each to the
 * audit trail, before any rate limit. Now the address's failures are limited before anything is
 * written, and every refused request is still counted in the trail.
 */
@IntegrationTest
class SignInThrottleTests extends DatabaseProperties {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    SignInThrottle throttle;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The test's loop must not lock the other tests, which share the address, out of the service. */
    @AfterEach
    void forgetAddresses() {
        throttle.flushAll();
    }

    private int post(@Nullable String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private List<AuditEvent> since(long seq, String type) {
        return audit.query(new AuditQuery(null, type, null, null, null, null, 1000)).stream()
                .filter(e -> e.seq() > seq)
                .toList();
    }

    private static long refusedIn(List<AuditEvent> events) {
        return events.stream()
                .mapToLong(e -> ((Number) e.details().getOrDefault("refusedSinceLastRecord", 0)).longValue())
                .sum();
    }

    @Test
    void aLoopOfAnonymousRequestsWritesABoundedTrailAndEveryRequestIsCounted() throws Exception {
        throttle.flushAll();
        long start = audit.query(AuditQuery.newest(1)).getFirst().seq();
        int unauthorized = 0;
        int tooMany = 0;
        for (int i = 0; i < 300; i++) {
            int status = post(
                    i % 2 == 0
                            ? null
                            : "Basic "
                                    + java.util.Base64.getEncoder()
                                            .encodeToString(("analyst:guess-" + i)
                                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            if (status == 401) {
                unauthorized++;
            } else {
                assertThat(status).as("request %d", i).isEqualTo(429);
                tooMany++;
            }
        }
        // 20 at once, then 10 a minute: the loop takes seconds, so at most a token or two comes back.
        assertThat(unauthorized).isBetween(20, 23);
        List<AuditEvent> failures = since(start, "LOGON_FAILURE");
        assertThat(failures).hasSize(unauthorized);
        assertThat(failures).allSatisfy(e -> assertThat(e.details()).containsEntry("address", "127.0.0.1"));

        // The address is refused before its credentials are read, good ones included, until it refills.
        assertThat(post(HttpApi.authorization())).isEqualTo(429);
        tooMany++;

        // Quiet (here: forgotten at once), the address's refused requests are written as one event.
        throttle.flushAll();
        List<AuditEvent> throttled = since(start, "LOGON_THROTTLED");
        assertThat(throttled).hasSize(1);
        assertThat(throttled.getFirst().details()).containsEntry("address", "127.0.0.1");
        assertThat(refusedIn(failures) + refusedIn(throttled))
                .as("every refused request counted")
                .isEqualTo(tooMany);
        assertThat(since(start, null).size())
                .as("events written for 301 requests")
                .isLessThanOrEqualTo(unauthorized + 1);

        // Forgotten, the address signs in again.
        assertThat(post(HttpApi.authorization())).isEqualTo(200);
    }
}
