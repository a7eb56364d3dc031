package org.caselink.analysis;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Says in answers that read derived links whether network detection is running or waiting after an import. */
@Controller
class RefreshingController {

    private final NetworkRefresher refresher;

    RefreshingController(NetworkRefresher refresher) {
        this.refresher = refresher;
    }

    @SchemaMapping(typeName = "NetworkList", field = "refreshing")
    boolean networks(Object list) {
        return refresher.refreshing();
    }

    @SchemaMapping(typeName = "NetworkConnection", field = "refreshing")
    boolean networksConnection(Object connection) {
        return refresher.refreshing();
    }

    @SchemaMapping(typeName = "CasePairs", field = "refreshing")
    boolean caseLinks(Object pairs) {
        return refresher.refreshing();
    }

    @SchemaMapping(typeName = "ImportReport", field = "networksRefreshing")
    boolean afterImport(Object report) {
        return refresher.refreshing();
    }
}
