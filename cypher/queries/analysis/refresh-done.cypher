// A refresh has answered the request it saw ($seen): cleared, unless a newer one came in meanwhile.
MATCH (p:PendingRefresh {what: 'networks'})
WHERE p.since = $seen
DELETE p
RETURN 1 AS done
