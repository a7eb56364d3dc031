// What the API shows of networks: member counts by kind, span in time, and places (where their
// ads were posted and their children last seen), busiest first.
UNWIND $ids AS id
MATCH (n:Network {id: id})
CALL (n) {
  MATCH (m)-[:MEMBER_OF]->(n)
  RETURN collect(labels(m)[0]) AS labels,
         min(coalesce(m.reportedAt, m.postedAt)) AS firstSeen,
         max(coalesce(m.reportedAt, m.postedAt)) AS lastSeen
}
CALL (n) {
  MATCH (m)-[:MEMBER_OF]->(n)
  MATCH (m)-[:POSTED_IN|LAST_SEEN_IN]->(l:Location)
  WITH l, count(CASE WHEN m:Ad THEN 1 END) AS ads, count(CASE WHEN m:Case THEN 1 END) AS cases
  ORDER BY ads + cases DESC, l.key
  RETURN collect({location: l, ads: ads, cases: cases}) AS places
}
RETURN n, labels, {firstSeen: firstSeen, lastSeen: lastSeen} AS span, places
