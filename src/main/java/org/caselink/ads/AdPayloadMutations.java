package org.caselink.ads;

import org.caselink.ads.AdMutations.CreateAdInput;
import org.caselink.model.Ad;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code adCreate}: the deprecated {@code createAd} of {@link AdMutations} with a payload, same checks and audit. */
@Controller
class AdPayloadMutations {

    record AdCreatePayload(Ad ad) {}

    private final AdMutations mutations;

    AdPayloadMutations(AdMutations mutations) {
        this.mutations = mutations;
    }

    @MutationMapping
    AdCreatePayload adCreate(@Argument CreateAdInput input) {
        return new AdCreatePayload(mutations.createAd(input));
    }
}
