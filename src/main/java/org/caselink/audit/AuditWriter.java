package org.caselink.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit by one writer thread: callers queue their event and wait; the writer takes every
 * event waiting (up to {@link #GROUP}), has the {@link Sink} number, chain and store them durably
 * in one go, and wakes each caller with its own event. One flush serves many requests, and no
 * caller polls. Apart from the log because the queue and the hand-over are a concurrency
 * mechanism of their own, the same for both sinks.
 */
final class AuditWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

    /** Events stored together at most. */
    static final int GROUP = 500;

    /** Where a group of events goes: it numbers and chains them, and returns once they are durable. */
    interface Sink {
        List<AuditEvent> store(List<Pending> group);
    }

    /** An event waiting to be stored (its fields checked, its details canonical JSON), and its caller's wait. */
    record Pending(
            String component,
            String type,
            String user,
            @Nullable String agency,
            String outcome,
            String details,
            CompletableFuture<AuditEvent> stored) {}

    private static final Pending STOP = new Pending("", "", "", null, "", "", new CompletableFuture<>());

    private final Sink sink;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private boolean closed;

    AuditWriter(Sink sink, String name) {
        this.sink = sink;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
        thread.start();
    }

    /** Stores one event and returns it with its seq and hashes once it is durable; throws when it could not be. */
    AuditEvent store(
            String component, String type, String user, @Nullable String agency, String outcome, String details) {
        Pending mine = new Pending(component, type, user, agency, outcome, details, new CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the audit trail is closed (the service is stopping)");
            }
            queue.add(mine);
        }
        try {
            return mine.stored().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audit event was being stored", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>(GROUP);
        while (true) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                // Only close() stops the writer, by the STOP marker, after every event before it.
                continue;
            }
            queue.drainTo(group, GROUP - 1);
            boolean stop = group.removeIf(p -> p == STOP);
            if (!group.isEmpty()) {
                try {
                    List<AuditEvent> stored = sink.store(group);
                    for (int k = 0; k < group.size(); k++) {
                        group.get(k).stored().complete(stored.get(k));
                    }
                } catch (RuntimeException | Error e) {
                    group.forEach(p -> p.stored().completeExceptionally(e));
                }
            }
            group.clear();
            if (stop) {
                // Anything queued behind the marker came before close() returned to its caller: fail it.
                queue.forEach(
                        p -> p.stored().completeExceptionally(new IllegalStateException("the audit trail is closed")));
                return;
            }
        }
    }

    /** Stores every event queued so far, then stops the writer; later appends are refused. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("The audit writer did not finish within 30 s of the stop");
        }
    }
}
