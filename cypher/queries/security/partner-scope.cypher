// What a law-enforcement partner may see: the cases its agency owns or was shared; what those
// cases name (children, people, phones, emails, handles, places, the owning agency); what their
// children and people use, by the partner's own case records (another agency's record that a
// suspect uses a phone is that agency's intelligence); the ads that list any of those
// identifiers; and those ads' images and places. Nothing is reached through another case, and
// nothing past an ad: another agency's suspect who shares a phone with a partner's case stays
// out of sight.
// $keyProperty: label -> key property, from EntityType only.
MATCH (c:Case)-[:OWNED_BY|SHARED_WITH]->(:Agency {code: $agency})
WITH collect(DISTINCT c) AS cases, collect(DISTINCT c.caseNumber) AS numbers
CALL (cases) {
  UNWIND cases AS c
  MATCH (c)-[:SUBJECT_OF|SUSPECT_IN|ASSOCIATE_IN|MENTIONS|LAST_SEEN_IN|OWNED_BY]-(n)
  RETURN collect(DISTINCT n) AS named
}
CALL (named, numbers) {
  UNWIND named AS p
  MATCH (p)-[u:USES]->(i)
  WHERE (p:Child OR p:Person) AND u.recordId IN numbers
  RETURN collect(DISTINCT i) AS used
}
WITH cases, named, used, [x IN named WHERE x:Phone OR x:Email OR x:Handle] + used AS identifiers
CALL (identifiers) {
  UNWIND identifiers AS i
  MATCH (ad:Ad)-[:LISTS]->(i)
  RETURN collect(DISTINCT ad) AS ads
}
CALL (ads) {
  UNWIND ads AS ad
  MATCH (ad)-[:SHOWS|POSTED_IN]->(x)
  RETURN collect(DISTINCT x) AS around
}
UNWIND cases + named + used + ads + around AS n
WITH DISTINCT n
RETURN elementId(n) AS id, labels(n)[0] AS label, n[$keyProperty[labels(n)[0]]] AS key
