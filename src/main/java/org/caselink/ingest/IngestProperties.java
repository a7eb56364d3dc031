package org.caselink.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Import and the links derived from imported records.
 *
 * @param batchSize records per import transaction
 * @param imageDistance most bits two ad-image hashes may differ in to be SIMILAR_IMAGE (0 to 15)
 * @param textSimilarity least rarity-weighted Jaccard similarity of two ads' words and word pairs
 *     to be SIMILAR_TEXT
 * @param similarPerAd strongest SIMILAR_TEXT links each ad keeps
 * @param commonShare a shingle in more than this share of the ads (and more than common-min of
 *     them) is boilerplate and weighs nothing; an image shown by that many ads is a stock photo
 * @param commonMin see common-share
 * @param maxBandSize ads or images above which a similarity band yields no candidates, and the
 *     most people a shared contact may link for identity proposals (hubs)
 * @param identityThreshold least score for an identity proposal
 */
@ConfigurationProperties("caselink.ingest")
public record IngestProperties(
        @DefaultValue("1000") int batchSize,
        @DefaultValue("4") int imageDistance,
        @DefaultValue("0.35") double textSimilarity,
        @DefaultValue("5") int similarPerAd,
        @DefaultValue("0.01") double commonShare,
        @DefaultValue("50") int commonMin,
        @DefaultValue("500") int maxBandSize,
        @DefaultValue("0.6") double identityThreshold) {}
