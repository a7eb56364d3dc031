package org.caselink.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caselink.ingest.BatchCommitted;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Registered for every application the tests start (src/test/resources/META-INF/spring.factories)
 * and inert unless a child JVM's import is started with these system properties: once
 * {@code caselink.test.hold-after} batches have committed, writes how many (batches and records)
 * to the file {@code caselink.test.hold-marker} and holds the import's writer there, so that the
 * test kills an import that is certainly mid-way, at a point it knows, instead of after a sleep
 * (or, with {@code caselink.test.release-marker}, kills the database under it and lets it go on).
 */
public class HoldAfterBatches implements ApplicationListener<ApplicationEvent> {

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (!(event instanceof PayloadApplicationEvent<?> p) || !(p.getPayload() instanceof BatchCommitted b)) {
            return;
        }
        if (b.batches() < Long.getLong("caselink.test.hold-after", Long.MAX_VALUE)) {
            return;
        }
        try {
            Path marker = Path.of(System.getProperty("caselink.test.hold-marker"));
            Path written = Files.writeString(
                    marker.resolveSibling(marker.getFileName() + ".tmp"), b.batches() + " " + b.records());
            Files.move(written, marker, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            // Held until killed, or with caselink.test.release-marker until that file appears.
            String release = System.getProperty("caselink.test.release-marker");
            if (release == null) {
                Thread.currentThread().join(); // until killed
            }
            org.awaitility.Awaitility.await().forever().until(() -> Files.exists(Path.of(release)));
            System.clearProperty("caselink.test.hold-after");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
