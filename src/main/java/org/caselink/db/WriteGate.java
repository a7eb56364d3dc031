package org.caselink.db;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.stereotype.Component;

/**
 * Lets a backup stop the service's writes for a moment: every write transaction of {@link Graph}
 * passes the gate (many at once), and {@link #pause} waits for those in flight to finish and holds
 * new ones until it is closed. Reads pass freely; a read that records an audit event waits with the
 * writes, since no answer leaves before its audit event is stored. Fair, so a waiting pause is not
 * starved by a stream of writes, and writes wait in arrival order behind it.
 */
@Component
public class WriteGate {

    /** How long a write waits at a closed gate before it gives up (a pause lasts well under this). */
    static final Duration WRITE_WAIT = Duration.ofMinutes(2);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    /** Held by the caller until closed; writes wait meanwhile. */
    public interface Paused extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits up to {@code wait} for the writes in flight to finish, then holds every new write until
     * the returned pause is closed.
     *
     * @throws IllegalStateException when the writes in flight did not finish within {@code wait}
     */
    public Paused pause(Duration wait) throws InterruptedException {
        if (!lock.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("writes in flight did not finish within " + wait + "; nothing was paused");
        }
        return () -> lock.writeLock().unlock();
    }

    /** Whether a pause holds the gate now. */
    public boolean paused() {
        return lock.isWriteLocked();
    }

    void enter() {
        try {
            if (!lock.readLock().tryLock(WRITE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("writes have been paused (a backup) for over " + WRITE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writes were paused", e);
        }
    }

    void exit() {
        lock.readLock().unlock();
    }
}
