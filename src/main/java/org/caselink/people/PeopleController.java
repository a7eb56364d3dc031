package org.caselink.people;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caselink.graphql.Lookup;
import org.caselink.graphql.Prefetch;
import org.caselink.graphql.Rel;
import org.caselink.graphql.Relations;
import org.caselink.model.Case;
import org.caselink.model.CaseRole;
import org.caselink.model.Child;
import org.caselink.model.Email;
import org.caselink.model.EntityType;
import org.caselink.model.Evidence;
import org.caselink.model.Handle;
import org.caselink.model.Person;
import org.caselink.model.Phone;
import org.caselink.model.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code Child} and {@code Person} types: lookups by global id and their relationships. */
@Controller
class PeopleController {

    static final Rel CHILD_CASES = new Rel(
            EntityType.CHILD, "(s)-[r:SUBJECT_OF]->(t:Case)", EntityType.CASE, "t.reportedAt DESC, t.caseNumber");
    static final Rel CHILD_PHONES = uses(EntityType.CHILD, EntityType.PHONE, "t.e164");
    static final Rel CHILD_EMAILS = uses(EntityType.CHILD, EntityType.EMAIL, "t.address");
    static final Rel CHILD_HANDLES = uses(EntityType.CHILD, EntityType.HANDLE, "t.key");
    static final Rel PERSON_CASES = new Rel(
            EntityType.PERSON,
            "(s)-[r:SUSPECT_IN|ASSOCIATE_IN]->(t:Case)",
            EntityType.CASE,
            "t.reportedAt DESC, t.caseNumber, type(r) DESC");
    static final Rel PERSON_PHONES = uses(EntityType.PERSON, EntityType.PHONE, "t.e164");
    static final Rel PERSON_EMAILS = uses(EntityType.PERSON, EntityType.EMAIL, "t.address");
    static final Rel PERSON_HANDLES = uses(EntityType.PERSON, EntityType.HANDLE, "t.key");
    static final Rel ASSOCIATES = new Rel(
            EntityType.PERSON,
            "(s)-[r:ASSOCIATED_WITH]-(t:Person)",
            EntityType.PERSON,
            "t.lastName, t.firstName, t.uid");

    private static Rel uses(EntityType from, EntityType to, String orderBy) {
        return new Rel(from, "(s)-[r:USES]->(t:" + to.label() + ")", to, orderBy);
    }

    private final Lookup lookup;
    private final Relations relations;

    PeopleController(Lookup lookup, Relations relations) {
        this.lookup = lookup;
        this.relations = relations;
        relations.compiles("Child.cases", Prefetch.Kind.LIST, CHILD_CASES);
        relations.compiles("Child.phones", Prefetch.Kind.LIST, CHILD_PHONES);
        relations.compiles("Child.emails", Prefetch.Kind.LIST, CHILD_EMAILS);
        relations.compiles("Child.handles", Prefetch.Kind.LIST, CHILD_HANDLES);
        relations.compiles("Person.cases", Prefetch.Kind.LIST, PERSON_CASES, "case");
        relations.compiles("Person.phones", Prefetch.Kind.LIST, PERSON_PHONES);
        relations.compiles("Person.emails", Prefetch.Kind.LIST, PERSON_EMAILS);
        relations.compiles("Person.handles", Prefetch.Kind.LIST, PERSON_HANDLES);
        relations.compiles("Person.associates", Prefetch.Kind.EVIDENCE, ASSOCIATES);
    }

    @QueryMapping
    @Nullable
    Child child(@Argument String id, DataFetchingEnvironment env) {
        return lookup.<Child>find(env, id, EntityType.CHILD).orElse(null);
    }

    @QueryMapping
    @Nullable
    Person person(@Argument String id, DataFetchingEnvironment env) {
        return lookup.<Person>find(env, id, EntityType.PERSON).orElse(null);
    }

    /** A partner sees only the aliases its own records gave (see {@link Relations#aliasesInSight}). */
    @BatchMapping(typeName = "Child", field = "aliases")
    Map<Child, List<String>> childAliases(List<Child> children) {
        return relations.aliasesInSight(children, Child::aliases);
    }

    @BatchMapping(typeName = "Person", field = "aliases")
    Map<Person, List<String>> personAliases(List<Person> people) {
        return relations.aliasesInSight(people, Person::aliases);
    }

    @BatchMapping(typeName = "Child", field = "cases")
    Map<Child, List<Case>> childCases(List<Child> children, GraphQLContext context) {
        return relations.lists(context, children, CHILD_CASES);
    }

    @BatchMapping(typeName = "Child", field = "phones")
    Map<Child, List<Phone>> childPhones(List<Child> children, GraphQLContext context) {
        return relations.lists(context, children, CHILD_PHONES);
    }

    @BatchMapping(typeName = "Child", field = "emails")
    Map<Child, List<Email>> childEmails(List<Child> children, GraphQLContext context) {
        return relations.lists(context, children, CHILD_EMAILS);
    }

    @BatchMapping(typeName = "Child", field = "handles")
    Map<Child, List<Handle>> childHandles(List<Child> children, GraphQLContext context) {
        return relations.lists(context, children, CHILD_HANDLES);
    }

    @BatchMapping(typeName = "Person", field = "cases")
    Map<Person, List<CaseRole>> personCases(List<Person> people, GraphQLContext context) {
        Map<Person, List<CaseRole>> out = new HashMap<>();
        relations
                .lists(
                        context,
                        people,
                        PERSON_CASES,
                        (node, rel) -> new CaseRoleRow((Case) EntityType.CASE.map(node), rel))
                .forEach((p, rows) -> out.put(
                        p,
                        rows.stream()
                                .map(row -> new CaseRole(
                                        Role.ofRelationship(
                                                row.rel().asRelationship().type()),
                                        p,
                                        row.kase(),
                                        Evidence.from(row.rel())))
                                .toList()));
        return out;
    }

    private record CaseRoleRow(Case kase, org.neo4j.driver.Value rel) {}

    @BatchMapping(typeName = "Person", field = "phones")
    Map<Person, List<Phone>> personPhones(List<Person> people, GraphQLContext context) {
        return relations.lists(context, people, PERSON_PHONES);
    }

    @BatchMapping(typeName = "Person", field = "emails")
    Map<Person, List<Email>> personEmails(List<Person> people, GraphQLContext context) {
        return relations.lists(context, people, PERSON_EMAILS);
    }

    @BatchMapping(typeName = "Person", field = "handles")
    Map<Person, List<Handle>> personHandles(List<Person> people, GraphQLContext context) {
        return relations.lists(context, people, PERSON_HANDLES);
    }

    /**
     * Associates the viewer may know of: an association is shown when one of its records is in the
     * viewer's sight (a partner does not learn of one that only another agency's record, or a
     * link record, which names no agency, asserts).
     */
    @BatchMapping(typeName = "Person")
    Map<Person, List<Person>> associates(List<Person> people, GraphQLContext context) {
        return relations.listsByEvidence(context, people, ASSOCIATES);
    }
}
