// Changes the given fields of case $n (a null parameter leaves its field as it was).
MATCH (c:Case {caseNumber: $n})
SET c.type = coalesce($type, c.type), c.status = coalesce($status, c.status),
    c.reportedAt = coalesce($reportedAt, c.reportedAt), c.state = coalesce($state, c.state),
    c.summary = coalesce($summary, c.summary), c.updatedAt = datetime()
