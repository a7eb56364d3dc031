// An import asks for a refresh of networks and case links, kept in the graph until one is done
// (the latest request's time: a run clears only the request it saw).
MERGE (p:PendingRefresh {what: 'networks'})
SET p.since = datetime.realtime()
RETURN p.since AS since
