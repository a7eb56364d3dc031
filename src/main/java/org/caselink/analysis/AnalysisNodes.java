package org.caselink.analysis;

import java.util.Optional;
import org.caselink.graphql.NodeFinder;
import org.caselink.security.Access;
import org.springframework.stereotype.Component;

/**
 * {@code node(id)} for the analysis products: a network ({@code NW-...}), a watch ({@code W-...})
 * or an alert ({@code AL-...}). They are computed over every agency's data, so a partner finds
 * none of them (as {@code networks}, {@code watches} and {@code alerts} refuse it); a watch or an
 * alert on a node out of the viewer's sight does not exist for it, as in {@code watchDelete}.
 */
@Component
class AnalysisNodes implements NodeFinder {

    private final NetworkController networks;
    private final WatchController watches;
    private final Watchlist watchlist;
    private final Access access;

    AnalysisNodes(NetworkController networks, WatchController watches, Watchlist watchlist, Access access) {
        this.networks = networks;
        this.watches = watches;
        this.watchlist = watchlist;
        this.access = access;
    }

    @Override
    public Optional<Object> find(String id) {
        if (access.viewer().partner()) {
            return Optional.empty();
        }
        var scope = access.scope();
        if (id.startsWith("NW-")) {
            return Optional.ofNullable(networks.network(id));
        }
        if (id.startsWith("W-")) {
            return watchlist.active(id, 1).stream()
                    .filter(w -> w.visibleTo(scope))
                    .findFirst()
                    .map(w -> w);
        }
        if (id.startsWith("AL-")) {
            return watches.alert(id).filter(a -> a.watch().visibleTo(scope)).map(a -> a);
        }
        return Optional.empty();
    }
}
