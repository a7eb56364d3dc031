/**
 * Every read operation against a running service, as each role (run alone, and only, when
 * CASELINK_LIVE_URL is set, e.g. http://127.0.0.1:8091 with HTTP Basic demo accounts; see vite.config.ts):
 * catches what the schema check cannot, such as the query-complexity limit.
 */
import { describe, expect, it } from 'vitest';
import { ApiClient } from './http';
import { ALERTS, CASE_NOTES, CASE_PAGE, CASE_STAFF, LINKED_CASES, NEIGHBOURHOOD, NETWORK, NETWORK_LINKS, PATHS, SEARCH, TIMELINE, WATCHES } from './operations';
import { searchVariables } from './searchInput';

const url = process.env.CASELINK_LIVE_URL;
if (!url) throw new Error('live.test.ts runs against a service: set CASELINK_LIVE_URL');

function client(user: string): ApiClient {
  const auth = 'Basic ' + Buffer.from(`${user}:${user}-demo`).toString('base64');
  return new ApiClient({
    baseUrl: url,
    cookies: () => '',
    fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Authorization: auth } }),
  });
}

describe('live service', () => {
  it('runs every read as a case manager, within the limits', async () => {
    const c = client('casemanager');
    const page = await c.data(CASE_PAGE, { caseNumber: 'MC-2023-000100' });
    expect(page.case?.children[0]?.firstName).toBe('Lia');
    const suspect = page.case!.people.find((p) => p.role === 'SUSPECT')!.person.id;
    const linked = await c.data(LINKED_CASES, { caseNumber: 'MC-2023-000100', first: 10, maxHops: 6, minScore: 0 });
    expect(linked.linkedCases.links.length).toBeGreaterThan(0);
    const staff = await c.data(CASE_STAFF, { caseNumber: 'MC-2023-000100' });
    const nw = staff.case!.network!;
    expect(nw.keyPlayers.length).toBeGreaterThan(0);
    await c.data(TIMELINE, { id: page.case!.id, first: 500 });
    await c.data(TIMELINE, { id: nw.id, first: 500 });
    const net = await c.data(NETWORK, { id: nw.id, first: 1000 });
    expect(net.network!.members.nodes.length).toBe(nw.size);
    const members = new Set(net.network!.members.nodes.map((n) => n.id));
    const links = (await c.data(NETWORK_LINKS, { id: nw.id, first: 800 })).network!.links.links;
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => members.has(l.from) && members.has(l.to))).toBe(true);
    await c.data(NEIGHBOURHOOD, { id: suspect, hops: 3, limit: 1000 });
    const nb = await c.data(NEIGHBOURHOOD, { id: suspect, hops: 1, limit: 500 });
    expect(Array.isArray(nb.neighbourhood.hubs)).toBe(true);
    const notes = await c.data(CASE_NOTES, { caseNumber: 'MC-2023-000100', first: 50 });
    expect(Array.isArray(notes.case?.notes)).toBe(true);
    const other = linked.linkedCases.links[0]!.case.id;
    const paths = await c.data(PATHS, { from: page.case!.id, to: other, maxHops: 6, limit: 10 });
    expect(paths.paths.paths.length).toBeGreaterThan(0);
    await c.data(ALERTS, { status: null, first: 50 });
    await c.data(WATCHES, { first: 200 });
    for (const text of ['MC-2023-000100', 'Garland', '(703) 555-0103', 'net0.bookings@mail.example', 'instagram:someone']) {
      await c.data(SEARCH, searchVariables(text, 50));
    }
  }, 30_000);

  it('redacts for an analyst and hides the case from partner-b', async () => {
    const a = await client('analyst').data(CASE_PAGE, { caseNumber: 'MC-2023-000100' });
    expect(a.case?.children[0]).toMatchObject({ redacted: true, firstName: null });
    expect(a.case?.children[0]?.redactionReason).toBeTruthy();
    const b = await client('partner-b').data(CASE_PAGE, { caseNumber: 'MC-2023-000100' });
    expect(b.case).toBeNull();
    const own = (await client('partner-b').data(SEARCH, searchVariables('demo', 5))).search.find((x) => x.node.__typename === 'Case')?.node;
    expect(own?.__typename).toBe('Case');
    const pn = await client('partner-b').data(CASE_NOTES, { caseNumber: own?.__typename === 'Case' ? own.caseNumber : '', first: 50 });
    expect(pn.case).not.toBeNull();
    expect(pn.case!.notes).toEqual([]);
    const s = await client('partner-b').data(SEARCH, searchVariables('MC-2023-000100', 50));
    expect(s.exactCase ?? null).toBeNull();
  }, 30_000);
});
