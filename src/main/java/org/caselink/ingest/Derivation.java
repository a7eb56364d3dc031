package org.caselink.ingest;

import java.time.Duration;
import java.util.Map;

/**
 * What the refresh after an import derived, when it ran in the importing thread (the commands):
 * how long it took from its start to the last derived link written, and where that time went
 * (milliseconds per step, in the order the steps ran). An import's summary includes it, so that
 * its rate counts the whole import, derived links too; in the web service the refresh runs in the
 * background instead ({@link #background()}).
 */
public record Derivation(Duration took, Map<String, Long> stepsMs, boolean inBackground) {

    public Derivation {
        stepsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stepsMs));
    }

    /** The refresh was asked for and runs in the background: the import returns before it ends. */
    public static Derivation background() {
        return new Derivation(Duration.ZERO, Map.of(), true);
    }
}
