package org.caselink.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail.
 *
 * @param retention how long audit events are kept
 * @param purgeEvery how often the retention purge runs (first run ten minutes after start)
 * @param logonWindow a user's repeated sign-ins within this window are recorded once
 * @param background run the scheduled retention purge (the tests turn it off)
 * @param journal with the embedded database, write events to a journal on the local disk first
 *     (one flush per group, into the graph behind the answer); off, every event is its own write
 *     transaction in the graph, as in external mode, where this setting is ignored
 */
@ConfigurationProperties("caselink.audit")
public record AuditProperties(
        @DefaultValue("365d") Duration retention,
        @DefaultValue("1d") Duration purgeEvery,
        @DefaultValue("15m") Duration logonWindow,
        @DefaultValue("true") boolean background,
        @DefaultValue("true") boolean journal) {}
