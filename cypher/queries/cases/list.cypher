// One page of cases, newest report first (then case number), with optional filters, and the
// number of cases that pass the filters. Keyset paging: $afterTime/$afterKey from the cursor.
// $allowed (null: all) narrows page and count to what a partner may see.
CALL () {
  MATCH (t:Case)
  WHERE ($allowed IS NULL OR t.caseNumber IN $allowed)
    AND ($status IS NULL OR t.status IN $status)
    AND ($type IS NULL OR t.type IN $type)
    AND ($agency IS NULL OR t.agency = $agency)
    AND ($state IS NULL OR t.state = $state)
    AND ($reportedFrom IS NULL OR t.reportedAt >= $reportedFrom)
    AND ($reportedTo IS NULL OR t.reportedAt < $reportedTo)
  RETURN count(t) AS total
}
CALL () {
  MATCH (t:Case)
  WHERE ($allowed IS NULL OR t.caseNumber IN $allowed)
    AND ($status IS NULL OR t.status IN $status)
    AND ($type IS NULL OR t.type IN $type)
    AND ($agency IS NULL OR t.agency = $agency)
    AND ($state IS NULL OR t.state = $state)
    AND ($reportedFrom IS NULL OR t.reportedAt >= $reportedFrom)
    AND ($reportedTo IS NULL OR t.reportedAt < $reportedTo)
    AND ($afterTime IS NULL OR t.reportedAt < $afterTime OR (t.reportedAt = $afterTime AND t.caseNumber > $afterKey))
  WITH t ORDER BY t.reportedAt DESC, t.caseNumber ASC LIMIT $limit
  RETURN collect(t) AS page
}
RETURN total, page
