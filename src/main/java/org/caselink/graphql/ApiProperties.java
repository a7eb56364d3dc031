package org.caselink.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the GraphQL API and its HTTP front door.
 *
 * @param maxPageSize largest {@code first} a connection accepts
 * @param maxDepth deepest query accepted
 * @param maxComplexity costliest query accepted (fields, multiplied by {@code first} on connections
 *     and by 5 on plain lists; analyses carry a price of their own)
 * @param maxAliases most aliased fields in one operation, a fragment counted each time it is spread
 * @param maxTokens most grammar tokens the parser reads before it gives up
 * @param maxWhitespaceTokens most whitespace tokens (blanks, commas, comments) the parser reads
 * @param maxDocumentChars longest GraphQL document accepted, checked before parsing
 * @param parsedDocumentsChars characters of parsed and validated documents kept for reuse (refused
 *     documents are not kept)
 * @param introspection schema introspection: auto (on in demo mode only), true or false
 * @param requestTimeout a GraphQL request over HTTP not answered by then gets 503
 * @param maxRequestBytes largest POST body to /graphql; larger gets 413 before it is parsed
 * @param rateLimit the per-client request rate limit on /graphql and /api/**
 * @param compiledReads whether a root lookup reads the relationships of its selection in its own
 *     statement (one statement per root field where the shape allows), or each level in one batched
 *     statement of its own
 * @param compiledDepth how many levels of relationships below a root lookup its statement reads;
 *     deeper levels are read batched
 * @param compiledRelationships the most relationships a root lookup's statement reads; the rest are
 *     read batched (Neo4j plans a statement once per text, in time that grows with its subqueries)
 */
@ConfigurationProperties("caselink.api")
public record ApiProperties(
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("12") int maxDepth,
        @DefaultValue("100000") int maxComplexity,
        @DefaultValue("30") int maxAliases,
        @DefaultValue("5000") int maxTokens,
        @DefaultValue("10000") int maxWhitespaceTokens,
        @DefaultValue("20000") int maxDocumentChars,
        @DefaultValue("1000000") long parsedDocumentsChars,
        @DefaultValue("auto") String introspection,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("4MB") DataSize maxRequestBytes,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("true") boolean compiledReads,
        @DefaultValue("3") int compiledDepth,
        @DefaultValue("12") int compiledRelationships) {

    /**
     * A token bucket per client (its user when signed in, else its address).
     *
     * @param enabled whether the limit applies
     * @param requestsPerMinute sustained requests a minute per client
     * @param burst requests a client may send at once (the bucket's size)
     * @param maxClients clients whose buckets are held in memory (least recently seen forgotten first)
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("600") long requestsPerMinute,
            @DefaultValue("100") long burst,
            @DefaultValue("100000") long maxClients) {}
}
