// Every ad's wording (title and body) and its place, by ad id, for near-duplicate texts.
MATCH (a:Ad) WHERE a.title IS NOT NULL OR a.body IS NOT NULL
RETURN a.adId AS id, coalesce(a.title, '') + ' ' + coalesce(a.body, '') AS text,
  coalesce(a.city, '') + ' ' + coalesce(a.state, '') AS place
ORDER BY id
