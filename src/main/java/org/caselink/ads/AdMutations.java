package org.caselink.ads;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.graphql.InvalidInputException;
import org.caselink.graphql.Lookup;
import org.caselink.model.Ad;
import org.caselink.model.EntityType;
import org.caselink.normalize.Normalize;
import org.caselink.write.GraphWriter;
import org.caselink.write.Inputs.EvidenceInput;
import org.caselink.write.Inputs.HandleInput;
import org.caselink.write.Provenance;
import org.caselink.write.Rows.AdRow;
import org.caselink.write.Rows.ContactRow;
import org.caselink.write.Rows.PlaceRow;
import org.caselink.write.Validate;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class AdMutations {

    private static final String CREATE = CypherFiles.query("ads/create");

    record CreateAdInput(
            String adId,
            String site,
            @Nullable String url,
            OffsetDateTime postedAt,
            @Nullable String city,
            @Nullable String state,
            @Nullable String title,
            @Nullable String body,
            @Nullable List<String> phones,
            @Nullable List<String> emails,
            @Nullable List<HandleInput> handles,
            @Nullable List<String> imageHashes,
            @Nullable EvidenceInput evidence) {}

    private final Graph graph;
    private final GraphWriter writer;
    private final Lookup lookup;
    private final String region;

    AdMutations(Graph graph, GraphWriter writer, Lookup lookup, org.caselink.normalize.PhoneProperties phone) {
        this.graph = graph;
        this.writer = writer;
        this.lookup = lookup;
        this.region = phone.defaultRegion();
    }

    @MutationMapping
    Ad createAd(@Argument CreateAdInput input) {
        Provenance ev = Validate.provenance("input.evidence", input.evidence(), "createAd", input);
        String adId = Validate.id("input.adId", input.adId());
        String city = Validate.text("input.city", input.city(), Validate.NAME_MAX);
        String state = Validate.state("input.state", input.state());
        if ((city == null) != (state == null)) {
            throw new InvalidInputException(city == null ? "input.city" : "input.state", "city and state go together");
        }
        List<String> given = Validate.list("input.imageHashes", input.imageHashes());
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "input.imageHashes[" + i + "]";
            hashes.add(Normalize.imageHash(given.get(i))
                    .orElseThrow(() -> new InvalidInputException(at, "must be a 64-bit hash as 16 hex digits")));
        }
        AdRow row = new AdRow(
                adId,
                Validate.requiredText("input.site", input.site(), Validate.NAME_MAX)
                        .toLowerCase(java.util.Locale.ROOT),
                Validate.url("input.url", input.url()),
                Validate.instant("input.postedAt", input.postedAt()),
                city,
                state,
                Validate.text("input.title", input.title(), 1_000),
                Validate.text("input.body", input.body(), Validate.TEXT_MAX),
                hashes.stream().distinct().toList(),
                ev);
        var contacts = Validate.contacts("input.", input.phones(), input.emails(), input.handles(), region).stream()
                .map(c -> new ContactRow(EntityType.AD, adId, c, ev))
                .toList();
        try {
            graph.inWriteTransaction(tx -> {
                // CREATE, not a check then MERGE: the uniqueness constraint settles concurrent creates.
                tx.run(CREATE, Map.of("id", adId));
                writer.ads(tx, List.of(row));
                writer.contacts(tx, contacts);
                if (city != null) {
                    writer.places(tx, List.of(new PlaceRow(EntityType.AD, adId, city, state, ev)));
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (Graph.isUniquenessViolation(e)) {
                throw new InvalidInputException("input.adId", "ad " + adId + " already exists");
            }
            throw e;
        }
        return lookup.<Ad>find(EntityType.AD, adId).orElseThrow();
    }
}
