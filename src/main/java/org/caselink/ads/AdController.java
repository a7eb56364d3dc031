package org.caselink.ads;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.caselink.db.CypherFiles;
import org.caselink.graphql.Connection;
import org.caselink.graphql.Lookup;
import org.caselink.graphql.Prefetch;
import org.caselink.graphql.Rel;
import org.caselink.graphql.Relations;
import org.caselink.graphql.Relations.PageKey;
import org.caselink.model.Ad;
import org.caselink.model.Case;
import org.caselink.model.Email;
import org.caselink.model.EntityType;
import org.caselink.model.Handle;
import org.caselink.model.Image;
import org.caselink.model.Location;
import org.caselink.model.Phone;
import org.caselink.normalize.Normalize;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Ad}, {@code Image} and {@code Location}: online ads and what ties them together. */
@Controller
class AdController {

    static final Rel PHONES = lists(EntityType.PHONE, "t.e164");
    static final Rel EMAILS = lists(EntityType.EMAIL, "t.address");
    static final Rel HANDLES = lists(EntityType.HANDLE, "t.key");
    static final Rel IMAGES = new Rel(EntityType.AD, "(s)-[r:SHOWS]->(t:Image)", EntityType.IMAGE, "t.hash");
    static final Rel LOCATION = new Rel(EntityType.AD, "(s)-[r:POSTED_IN]->(t:Location)", EntityType.LOCATION, "t.key");
    static final Rel IMAGE_ADS =
            new Rel(EntityType.IMAGE, "(s)<-[r:SHOWS]-(t:Ad)", EntityType.AD, "t.postedAt DESC, t.adId");
    static final Rel LOCATION_ADS =
            new Rel(EntityType.LOCATION, "(s)<-[r:POSTED_IN]-(t:Ad)", EntityType.AD, "t.postedAt DESC, t.adId");
    static final Rel LOCATION_CASES = new Rel(
            EntityType.LOCATION, "(s)<-[r:LAST_SEEN_IN]-(t:Case)", EntityType.CASE, "t.reportedAt DESC, t.caseNumber");

    private static final String LIST = CypherFiles.query("ads/list");

    private static Rel lists(EntityType to, String orderBy) {
        return new Rel(EntityType.AD, "(s)-[r:LISTS]->(t:" + to.label() + ")", to, orderBy);
    }

    private final Lookup lookup;
    private final Relations relations;

    AdController(Lookup lookup, Relations relations) {
        this.lookup = lookup;
        this.relations = relations;
        relations.compiles("Ad.phones", Prefetch.Kind.LIST, PHONES);
        relations.compiles("Ad.emails", Prefetch.Kind.LIST, EMAILS);
        relations.compiles("Ad.handles", Prefetch.Kind.LIST, HANDLES);
        relations.compiles("Ad.images", Prefetch.Kind.LIST, IMAGES);
        relations.compiles("Ad.location", Prefetch.Kind.LIST, LOCATION);
        relations.compiles("Image.ads", Prefetch.Kind.PAGE, IMAGE_ADS, "edges", "node");
        relations.compiles("Location.ads", Prefetch.Kind.PAGE, LOCATION_ADS, "edges", "node");
        relations.compiles("Location.cases", Prefetch.Kind.PAGE, LOCATION_CASES, "edges", "node");
    }

    @QueryMapping
    @Nullable
    Ad ad(@Argument String adId, DataFetchingEnvironment env) {
        return lookup.<Ad>find(env, EntityType.AD, adId.strip()).orElse(null);
    }

    @QueryMapping
    @Nullable
    Image image(@Argument String hash, DataFetchingEnvironment env) {
        return Normalize.imageHash(hash)
                .flatMap(h -> lookup.<Image>find(env, EntityType.IMAGE, h))
                .orElse(null);
    }

    @QueryMapping
    @Nullable
    Location location(@Argument String city, @Argument String state, DataFetchingEnvironment env) {
        return lookup.<Location>find(env, EntityType.LOCATION, Location.key(city, state))
                .orElse(null);
    }

    record AdFilter(
            @Nullable String site,
            @Nullable String city,
            @Nullable String state,
            @Nullable OffsetDateTime postedFrom,
            @Nullable OffsetDateTime postedTo) {}

    @QueryMapping
    Connection<Ad> ads(
            @Argument @Nullable Integer first, @Argument @Nullable String after, @Argument @Nullable AdFilter filter) {
        AdFilter f = filter == null ? new AdFilter(null, null, null, null, null) : filter;
        Map<String, Object> p = new HashMap<>();
        p.put("site", f.site() == null ? null : f.site().strip().toLowerCase(java.util.Locale.ROOT));
        p.put("city", f.city());
        p.put("state", f.state() == null ? null : f.state().toUpperCase(java.util.Locale.ROOT));
        p.put("postedFrom", f.postedFrom());
        p.put("postedTo", f.postedTo());
        return relations.rootPage(LIST, p, EntityType.AD, first, after);
    }

    @BatchMapping(typeName = "Ad")
    Map<Ad, List<Phone>> phones(List<Ad> ads, GraphQLContext context) {
        return relations.lists(context, ads, PHONES);
    }

    @BatchMapping(typeName = "Ad")
    Map<Ad, List<Email>> emails(List<Ad> ads, GraphQLContext context) {
        return relations.lists(context, ads, EMAILS);
    }

    @BatchMapping(typeName = "Ad")
    Map<Ad, List<Handle>> handles(List<Ad> ads, GraphQLContext context) {
        return relations.lists(context, ads, HANDLES);
    }

    @BatchMapping(typeName = "Ad")
    Map<Ad, List<Image>> images(List<Ad> ads, GraphQLContext context) {
        return relations.lists(context, ads, IMAGES);
    }

    @BatchMapping(typeName = "Ad")
    Map<Ad, @Nullable Location> location(List<Ad> ads, GraphQLContext context) {
        Map<Ad, @Nullable Location> out = new HashMap<>();
        relations
                .<Ad, Location>lists(context, ads, LOCATION)
                .forEach((ad, l) -> out.put(ad, l.isEmpty() ? null : l.getFirst()));
        return out;
    }

    @SchemaMapping(typeName = "Image", field = "ads")
    CompletableFuture<Connection<Ad>> imageAds(
            Image image,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataLoader<PageKey, Connection<?>> loader) {
        return relations.page(loader, IMAGE_ADS, image, first, after);
    }

    @SchemaMapping(typeName = "Location", field = "ads")
    CompletableFuture<Connection<Ad>> locationAds(
            Location location,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataLoader<PageKey, Connection<?>> loader) {
        return relations.page(loader, LOCATION_ADS, location, first, after);
    }

    @SchemaMapping(typeName = "Location", field = "cases")
    CompletableFuture<Connection<Case>> locationCases(
            Location location,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataLoader<PageKey, Connection<?>> loader) {
        return relations.page(loader, LOCATION_CASES, location, first, after);
    }
}
