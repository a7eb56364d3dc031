package org.caselink.analysis;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Network detection after imports, off the importing thread and coalesced: however many imports
 * ask while a run is going, one more run follows it, not one each. At most one run at a time and
 * one waiting. {@link #refreshing()} says whether a run is going or waiting, so answers that read
 * derived links (networks, case pairs) can say that they are being refreshed.
 */
final class NetworkRefresher {

    private static final Logger log = LoggerFactory.getLogger(NetworkRefresher.class);

    private final Runnable refresh;
    private final ExecutorService worker;
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong runs = new AtomicLong();

    NetworkRefresher(Runnable refresh) {
        this.refresh = refresh;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "network-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a run; returns at once. Nothing is queued when a run is already waiting. */
    void request() {
        if (waiting.compareAndSet(false, true)) {
            worker.execute(this::run);
        }
    }

    private void run() {
        running.set(true);
        // From here on a new request queues the next run: it may bring what this one does not see.
        waiting.set(false);
        try {
            refresh.run();
        } catch (java.util.concurrent.CancellationException e) {
            log.info("{} for the shutdown; the next start runs it again", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Network detection after an import failed; the previous networks stay: {}", e.getMessage(), e);
        } finally {
            runs.incrementAndGet();
            running.set(false);
        }
    }

    /** Whether a run is going or waiting to start. */
    boolean refreshing() {
        return waiting.get() || running.get();
    }

    /** Runs finished (succeeded or failed) since start. */
    long runs() {
        return runs.get();
    }

    /** Waits until no run is going or waiting, at most {@code timeout}; true when idle. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (refreshing()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * At shutdown: the run going is interrupted (its transaction rolls back whole) and a waiting
     * one dropped; the request stays in the graph, so the next start runs it (see {@code AfterImport}).
     * A stop must not wait for a whole-graph pass: the service has 10 s to go.
     */
    void stop() throws InterruptedException {
        worker.shutdownNow();
        waiting.set(false);
        if (!worker.awaitTermination(3, TimeUnit.SECONDS)) {
            log.warn("Network detection still running 3 s after it was told to stop");
        }
    }
}
