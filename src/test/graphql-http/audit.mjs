// The graphql-http audit of the GraphQL over HTTP spec against a running caselink.
// Usage: node audit.mjs <url>; credentials in CASELINK_AUDIT_USER / CASELINK_AUDIT_PASSWORD.
// Prints one JSON line per audit ({id, name, status, reason}); GraphqlHttpAuditTests reads them.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const user = process.env.CASELINK_AUDIT_USER;
const password = process.env.CASELINK_AUDIT_PASSWORD;
if (!url || !user || !password) {
  console.error('usage: CASELINK_AUDIT_USER=.. CASELINK_AUDIT_PASSWORD=.. node audit.mjs <url>');
  process.exit(2);
}
const authorization = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

// The service asks every caller to sign in; the audit's own requests carry no credentials.
function signedIn(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('Authorization', authorization);
  return fetch(input, { ...init, headers });
}

const results = await auditServer({ url, fetchFn: signedIn });
for (const r of results) {
  console.log(JSON.stringify({ id: r.id, name: r.name, status: r.status, reason: r.reason ?? null }));
}
