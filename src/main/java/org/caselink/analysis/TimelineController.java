package org.caselink.analysis;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caselink.analysis.NetworkController.Network;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.model.Ad;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.caselink.model.Guarded;
import org.caselink.model.Location;
import org.caselink.model.Visibility;
import org.caselink.security.Access;
import org.caselink.security.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Ad timelines ({@code timeline} from any node, {@code Network.timeline}) and the travel circuit
 * they draw. Apart from {@link NetworkController} because a timeline starts from any node, not
 * only a network, and has its own rules on where a viewer may start one.
 */
@Controller
class TimelineController {

    private static final String TIMELINE =
            CypherFiles.fill(CypherFiles.query("analysis/timeline"), "__HIDDEN_I__", Scope.hides("i"));
    private static final String ADS = CypherFiles.query("analysis/timeline-ads");
    private static final String NETWORK = CypherFiles.query("analysis/network-element");
    private static final String NODE = CypherFiles.query("analysis/node-element");

    private final Graph graph;
    private final Access access;

    TimelineController(Graph graph, Access access) {
        this.graph = graph;
        this.access = access;
    }

    record TimelineEvent(
            OffsetDateTime postedAt, Ad ad, @Nullable Location location) implements Guarded {
        @Override
        public boolean visibleTo(Visibility visibility) {
            return visibility.sees(ad) && (location == null || visibility.sees(location));
        }
    }

    record CircuitStop(Location location, OffsetDateTime from, OffsetDateTime to, int ads) {}

    record Timeline(List<TimelineEvent> events, List<CircuitStop> circuit, boolean truncated) {}

    @SchemaMapping(typeName = "Network", field = "timeline")
    Timeline networkTimeline(Network network, @Argument @Nullable Integer first) {
        return elementId(NETWORK, Map.of("id", network.id()))
                .map(id -> timelineOf(id, first, access.scope()))
                .orElseGet(() -> new Timeline(List.of(), List.of(), false));
    }

    @QueryMapping
    Timeline timeline(@Argument String id, @Argument @Nullable Integer first) {
        Scope scope = access.scope();
        // A partner's timeline starts only from a node in its scope, and never from a network:
        // networks are computed over every agency's cases.
        boolean narrowed = scope.narrowed();
        // Nor from a node out of sight (a hidden child's handle, for an analyst): a timeline would
        // tell that it exists.
        if ((narrowed && id.startsWith("NW-"))
                || (!id.startsWith("NW-")
                        && GlobalId.parse(id)
                                .filter(g -> scope.sees(g.type(), g.key()))
                                .isEmpty())) {
            return new Timeline(List.of(), List.of(), false);
        }
        Optional<String> node = id.startsWith("NW-")
                ? elementId(NETWORK, Map.of("id", id))
                : GlobalId.parse(id)
                        .flatMap(g -> elementId(
                                CypherFiles.fill(NODE, "__MATCH__", g.type().match("n", "$key")),
                                Map.of("key", g.key())));
        return node.map(n -> timelineOf(n, first, scope)).orElseGet(() -> new Timeline(List.of(), List.of(), false));
    }

    /** The element id {@code cypher} finds, if it finds a node. */
    private Optional<String> elementId(String cypher, Map<String, Object> params) {
        return graph.read(cypher, params, r -> r.get("id").asString()).stream().findFirst();
    }

    private Timeline timelineOf(String elementId, @Nullable Integer first, Scope scope) {
        int max = AnalysisController.between("first", first == null ? 200 : first, 1, NetworkController.MAX_FIRST * 10);
        Map<String, Object> params = new HashMap<>();
        params.put("id", elementId);
        boolean narrowed = scope.narrowed();
        // A partner's hidden identifiers are kept out with the rest of what is out of its scope,
        // by inScope below, rather than by its known children (every child of its cases) sent here.
        params.put("knownChildren", narrowed ? null : scope.knownChildren());
        params.put("narrowed", narrowed);
        // A partner's ads are all read (without their properties) and kept here, by its scope.
        params.put("limit", narrowed ? Integer.MAX_VALUE : max + 1);
        List<TimelineEvent> events;
        if (narrowed) {
            List<String> kept =
                    graph
                            .read(
                                    TIMELINE,
                                    params,
                                    r -> inScope(r, scope) ? r.get("id").asString() : "")
                            .stream()
                            .filter(id -> !id.isEmpty())
                            .limit(max + 1L)
                            .toList();
            events = kept.isEmpty() ? List.of() : graph.read(ADS, Map.of("ids", kept), TimelineController::event);
        } else {
            events = graph.read(TIMELINE, params, TimelineController::event);
        }
        var cut = Cut.of(events, max);
        return new Timeline(cut.kept(), circuit(cut.kept()), cut.truncated());
    }

    private static TimelineEvent event(org.neo4j.driver.Record r) {
        Ad ad = (Ad) EntityType.AD.map(r.get("ad"));
        Location l = r.get("l").isNull() ? null : (Location) EntityType.LOCATION.map(r.get("l"));
        return new TimelineEvent(ad.postedAt(), ad, l);
    }

    /**
     * Whether a partner may see an ad of its timeline: the ad is in its scope, and one of the ways
     * it was reached crosses only nodes in its scope and follows only uses its own records assert.
     */
    private static boolean inScope(org.neo4j.driver.Record r, Scope scope) {
        return scope.seesElement(r.get("id").asString())
                && r.get("ways").asList(w -> w).stream()
                        .anyMatch(w ->
                                w.get("via").asList(v -> v.asString()).stream().allMatch(scope::seesElement)
                                        && w.get("records").asList(v -> v.isNull() ? null : v.asString()).stream()
                                                .allMatch(id -> id != null && scope.seesRecord(id)));
    }

    /** Consecutive ads in one place collapse into one stop; ads with no place are skipped. */
    static List<CircuitStop> circuit(List<TimelineEvent> events) {
        List<CircuitStop> stops = new ArrayList<>();
        for (TimelineEvent e : events) {
            if (e.location() == null) {
                continue;
            }
            CircuitStop last = stops.isEmpty() ? null : stops.getLast();
            if (last != null && last.location().key().equals(e.location().key())) {
                stops.set(
                        stops.size() - 1, new CircuitStop(last.location(), last.from(), e.postedAt(), last.ads() + 1));
            } else {
                stops.add(new CircuitStop(e.location(), e.postedAt(), e.postedAt(), 1));
            }
        }
        return stops;
    }
}
