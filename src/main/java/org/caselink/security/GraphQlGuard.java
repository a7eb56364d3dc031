package org.caselink.security;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.caselink.graphql.Connection;
import org.caselink.model.Child;
import org.caselink.model.Entity;
import org.caselink.model.Guarded;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Access control at the GraphQL layer, wrapped around every data fetcher of the schema so that no
 * field can forget it:
 * <ol>
 *   <li>a root field runs only for the roles {@link Permissions} names; anyone else gets a
 *       FORBIDDEN error and the denial is audited;
 *   <li>every value a field returns passes the viewer's {@link Scope}: an entity out of scope
 *       becomes null, and is dropped from lists and connections (whose counts the statements
 *       already narrowed, see Relations); a {@link Guarded} value (a role in a case, a hit, an
 *       alert) goes when any entity it carries is out of scope. The features narrow their own
 *       traversals (neighbourhood, paths, linked cases) the same way: this is the net under them;
 *   <li>a child's identifying fields go through {@link Redaction};
 *   <li>every entity that does go out is noted for the operation's audit event.
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class GraphQlGuard {

    /** GraphQLContext key: the ids of the entities returned (a concurrent set, see AuditInterceptor). */
    public static final String RETURNED = "caselink.returnedIds";

    @Bean
    GraphQlSourceBuilderCustomizer guardEveryField(Access access, SecurityAudit audit) {
        return builder -> builder.typeVisitors(List.of(new Visitor(access, audit)));
    }

    /**
     * {@code Child.redacted}: whether {@link Redaction} withholds this child's identity from the
     * viewer, and {@code Child.redactionReason}: why, in words a user can act on.
     */
    @Bean
    org.springframework.graphql.execution.RuntimeWiringConfigurer childRedacted(Access access) {
        return wiring -> wiring.type(
                "Child",
                b -> b.dataFetcher("redacted", env -> {
                            Child child = env.getSource();
                            return child != null && !Redaction.shows(access.scope(), child);
                        })
                        .dataFetcher("redactionReason", env -> {
                            Child child = env.getSource();
                            if (child == null || Redaction.shows(access.scope(), child)) {
                                return null;
                            }
                            return access.viewer().partner()
                                    ? "your agency neither owns nor was shared a case of this child"
                                    : "you are not assigned to a case of this child";
                        }));
    }

    private static final class Visitor extends GraphQLTypeVisitorStub {
        private final Access access;
        private final SecurityAudit audit;

        Visitor(Access access, SecurityAudit audit) {
            this.access = access;
            this.audit = audit;
        }

        @Override
        public TraversalControl visitGraphQLFieldDefinition(
                GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
            if (!(context.getParentNode() instanceof GraphQLObjectType parent)
                    || parent.getName().startsWith("__")) {
                return TraversalControl.CONTINUE;
            }
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            FieldCoordinates at = FieldCoordinates.coordinates(parent, field);
            String coordinate = parent.getName() + "." + field.getName();
            boolean root = parent.getName().equals("Query") || parent.getName().equals("Mutation");
            boolean redacted = Redaction.redacts(parent.getName(), field.getName());
            if (!root && !redacted && !carriesObjects(field.getType())) {
                return TraversalControl.CONTINUE;
            }
            DataFetcher<?> delegate = registry.getDataFetcher(at, field);
            boolean staffOnly = Permissions.STAFF_ONLY_FIELDS.contains(coordinate);
            registry.dataFetcher(at, (DataFetcher<Object>) env -> {
                Viewer viewer = access.viewer();
                if (root && !Permissions.permits(viewer, coordinate)) {
                    audit.denied(viewer, coordinate, "role not permitted");
                    throw new ForbiddenException(coordinate);
                }
                if (staffOnly && viewer.partner()) {
                    return GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType())) ? List.of() : null;
                }
                if (redacted
                        && env.getSource() instanceof Child child
                        && !Redaction.shows(access.scope(viewer), child)) {
                    return null;
                }
                Object value = delegate.get(env);
                if (value == null) {
                    return null;
                }
                Scope scope = access.scope(viewer);
                Set<String> returned = returned(env.getGraphQlContext());
                if (value instanceof CompletionStage<?> stage) {
                    return stage.thenApply(v -> filter(v, scope, returned));
                }
                return filter(value, scope, returned);
            });
            return TraversalControl.CONTINUE;
        }
    }

    /** A field whose values are objects (entities, lists of them, connections...), not scalars. */
    private static boolean carriesObjects(GraphQLType type) {
        GraphQLType inner = GraphQLTypeUtil.unwrapAll(type);
        return !GraphQLTypeUtil.isScalar(inner) && !GraphQLTypeUtil.isEnum(inner);
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Set<String> returned(GraphQLContext context) {
        return context == null ? null : (Set<String>) context.get(RETURNED);
    }

    /** The value as this scope may see it; see the class comment. */
    @SuppressWarnings("unchecked")
    static @Nullable Object filter(@Nullable Object value, Scope scope, @Nullable Set<String> returned) {
        if (value instanceof DataFetcherResult<?> result) {
            return DataFetcherResult.newResult()
                    .data(filter(result.getData(), scope, returned))
                    .errors(result.getErrors())
                    .localContext(result.getLocalContext())
                    .build();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                Object kept = filter(item, scope, returned);
                if (kept != null || item == null) {
                    out.add(kept);
                }
            }
            return out;
        }
        if (value instanceof Connection<?> c) {
            List<Connection.Edge<Object>> edges = new ArrayList<>();
            for (var edge : c.edges()) {
                if (filter(edge.node(), scope, returned) != null) {
                    edges.add((Connection.Edge<Object>) edge);
                }
            }
            return edges.size() == c.edges().size() ? c : new Connection<>(edges, c.pageInfo(), c.totalCount());
        }
        if (value instanceof Entity e) {
            if (!scope.sees(e)) {
                return null;
            }
            if (returned != null) {
                returned.add(e.getId());
            }
            return e;
        }
        if (value instanceof Guarded g) {
            if (!g.visibleTo(scope)) {
                return null;
            }
            if (returned != null) {
                returned.addAll(g.returnedIds());
            }
            return g;
        }
        return value;
    }
}
