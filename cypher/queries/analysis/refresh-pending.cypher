// The refresh of networks and case links asked for and not yet done, if any: since when.
MATCH (p:PendingRefresh {what: 'networks'})
RETURN p.since AS since
