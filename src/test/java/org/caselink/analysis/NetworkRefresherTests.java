package org.caselink.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The background refresh after imports, by itself: coalesced (many requests during a run make one
 * more run, not one each), one at a time, and saying while it is under way. The service end to
 * end (an import answered before detection ends) is in {@code LockedDownApiTests}.
 */
class NetworkRefresherTests {

    @Test
    void requestsDuringARunAreCoalescedIntoOneMoreRun() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        NetworkRefresher refresher = new NetworkRefresher(() -> {
            most.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
            }
        });
        try {
            assertThat(refresher.refreshing()).isFalse();
            refresher.request();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(refresher.refreshing()).isTrue();
            for (int i = 0; i < 50; i++) {
                refresher.request();
            }
            release.countDown();
            assertThat(refresher.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(refresher.runs())
                    .as("the first run and one for the 50 requests made during it")
                    .isEqualTo(2);
            assertThat(most.get()).as("runs at the same time").isEqualTo(1);
            assertThat(refresher.refreshing()).isFalse();
        } finally {
            refresher.stop();
        }
    }

    /**
     * A stop interrupts the run going, which stops at its next step (as NetworkDetection does
     * between its steps): the stop does not wait for a whole-graph pass, however long that is.
     */
    @Test
    void aStopEndsTheRunGoingAtItsNextStep() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger steps = new AtomicInteger();
        NetworkRefresher refresher = new NetworkRefresher(() -> {
            started.countDown();
            // A long pass of short steps, each checking for a stop before it starts.
            for (int step = 0; step < 1_000_000; step++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.util.concurrent.CancellationException("stopped before step " + step);
                }
                steps.incrementAndGet();
                long until = System.nanoTime() + 1_000_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
        });
        refresher.request();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        refresher.stop();
        // Had the run not stopped, stop() would have given up waiting for it after 3 s, and it
        // would still be running here (for the rest of its 1,000 s).
        assertThat(refresher.refreshing()).isFalse();
        assertThat(refresher.runs()).isEqualTo(1);
        assertThat(steps.get()).isLessThan(1_000_000);
    }

    @Test
    void aFailedRunIsLoggedAndTheNextRequestRunsAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        NetworkRefresher refresher = new NetworkRefresher(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database unavailable");
            }
        });
        try {
            refresher.request();
            assertThat(refresher.awaitIdle(Duration.ofSeconds(10))).isTrue();
            refresher.request();
            assertThat(refresher.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(calls.get()).isEqualTo(2);
            assertThat(refresher.runs()).isEqualTo(2);
        } finally {
            refresher.stop();
        }
    }
}
