package org.caselink.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.model.EntityType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what the signed-in user may see: their {@link Viewer} (from Spring
 * Security's context) and {@link Scope}. A scope costs a few statements, so it is kept for
 * {@code caselink.security.scope-ttl} (10 s by default) per viewer, and dropped at once on this
 * replica when sharing or assignments change ({@link #invalidate}); another replica sees such a
 * change within the same time.
 */
@Component
public class Access implements org.caselink.model.CurrentVisibility {

    private static final String PARTNER = CypherFiles.query("security/partner-scope");
    private static final String ASSIGNED = CypherFiles.query("security/assigned-children");
    private static final String HIDDEN = CypherFiles.query("security/hidden-identifiers");
    private static final Map<String, String> KEY_PROPERTY = keyProperties();

    private final Graph graph;
    private final Cache<Viewer, Scope> scopes;

    Access(Graph graph, SecurityProperties settings) {
        this.graph = graph;
        this.scopes = Caffeine.newBuilder()
                .expireAfterWrite(settings.scopeTtl())
                .maximumSize(10_000)
                .build();
    }

    /** The signed-in user of this thread; "anonymous" with no roles when there is none. */
    public Viewer viewer() {
        return Viewer.of(SecurityContextHolder.getContext().getAuthentication());
    }

    public Scope scope() {
        return scope(viewer());
    }

    @Override
    public Scope current() {
        return scope();
    }

    public Scope scope(Viewer viewer) {
        if (!viewer.readsData() || (viewer.partner() && viewer.agency() == null)) {
            return Scope.NONE;
        }
        return scopes.get(viewer, this::compute);
    }

    /** Forgets every cached scope: sharing or an assignment changed. */
    public void invalidate() {
        scopes.invalidateAll();
    }

    private Scope compute(Viewer viewer) {
        if (viewer.partner()) {
            Scope.Rows rows = new Scope.Rows();
            graph.read(PARTNER, Map.of("agency", viewer.agency(), "keyProperty", KEY_PROPERTY), r -> {
                rows.add(
                        r.get("id").asString(),
                        EntityType.ofLabel(r.get("label").asString()),
                        r.get("key").asString());
                return null;
            });
            Set<String> known = rows.keys.getOrDefault(EntityType.CHILD, Set.of());
            Scope.Rows hidden = hidden(known);
            return new Scope(rows.elements, rows.keys, hidden.elements, hidden.keys, Set.copyOf(known));
        }
        Set<String> known = Set.copyOf(graph.read(
                ASSIGNED, Map.of("user", viewer.user()), r -> r.get("uid").asString()));
        Scope.Rows hidden = hidden(known);
        return Scope.everything(hidden.elements, hidden.keys, known);
    }

    private Scope.Rows hidden(Set<String> known) {
        Scope.Rows rows = new Scope.Rows();
        graph.read(HIDDEN, Map.of("known", List.copyOf(known)), r -> {
            rows.add(
                    r.get("id").asString(),
                    EntityType.ofLabel(r.get("label").asString()),
                    r.get("key").asString());
            return null;
        });
        return rows;
    }

    private static Map<String, String> keyProperties() {
        Map<String, String> out = new HashMap<>();
        for (EntityType t : EntityType.values()) {
            out.put(t.label(), t.keyProperty());
        }
        return Map.copyOf(out);
    }
}
