package org.caselink.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.caselink.audit.AuditLog;
import org.caselink.security.Access;
import org.caselink.security.UserRole;
import org.caselink.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What the fixed cost of a request is made of, each part timed alone inside the running service:
 * a small write flushed to the disk the data lives on (the floor the audit guarantee stands on),
 * the sign-in (BCrypt, and the remembered check that follows it), the scope lookup (computed, and
 * cached) and the audit record (one writer, and eight at once).
 */
final class RequestParts {

    /** A timed part of signing in: its name and median. */
    record Part(String name, double ms) {}

    /**
     * Medians in ms, and the audit trail's events per second with eight writers. {@code signIn}'s
     * last part is what every request pays.
     */
    record Parts(
            double flushMs,
            List<Part> signIn,
            double scopeComputedMs,
            double partnerScopeComputedMs,
            double scopeCachedMs,
            double auditMs,
            double audit8Ms,
            double audit8PerSecond) {}

    private RequestParts() {}

    /** @param token the bearer token in jwt mode, null in demo mode */
    static Parts measure(
            ConfigurableApplicationContext ctx, Path dir, int rounds, PrintWriter console, @Nullable String token)
            throws Exception {
        Reports.say(console, "Timing the parts of a request, %d times each...", rounds);
        double flush = median(rounds, flusher(dir));

        List<Part> signIn = new ArrayList<>();
        if (token == null) {
            String hash = ctx.getBean(UserDetailsService.class)
                    .loadUserByUsername("casemanager")
                    .getPassword();
            BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
            signIn.add(new Part(
                    "sign-in: BCrypt (cost 4) of a demo password",
                    median(rounds, () -> check(bcrypt.matches("casemanager-demo", hash)))));
            PasswordEncoder service = ctx.getBean(PasswordEncoder.class);
            check(service.matches("casemanager-demo", hash));
            signIn.add(new Part(
                    "sign-in: the same password again (remembered)",
                    median(rounds, () -> check(service.matches("casemanager-demo", hash)))));
        } else {
            JwtDecoder decoder = ctx.getBean(JwtDecoder.class);
            signIn.add(new Part(
                    "sign-in: the bearer token's RS256 signature and claims checked",
                    median(rounds, () -> decoder.decode(token))));
        }

        Access access = ctx.getBean(Access.class);
        Viewer casemanager = new Viewer("casemanager", Set.of(UserRole.CASE_MANAGER), null);
        Viewer partner = new Viewer("partner-a", Set.of(UserRole.LE_PARTNER), "AGENCY-A");
        double computed = median(rounds, () -> {
            access.invalidate();
            access.scope(casemanager);
        });
        double partnerComputed = median(rounds, () -> {
            access.invalidate();
            access.scope(partner);
        });
        access.scope(casemanager);
        double cached = median(rounds, () -> access.scope(casemanager));

        AuditLog audit = ctx.getBean(AuditLog.class);
        Map<String, Object> details = Map.of("operation", "benchmark", "returnedIds", List.of());
        double one = median(rounds, () -> audit.append("graphql", "QUERY", "benchmark", null, "SUCCESS", details));
        List<Double> eight = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger left = new AtomicInteger(rounds * 8);
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (left.getAndDecrement() > 0) {
                    long s = System.nanoTime();
                    audit.append("graphql", "QUERY", "benchmark", null, "SUCCESS", details);
                    eight.add((System.nanoTime() - s) / 1e6);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double perSecond = rounds * 8 / ((System.nanoTime() - t0) / 1e9);
        var parts = new Parts(
                flush,
                signIn,
                computed,
                partnerComputed,
                cached,
                one,
                Reports.Spread.of(eight).medianMs(),
                perSecond);
        Reports.say(console, "  %s", parts);
        return parts;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double median(int rounds, Step step) throws Exception {
        for (int i = 0; i < Math.min(rounds, 50); i++) {
            step.run(); // warm-up
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            step.run();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return Reports.Spread.of(ms).medianMs();
    }

    /** A 4 KiB write and its flush (fdatasync), as the audit journal does, into a file beside the database. */
    private static Step flusher(Path dir) throws IOException {
        Path file = dir.resolve("flush-probe");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        ByteBuffer block = ByteBuffer.allocate(4096);
        return () -> {
            block.rewind();
            ch.write(block);
            ch.force(false);
            if (ch.size() > (64 << 20)) {
                ch.truncate(0);
            }
        };
    }

    private static void check(boolean right) {
        if (!right) {
            throw new IllegalStateException("the demo password did not match its hash");
        }
    }

    static void markdown(StringBuilder md, Parts p) {
        StringBuilder rows = new StringBuilder();
        for (Part part : p.signIn()) {
            rows.append(String.format(java.util.Locale.ROOT, "| %s | %.3f |%n", part.name(), part.ms()));
        }
        double perRequest = p.signIn().getLast().ms() + p.scopeCachedMs() + p.auditMs();
        md.append(String.format(
                java.util.Locale.ROOT,
                """

                ## What the fixed cost is made of

                Each part timed alone inside the same service, medians. A small write flushed to this disk
                (4 KiB, `fdatasync`, as the audit journal does) takes **%.2f ms**: the floor under "no answer
                before its audit record is durable".

                | part | median ms |
                |---|---:|
                %s| scope of `casemanager`, computed | %.3f |
                | scope of `partner-a`, computed | %.3f |
                | scope, cached (every request within `scope-ttl`) | %.3f |
                | audit record, one writer (flush included) | %.3f |
                | audit record, eight writers at once (flush shared) | %.3f |

                Eight writers store %,.0f audit events per second. A request at one client pays the sign-in,
                the cached scope and one audit record: %.2f ms in all, the flush (%.2f ms alone) included.
                """,
                p.flushMs(),
                rows,
                p.scopeComputedMs(),
                p.partnerScopeComputedMs(),
                p.scopeCachedMs(),
                p.auditMs(),
                p.audit8Ms(),
                p.audit8PerSecond(),
                perRequest,
                p.flushMs()));
    }
}
