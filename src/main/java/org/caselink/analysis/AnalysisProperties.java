package org.caselink.analysis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Link analysis.
 *
 * @param maxHops most hops a neighbourhood may ask for
 * @param maxPathHops most hops for paths and linkedCases
 * @param hubDegree relationships above which a node is a hub: shown, never expanded, never a link
 *     between cases
 * @param maxVisited nodes a linkedCases search may visit before it stops and says truncated
 * @param timeout time limit of one analysis; beyond it the answer is an error, never a partial one
 * @param concurrency analyses (neighbourhood, paths, linkedCases) running at once; 0: one per core.
 *     The others wait their turn, their time limit not yet running
 * @param queueWait a wait for a turn longer than this is refused as busy
 * @param networks network detection and the refresh after imports
 * @param caseLinks the search behind caseLinks
 * @param watches watches and their alerts
 */
@ConfigurationProperties("caselink.analysis")
public record AnalysisProperties(
        @DefaultValue("3") int maxHops,
        @DefaultValue("8") int maxPathHops,
        @DefaultValue("250") int hubDegree,
        @DefaultValue("20000") int maxVisited,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("0") int concurrency,
        @DefaultValue("20s") Duration queueWait,
        @DefaultValue Networks networks,
        @DefaultValue CaseLinks caseLinks,
        @DefaultValue Watches watches) {

    /**
     * Networks.
     *
     * @param afterImport after every import that changed the graph, detect networks and refresh case
     *     links: background (coalesced, off the request thread), inline (in the importing thread) or
     *     off; auto is background in the service and inline in the commands
     * @param maxSize members above which a component is split into communities
     * @param minCases least cases a group needs to be a network
     * @param minChildren least different children whose cases a group holds to be a network
     * @param timeout time limit of each statement of a detection run, and of each batch of 100 cases
     *     of the case-link search
     */
    public record Networks(
            @DefaultValue("auto") String afterImport,
            @DefaultValue("500") int maxSize,
            @DefaultValue("2") int minCases,
            @DefaultValue("2") int minChildren,
            @DefaultValue("10m") Duration timeout) {}

    /**
     * Case links.
     *
     * @param maxHops hops of the search behind caseLinks
     */
    public record CaseLinks(@DefaultValue("6") int maxHops) {}

    /**
     * Watches.
     *
     * @param background check the watches in the background too (records written by mutations;
     *     watches whose last check failed)
     * @param checkEvery pause between background checks of the watches
     * @param overlap how far before its last mark a watch's check looks, for transactions that
     *     committed late
     */
    public record Watches(
            @DefaultValue("true") boolean background,
            @DefaultValue("1m") Duration checkEvery,
            @DefaultValue("5m") Duration overlap) {}
}
