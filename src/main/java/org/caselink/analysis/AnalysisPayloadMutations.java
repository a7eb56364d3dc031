package org.caselink.analysis;

import org.caselink.analysis.NetworkController.NetworkRefresh;
import org.caselink.analysis.WatchController.Alert;
import org.caselink.analysis.Watchlist.Watch;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The analysis mutations in the schema's convention (an input object in, a payload out):
 * {@code networksRefresh}, {@code watchCreate}, {@code watchDelete}, {@code alertAcknowledge}.
 * Each is the deprecated mutation it replaces, with the same checks, scope and audit.
 */
@Controller
class AnalysisPayloadMutations {

    record NetworksRefreshPayload(NetworkRefresh refresh) {}

    record WatchCreateInput(
            String id, @Nullable Integer hops, @Nullable String note) {}

    record WatchCreatePayload(Watch watch) {}

    record WatchDeleteInput(String watchId) {}

    record WatchDeletePayload(String watchId, boolean deleted) {}

    record AlertAcknowledgeInput(String alertId, @Nullable String note) {}

    record AlertAcknowledgePayload(Alert alert) {}

    private final NetworkController networks;
    private final WatchController watches;

    AnalysisPayloadMutations(NetworkController networks, WatchController watches) {
        this.networks = networks;
        this.watches = watches;
    }

    @MutationMapping
    NetworksRefreshPayload networksRefresh() {
        return new NetworksRefreshPayload(networks.refreshNetworks());
    }

    @MutationMapping
    WatchCreatePayload watchCreate(@Argument WatchCreateInput input) {
        return new WatchCreatePayload(watches.watch(input.id(), input.hops(), input.note()));
    }

    @MutationMapping
    WatchDeletePayload watchDelete(@Argument WatchDeleteInput input) {
        return new WatchDeletePayload(input.watchId(), watches.unwatch(input.watchId()));
    }

    @MutationMapping
    AlertAcknowledgePayload alertAcknowledge(@Argument AlertAcknowledgeInput input) {
        return new AlertAcknowledgePayload(watches.acknowledgeAlert(input.alertId(), input.note()));
    }
}
