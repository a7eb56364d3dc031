package org.caselink.cases;

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
import org.caselink.model.Agency;
import org.caselink.model.Case;
import org.caselink.model.CaseRole;
import org.caselink.model.CaseStatus;
import org.caselink.model.CaseType;
import org.caselink.model.Child;
import org.caselink.model.Email;
import org.caselink.model.EntityType;
import org.caselink.model.Evidence;
import org.caselink.model.Handle;
import org.caselink.model.Location;
import org.caselink.model.Person;
import org.caselink.model.Phone;
import org.caselink.model.Role;
import org.caselink.write.Validate;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code Case} type: root lookups, the filtered list, and every relationship of a case. */
@Controller
class CaseController {

    static final Rel AGENCY = new Rel(EntityType.CASE, "(s)-[r:OWNED_BY]->(t:Agency)", EntityType.AGENCY, "t.code");
    static final Rel CHILDREN = new Rel(EntityType.CASE, "(s)<-[r:SUBJECT_OF]-(t:Child)", EntityType.CHILD, "t.uid");
    static final Rel PEOPLE = new Rel(
            EntityType.CASE,
            "(s)<-[r:SUSPECT_IN|ASSOCIATE_IN]-(t:Person)",
            EntityType.PERSON,
            "type(r) DESC, t.lastName, t.firstName, t.uid");
    static final Rel PHONES = new Rel(EntityType.CASE, "(s)-[r:MENTIONS]->(t:Phone)", EntityType.PHONE, "t.e164");
    static final Rel EMAILS = new Rel(EntityType.CASE, "(s)-[r:MENTIONS]->(t:Email)", EntityType.EMAIL, "t.address");
    static final Rel HANDLES = new Rel(EntityType.CASE, "(s)-[r:MENTIONS]->(t:Handle)", EntityType.HANDLE, "t.key");
    static final Rel LOCATIONS =
            new Rel(EntityType.CASE, "(s)-[r:LAST_SEEN_IN]->(t:Location)", EntityType.LOCATION, "t.key");

    static final Rel AGENCY_CASES = new Rel(
            EntityType.AGENCY, "(s)<-[r:OWNED_BY]-(t:Case)", EntityType.CASE, "t.reportedAt DESC, t.caseNumber");

    private static final String LIST = CypherFiles.query("cases/list");

    private final Lookup lookup;
    private final Relations relations;

    CaseController(Lookup lookup, Relations relations) {
        this.lookup = lookup;
        this.relations = relations;
        relations.compiles("Case.agency", Prefetch.Kind.LIST, AGENCY);
        relations.compiles("Case.children", Prefetch.Kind.LIST, CHILDREN);
        relations.compiles("Case.people", Prefetch.Kind.LIST, PEOPLE, "person");
        relations.compiles("Case.phones", Prefetch.Kind.LIST, PHONES);
        relations.compiles("Case.emails", Prefetch.Kind.LIST, EMAILS);
        relations.compiles("Case.handles", Prefetch.Kind.LIST, HANDLES);
        relations.compiles("Case.locations", Prefetch.Kind.LIST, LOCATIONS);
        relations.compiles("Agency.cases", Prefetch.Kind.PAGE, AGENCY_CASES, "edges", "node");
    }

    @QueryMapping("case")
    @Nullable
    Case kase(@Argument String caseNumber, DataFetchingEnvironment env) {
        return lookup.<Case>find(env, EntityType.CASE, Validate.codeKey(caseNumber))
                .orElse(null);
    }

    @QueryMapping
    @Nullable
    Agency agency(@Argument String code, DataFetchingEnvironment env) {
        return lookup.<Agency>find(env, EntityType.AGENCY, Validate.codeKey(code))
                .orElse(null);
    }

    record CaseFilter(
            @Nullable List<CaseStatus> status,
            @Nullable List<CaseType> type,
            @Nullable String agency,
            @Nullable String state,
            @Nullable OffsetDateTime reportedFrom,
            @Nullable OffsetDateTime reportedTo) {}

    @QueryMapping
    Connection<Case> cases(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable CaseFilter filter) {
        Map<String, Object> p = new HashMap<>();
        CaseFilter f = filter == null ? new CaseFilter(null, null, null, null, null, null) : filter;
        p.put(
                "status",
                f.status() == null ? null : f.status().stream().map(Enum::name).toList());
        p.put(
                "type",
                f.type() == null ? null : f.type().stream().map(Enum::name).toList());
        p.put("agency", f.agency() == null ? null : Validate.codeKey(f.agency()));
        p.put("state", f.state() == null ? null : f.state().toUpperCase(java.util.Locale.ROOT));
        p.put("reportedFrom", f.reportedFrom());
        p.put("reportedTo", f.reportedTo());
        return relations.rootPage(LIST, p, EntityType.CASE, first, after);
    }

    @SchemaMapping(typeName = "Agency", field = "cases")
    CompletableFuture<Connection<Case>> agencyCases(
            Agency agency,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataLoader<PageKey, Connection<?>> loader) {
        return relations.page(loader, AGENCY_CASES, agency, first, after);
    }

    @BatchMapping(typeName = "Case")
    Map<Case, Agency> agency(List<Case> cases, GraphQLContext context) {
        Map<Case, Agency> out = new HashMap<>();
        relations
                .<Case, Agency>lists(context, cases, AGENCY)
                .forEach((c, list) -> out.put(c, list.isEmpty() ? new Agency(c.agencyCode(), null) : list.getFirst()));
        return out;
    }

    @BatchMapping(typeName = "Case")
    Map<Case, List<Child>> children(List<Case> cases, GraphQLContext context) {
        return relations.lists(context, cases, CHILDREN);
    }

    @BatchMapping(typeName = "Case")
    Map<Case, List<CaseRole>> people(List<Case> cases, GraphQLContext context) {
        Map<Case, List<CaseRole>> out = new HashMap<>();
        relations
                .lists(context, cases, PEOPLE, (node, rel) -> new Object[] {EntityType.PERSON.map(node), rel})
                .forEach((c, rows) -> out.put(
                        c,
                        rows.stream()
                                .map(row -> role(c, (Person) row[0], (org.neo4j.driver.Value) row[1]))
                                .toList()));
        return out;
    }

    static CaseRole role(Case c, Person p, org.neo4j.driver.Value rel) {
        return new CaseRole(Role.ofRelationship(rel.asRelationship().type()), p, c, Evidence.from(rel));
    }

    @BatchMapping(typeName = "Case")
    Map<Case, List<Phone>> phones(List<Case> cases, GraphQLContext context) {
        return relations.lists(context, cases, PHONES);
    }

    @BatchMapping(typeName = "Case")
    Map<Case, List<Email>> emails(List<Case> cases, GraphQLContext context) {
        return relations.lists(context, cases, EMAILS);
    }

    @BatchMapping(typeName = "Case")
    Map<Case, List<Handle>> handles(List<Case> cases, GraphQLContext context) {
        return relations.lists(context, cases, HANDLES);
    }

    @BatchMapping(typeName = "Case")
    Map<Case, List<Location>> locations(List<Case> cases, GraphQLContext context) {
        return relations.lists(context, cases, LOCATIONS);
    }
}
