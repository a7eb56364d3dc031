// How many cases and ads the graph holds that are not the demo set's ($cases, $ads).
RETURN COUNT { MATCH (c:Case) WHERE NOT c.caseNumber IN $cases } AS cases,
       COUNT { MATCH (a:Ad) WHERE NOT a.adId IN $ads } AS ads
