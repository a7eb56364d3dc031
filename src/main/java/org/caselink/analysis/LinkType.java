package org.caselink.analysis;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The relationships analysis may follow: the allow-list that is the only source of relationship
 * types in analysis Cypher. {@link #SAME_AS} is an identity an analyst confirmed (the queries check
 * the status; a proposal or a rejected one is never followed).
 */
public enum LinkType {
    SUBJECT_OF,
    SUSPECT_IN,
    ASSOCIATE_IN,
    USES,
    MENTIONS,
    LISTS,
    SHOWS,
    ASSOCIATED_WITH,
    SIMILAR_TEXT,
    SIMILAR_IMAGE,
    SAME_AS,
    /** An identity proposed and not yet decided: followed by linked cases only, weighed by its score. */
    PROPOSED_SAME_AS,
    OWNED_BY,
    POSTED_IN,
    LAST_SEEN_IN;

    /** What links evidence: everything but the agency that owns a case and the places things happened. */
    static final Set<LinkType> EVIDENCE =
            EnumSet.complementOf(EnumSet.of(OWNED_BY, POSTED_IN, LAST_SEEN_IN, PROPOSED_SAME_AS));

    String relationship() {
        return this == SAME_AS || this == PROPOSED_SAME_AS ? "POSSIBLE_SAME_AS" : name();
    }

    static LinkType of(String relationship) {
        return "POSSIBLE_SAME_AS".equals(relationship) ? SAME_AS : valueOf(relationship);
    }

    /** {@code :A|B|C} for a relationship pattern. */
    static String pattern(Set<LinkType> types) {
        return types.stream().sorted().map(LinkType::relationship).distinct().collect(Collectors.joining("|", ":", ""));
    }
}
