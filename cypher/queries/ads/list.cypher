// One page of ads, newest first (then ad id), with optional filters, and the number of ads that
// pass the filters. Keyset paging: $afterTime/$afterKey from the cursor.
// $allowed (null: all) narrows page and count to what a partner may see.
CALL () {
  MATCH (t:Ad)
  WHERE ($allowed IS NULL OR t.adId IN $allowed)
    AND ($site IS NULL OR t.site = $site)
    AND ($city IS NULL OR toLower(t.city) = toLower($city))
    AND ($state IS NULL OR t.state = $state)
    AND ($postedFrom IS NULL OR t.postedAt >= $postedFrom)
    AND ($postedTo IS NULL OR t.postedAt < $postedTo)
  RETURN count(t) AS total
}
CALL () {
  MATCH (t:Ad)
  WHERE ($allowed IS NULL OR t.adId IN $allowed)
    AND ($site IS NULL OR t.site = $site)
    AND ($city IS NULL OR toLower(t.city) = toLower($city))
    AND ($state IS NULL OR t.state = $state)
    AND ($postedFrom IS NULL OR t.postedAt >= $postedFrom)
    AND ($postedTo IS NULL OR t.postedAt < $postedTo)
    AND ($afterTime IS NULL OR t.postedAt < $afterTime OR (t.postedAt = $afterTime AND t.adId > $afterKey))
  WITH t ORDER BY t.postedAt DESC, t.adId ASC LIMIT $limit
  RETURN collect(t) AS page
}
RETURN total, page
