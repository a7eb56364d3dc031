package org.caselink.contacts;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.caselink.graphql.Connection;
import org.caselink.graphql.Lookup;
import org.caselink.graphql.Prefetch;
import org.caselink.graphql.Rel;
import org.caselink.graphql.Relations;
import org.caselink.graphql.Relations.PageKey;
import org.caselink.model.Ad;
import org.caselink.model.Case;
import org.caselink.model.Child;
import org.caselink.model.Email;
import org.caselink.model.EntityType;
import org.caselink.model.Handle;
import org.caselink.model.Person;
import org.caselink.model.Phone;
import org.caselink.normalize.Normalize;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Phone}, {@code Email} and {@code Handle}: the shared details that connect cases and ads.
 * All three have the same four relationships, so each relationship is one {@link Rel} per type.
 */
@Controller
class ContactController {

    /** The four relationships of one contact type. */
    record ContactRels(Rel ads, Rel people, Rel children, Rel cases) {
        static ContactRels of(EntityType type) {
            return new ContactRels(
                    new Rel(type, "(s)<-[r:LISTS]-(t:Ad)", EntityType.AD, "t.postedAt DESC, t.adId"),
                    new Rel(type, "(s)<-[r:USES]-(t:Person)", EntityType.PERSON, "t.lastName, t.firstName, t.uid"),
                    new Rel(type, "(s)<-[r:USES]-(t:Child)", EntityType.CHILD, "t.uid"),
                    new Rel(type, "(s)<-[r:MENTIONS]-(t:Case)", EntityType.CASE, "t.reportedAt DESC, t.caseNumber"));
        }
    }

    static final ContactRels PHONE = ContactRels.of(EntityType.PHONE);
    static final ContactRels EMAIL = ContactRels.of(EntityType.EMAIL);
    static final ContactRels HANDLE = ContactRels.of(EntityType.HANDLE);

    private final Lookup lookup;
    private final Relations relations;
    private final String defaultRegion;

    ContactController(Lookup lookup, Relations relations, org.caselink.normalize.PhoneProperties phone) {
        this.lookup = lookup;
        this.relations = relations;
        relations.compiles("Phone.people", Prefetch.Kind.LIST, PHONE.people());
        relations.compiles("Phone.children", Prefetch.Kind.LIST, PHONE.children());
        relations.compiles("Phone.cases", Prefetch.Kind.LIST, PHONE.cases());
        relations.compiles("Email.people", Prefetch.Kind.LIST, EMAIL.people());
        relations.compiles("Email.children", Prefetch.Kind.LIST, EMAIL.children());
        relations.compiles("Email.cases", Prefetch.Kind.LIST, EMAIL.cases());
        relations.compiles("Handle.people", Prefetch.Kind.LIST, HANDLE.people());
        relations.compiles("Handle.children", Prefetch.Kind.LIST, HANDLE.children());
        relations.compiles("Handle.cases", Prefetch.Kind.LIST, HANDLE.cases());
        relations.compiles("Phone.ads", Prefetch.Kind.PAGE, PHONE.ads(), "edges", "node");
        relations.compiles("Email.ads", Prefetch.Kind.PAGE, EMAIL.ads(), "edges", "node");
        relations.compiles("Handle.ads", Prefetch.Kind.PAGE, HANDLE.ads(), "edges", "node");
        this.defaultRegion = phone.defaultRegion();
    }

    /** A number that is not a valid phone number finds nothing: it cannot be in the graph. */
    @QueryMapping
    @Nullable
    Phone phone(@Argument String number, DataFetchingEnvironment env) {
        return Normalize.phone(number, defaultRegion)
                .flatMap(e164 -> lookup.<Phone>find(env, EntityType.PHONE, e164))
                .orElse(null);
    }

    @QueryMapping
    @Nullable
    Email email(@Argument String address, DataFetchingEnvironment env) {
        return Normalize.email(address)
                .flatMap(a -> lookup.<Email>find(env, EntityType.EMAIL, a))
                .orElse(null);
    }

    @QueryMapping
    @Nullable
    Handle handle(@Argument String platform, @Argument String handle, DataFetchingEnvironment env) {
        var p = Normalize.platform(platform);
        var h = Normalize.handle(handle);
        if (p.isEmpty() || h.isEmpty()) {
            return null;
        }
        return lookup.<Handle>find(env, EntityType.HANDLE, p.get() + ":" + h.get())
                .orElse(null);
    }

    @SchemaMapping(typeName = "Phone", field = "ads")
    CompletableFuture<Connection<Ad>> phoneAds(
            Phone phone,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataLoader<PageKey, Connection<?>> loader) {
        return relations.page(loader, PHONE.ads(), phone, first, after);
    }

    @SchemaMapping(typeName = "Email", field = "ads")
    CompletableFuture<Connection<Ad>> emailAds(
            Email email,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataLoader<PageKey, Connection<?>> loader) {
        return relations.page(loader, EMAIL.ads(), email, first, after);
    }

    @SchemaMapping(typeName = "Handle", field = "ads")
    CompletableFuture<Connection<Ad>> handleAds(
            Handle handle,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataLoader<PageKey, Connection<?>> loader) {
        return relations.page(loader, HANDLE.ads(), handle, first, after);
    }

    @BatchMapping(typeName = "Phone", field = "people")
    Map<Phone, List<Person>> phonePeople(List<Phone> phones, GraphQLContext context) {
        return relations.lists(context, phones, PHONE.people());
    }

    @BatchMapping(typeName = "Phone", field = "children")
    Map<Phone, List<Child>> phoneChildren(List<Phone> phones, GraphQLContext context) {
        return relations.lists(context, phones, PHONE.children());
    }

    @BatchMapping(typeName = "Phone", field = "cases")
    Map<Phone, List<Case>> phoneCases(List<Phone> phones, GraphQLContext context) {
        return relations.lists(context, phones, PHONE.cases());
    }

    @BatchMapping(typeName = "Email", field = "people")
    Map<Email, List<Person>> emailPeople(List<Email> emails, GraphQLContext context) {
        return relations.lists(context, emails, EMAIL.people());
    }

    @BatchMapping(typeName = "Email", field = "children")
    Map<Email, List<Child>> emailChildren(List<Email> emails, GraphQLContext context) {
        return relations.lists(context, emails, EMAIL.children());
    }

    @BatchMapping(typeName = "Email", field = "cases")
    Map<Email, List<Case>> emailCases(List<Email> emails, GraphQLContext context) {
        return relations.lists(context, emails, EMAIL.cases());
    }

    @BatchMapping(typeName = "Handle", field = "people")
    Map<Handle, List<Person>> handlePeople(List<Handle> handles, GraphQLContext context) {
        return relations.lists(context, handles, HANDLE.people());
    }

    @BatchMapping(typeName = "Handle", field = "children")
    Map<Handle, List<Child>> handleChildren(List<Handle> handles, GraphQLContext context) {
        return relations.lists(context, handles, HANDLE.children());
    }

    @BatchMapping(typeName = "Handle", field = "cases")
    Map<Handle, List<Case>> handleCases(List<Handle> handles, GraphQLContext context) {
        return relations.lists(context, handles, HANDLE.cases());
    }
}
