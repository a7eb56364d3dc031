#!/usr/bin/env node
/**
 * Browser tests of the caselink workspace, with playwright-core and Debian's Chromium.
 *
 *   node e2e/workspace.e2e.mjs --base http://127.0.0.1:5173 --out e2e-out [--only a,b] [--read-only]
 *
 * Signs in through the sign-in screen (the service's session endpoints, or the dev server's
 * emulation of them: CASELINK_DEV_SESSIONS=1), runs the scenarios, takes a screenshot of each
 * step, runs axe-core on each main screen, measures the budgets, writes results.json, and exits
 * non-zero on any failure with the scenario and step named.
 *
 * The scenarios `proposal`, `proposals`, `alert` and `note` write (an import of a few synthetic
 * records, proposal decisions, a watch, an alert acknowledged, a case note), each with names unique to the
 * run, so that they pass on a fresh demo database and again on one they ran against before;
 * `--read-only` skips them (for a shared service). They reach the API from Node too, with HTTP
 * Basic and the demo passwords, to pick their data at run time and to check what the UI did.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const BASE = arg('base', process.env.CASELINK_E2E_BASE || 'http://127.0.0.1:5173').replace(/\/$/, '');
const OUT = resolve(arg('out', 'e2e-out'));
mkdirSync(OUT, { recursive: true });

const CASE = 'MC-2023-000100';
const READ_ONLY = process.argv.includes('--read-only');
/** Unique to this run: the names of everything the writing scenarios create. */
const RUN = `${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`;
const WRITING = new Set(['proposal', 'proposals', 'alert', 'note']);
const BUDGETS = {
  signInMs: { budget: 1500, fail: 3000 },
  expandMs: { budget: 300, fail: 600 },
  // Asserted at twice the budget, like the others, so that a loaded CI machine does not fail them
  // at random; the figures are reported exactly.
  layout2000Ms: { budget: 2000, fail: 4000 },
  panP95Ms: { budget: 50, fail: 100 },
};

const results = { base: BASE, run: RUN, readOnly: READ_ONLY, startedAt: new Date().toISOString(), steps: [], measurements: {}, axe: {}, failures: [], warnings: [] };
let shot = 0;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
};

class StepError extends Error {}

async function step(page, scenario, name, fn) {
  const t0 = Date.now();
  const entry = { scenario, step: name, ok: false, ms: 0 };
  results.steps.push(entry);
  try {
    const value = await fn();
    entry.ok = true;
    return value;
  } catch (e) {
    entry.error = String(e?.message || e).split('\n')[0];
    results.failures.push(`${scenario} / ${name}: ${entry.error}`);
    console.error(`  FAIL ${scenario} / ${name}: ${entry.error}`);
    throw new StepError(entry.error);
  } finally {
    entry.ms = Date.now() - t0;
    if (page) {
      shot += 1;
      const file = `${String(shot).padStart(2, '0')}-${scenario}-${name}`.replace(/[^\w.-]+/g, '_') + '.png';
      try {
        await page.screenshot({ path: join(OUT, file), fullPage: false });
        entry.screenshot = file;
      } catch {
        /* page gone */
      }
    }
    if (entry.ok) console.log(`  ok   ${scenario} / ${name} (${entry.ms} ms)`);
  }
}

function measure(name, values, unit = 'ms') {
  const b = BUDGETS[name];
  const value = values.length > 1 ? (name === 'panP95Ms' ? p95(values) : median(values)) : values[0];
  results.measurements[name] = { value: Math.round(value * 10) / 10, samples: values.map((v) => Math.round(v * 10) / 10), ...b };
  const verdict = !b ? '' : value > b.fail ? 'FAIL' : value > b.budget ? 'over budget' : 'within budget';
  const shown = values.length > 12 ? `min ${Math.min(...values).toFixed(0)}, median ${median(values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}` : values.map((v) => v.toFixed(0)).join(', ');
  console.log(`  measure ${name}: ${value.toFixed(1)} ${unit} (${values.length > 1 ? `${name === 'panP95Ms' ? 'p95' : 'median'} of ${values.length}: ${shown}` : 'one run'}) budget ${b?.budget ?? '-'} ${unit}, fail above ${b?.fail ?? '-'} ${unit}: ${verdict}`);
  if (b && value > b.fail) results.failures.push(`measurement ${name}: ${value.toFixed(1)} ${unit} is above ${b.fail} ${unit}`);
  else if (b && value > b.budget) results.warnings.push(`measurement ${name}: ${value.toFixed(1)} ${unit} is over its budget of ${b.budget} ${unit}`);
}

async function axe(page, screen) {
  // page.addScriptTag({ path }) inlines the file as a <script>, which the service's CSP
  // (script-src 'self') refuses; evaluating it through the DevTools protocol is not subject to
  // the page's CSP, so the app is tested under its real policy.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(`${AXE_SOURCE}\n;true`);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  results.axe[screen] = violations;
  for (const v of violations) console.log(`    axe ${screen}: ${v.impact} ${v.id}: ${v.help} @ ${v.nodes.join(', ')}`);
  if (bad.length) throw new Error(`axe-core found ${bad.length} serious or critical issue(s) on ${screen}: ${bad.map((v) => v.id).join(', ')}`);
}

// ---------------------------------------------------------------- the API from Node (HTTP Basic)

const basic = (user) => 'Basic ' + Buffer.from(`${user}:${user}-demo`).toString('base64');

/** A GraphQL request as a demo user; answers `data`, throws on HTTP or GraphQL errors. */
async function api(user, query, variables = {}) {
  const r = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: basic(user), 'X-Caselink-Client': 'e2e' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`POST /graphql as ${user}: HTTP ${r.status} ${text.slice(0, 200)}`);
  const body = JSON.parse(text);
  if (body.errors?.length) throw new Error(`GraphQL as ${user}: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

/** POST /api/import as analyst: one JSON Lines file; answers the summary, throws unless every record landed. */
async function importRecords(name, records) {
  const form = new FormData();
  form.append('files', new Blob([records.map((x) => JSON.stringify(x)).join('\n') + '\n'], { type: 'application/x-ndjson' }), name);
  const r = await fetch(`${BASE}/api/import`, {
    method: 'POST',
    headers: { Authorization: basic('analyst'), 'X-Caselink-Client': 'e2e' },
    body: form,
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`POST /api/import: HTTP ${r.status} ${text.slice(0, 200)}`);
  const summary = JSON.parse(text);
  if (summary.imported !== records.length || summary.rejected) {
    throw new Error(`POST /api/import: ${summary.imported} of ${records.length} records imported, ${summary.rejected} rejected: ${JSON.stringify(summary.errors).slice(0, 300)}`);
  }
  console.log(`    import ${name}: ${summary.imported} record(s), ${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships created in ${summary.seconds} s`);
  return summary;
}

const PROPOSAL_FIELDS = `fragment P on IdentityProposal { id kind status score rule reason decidedBy people { id firstName lastName cases { case { caseNumber } } } }`;

/**
 * An open person proposal whose people are in a case, as analyst: one the data holds, or one made
 * for this run (`tag` keeps the people of two callers in one run apart). Answers its id and a case.
 */
async function openPersonProposal(tag, exclude = new Set()) {
  const pick = (list) => list.find((p) => p.status === 'PROPOSED' && !exclude.has(p.id) && p.people.some((x) => x.cases.length > 0));
  const open = await api('analyst', `{ identityProposals(kind: PERSON, status: PROPOSED, first: 100) { ...P } } ${PROPOSAL_FIELDS}`);
  let p = pick(open.identityProposals);
  if (!p) {
    // The demo data holds none (its people never qualify: DemoData names no one twice with a
    // shared contact or date of birth), so make one: two new cases naming one individual
    // under two person ids (same rare name, date of birth and email), then derive proposals.
    const last = `Zabrowski${RUN}${tag}`;
    // A date of birth of this run's own, so that people seeded by earlier runs (different
    // dates of birth rule a pair out) are never proposed with these.
    const n = [...(RUN + tag)].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 100_000, 7);
    const dob = `${1960 + (n % 30)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    const person = (id, role) => ({ personId: `E2E-${RUN}-${tag}${id}`, role, firstName: 'Quintus', lastName: last, dob, emails: [`q.${(RUN + tag).toLowerCase()}@e2e.example`] });
    await importRecords(`e2e-proposal-${RUN}-${tag}.jsonl`, [
      { kind: 'case', caseNumber: `E2E-${RUN}-${tag}PA`, type: 'RUNAWAY', status: 'OPEN', reportedAt: '2025-03-01T10:00:00Z', agency: 'AGENCY-A', state: 'VA', summary: 'Synthetic e2e case (identity proposal).', persons: [person('P1', 'SUSPECT')] },
      { kind: 'case', caseNumber: `E2E-${RUN}-${tag}PB`, type: 'RUNAWAY', status: 'OPEN', reportedAt: '2025-03-02T10:00:00Z', agency: 'AGENCY-B', state: 'MD', summary: 'Synthetic e2e case (identity proposal).', persons: [person('P2', 'ASSOCIATE')] },
    ]);
    const t0 = Date.now();
    await api('analyst', 'mutation { networksRefresh { refresh { computedAt tookMs } } }');
    const again = await api('analyst', `{ identityProposals(kind: PERSON, status: PROPOSED, first: 100) { ...P } } ${PROPOSAL_FIELDS}`);
    p = again.identityProposals.find((x) => x.people.some((y) => y.lastName === last));
    if (!p) throw new Error(`no identity proposal derived for the two imported people named ${last}`);
    console.log(`    the data held no open person proposal: seeded one by import and derived it with networksRefresh (${Date.now() - t0} ms)`);
  }
  const caseNumber = p.people.flatMap((x) => x.cases.map((c) => c.case.caseNumber))[0];
  console.log(`    proposal ${p.id.slice(0, 16)}… (${p.rule}, score ${p.score}) about ${p.people.map((x) => `${x.firstName} ${x.lastName}`).join(' / ')}; in ${caseNumber}`);
  return { id: p.id, caseNumber, people: p.people.map((x) => x.id) };
}

async function signIn(page, user, password = `${user}-demo`) {
  await page.goto(`${BASE}/?test=1#/`);
  await page.waitForSelector('[data-testid="signin-form"]', { timeout: 15000 });
  await page.fill('[data-testid="signin-username"]', user);
  await page.fill('[data-testid="signin-password"]', password);
  const t0 = Date.now();
  await page.click('[data-testid="signin-submit"]');
  await page.waitForSelector('[data-testid="main"][data-view]', { timeout: 15000 });
  return Date.now() - t0;
}

async function signOut(page) {
  await page.click('[data-testid="signout"]');
  await page.waitForSelector('[data-testid="signin-form"]', { timeout: 10000 });
}

async function searchAndOpenCase(page, text) {
  await page.fill('[data-testid="search-input"]', '');
  await page.type('[data-testid="search-input"]', text, { delay: 15 });
  await page.waitForSelector('[data-testid="search-suggestions"]:not([hidden])', { timeout: 10000 });
  const option = page.locator('[data-testid="search-option"][data-kind="Case"]', { hasText: text }).first();
  await option.waitFor({ timeout: 10000 });
  await page.keyboard.press('ArrowDown');
  const first = await page.locator('[data-testid="search-option"][aria-selected="true"]').first().textContent();
  if (first && first.includes(text)) await page.keyboard.press('Enter');
  else await option.click();
  await page.waitForSelector('[data-testid="main"][data-view="case"]', { timeout: 15000 });
}

async function run() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => results.warnings.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) results.failures.push(`CSP violation: ${m.text()}`);
      // The session check before sign-in answers 401 by design; anything else is worth a look.
      if (m.type() === 'error' && !/status of 401/.test(m.text())) results.warnings.push(`console error: ${m.text()}`);
    });
    return { context, page };
  };

  const scenarios = {
    async 'sign-in'() {
      const { context, page } = await newPage();
      try {
        await step(page, 'sign-in', 'screen', async () => {
          await page.goto(`${BASE}/?test=1#/`);
          await page.waitForSelector('[data-testid="signin-form"]', { timeout: 15000 });
          await axe(page, 'sign-in');
        });
        await step(page, 'sign-in', 'wrong-password', async () => {
          await page.fill('[data-testid="signin-username"]', 'analyst');
          await page.fill('[data-testid="signin-password"]', 'not-the-password');
          await page.click('[data-testid="signin-submit"]');
          await page.waitForSelector('[data-testid="signin-error"]', { timeout: 10000 });
        });
        const times = [];
        for (let i = 0; i < 5; i++) {
          times.push(await step(page, 'sign-in', `casemanager-${i + 1}`, async () => {
            const ms = await signIn(page, 'casemanager');
            await signOut(page);
            return ms;
          }));
        }
        measure('signInMs', times);
        await step(page, 'sign-in', 'signed-out-clears', async () => {
          const leftovers = await page.locator('[data-testid="main"], [data-testid="search-input"]').count();
          if (leftovers) throw new Error('the signed-in screen is still in the page after sign-out');
        });
      } finally {
        await context.close();
      }
    },

    async casemanager() {
      const { context, page } = await newPage();
      try {
        await step(page, 'casemanager', 'sign-in', () => signIn(page, 'casemanager'));
        await step(page, 'casemanager', 'home-axe', () => axe(page, 'home'));
        await step(page, 'casemanager', 'search-open-case', () => searchAndOpenCase(page, CASE));
        await step(page, 'casemanager', 'child-first-name', async () => {
          await page.waitForSelector('[data-testid="child-name"]', { timeout: 10000 });
          const name = (await page.textContent('[data-testid="child-name"]')) ?? '';
          if (!/\bLia\b/.test(name)) throw new Error(`expected the child's first name (Lia), saw "${name}"`);
          if (await page.locator('[data-testid="child-redacted"]').count()) throw new Error('the child shows as redacted to its case manager');
        });
        await step(page, 'casemanager', 'linked-cases', async () => {
          await page.waitForSelector('[data-testid="linked-row"]', { timeout: 15000 });
          await page.click('[data-testid="linked-expand"]');
          await page.waitForSelector('[data-testid="linked-table"] [data-testid="path-step"]', { timeout: 5000 });
          await page.waitForSelector('[data-testid="key-player"]', { timeout: 15000 });
          await page.waitForSelector('[data-testid="ads-table"]', { timeout: 15000 });
        });
        await step(page, 'casemanager', 'case-axe', () => axe(page, 'case'));
        await step(page, 'casemanager', 'edit-controls', async () => {
          if (!(await page.locator('[data-testid="form-status"]').count())) throw new Error('no edit controls for a case manager');
        });
        await step(page, 'casemanager', 'timeline', async () => {
          await page.click('[data-testid="open-timeline"]');
          await page.waitForSelector('[data-testid="main"][data-view="timeline"]', { timeout: 15000 });
          await page.waitForSelector('[data-testid="timeline-chart"], [data-testid="timeline-empty"]', { timeout: 15000 });
          if (await page.locator('[data-testid="timeline-empty"]').count()) throw new Error(`the timeline of ${CASE} shows no ads`);
          const circuit = await page.locator('[data-testid="circuit-list"] li').count();
          console.log(`    timeline of ${CASE}: ${circuit} circuit stop(s)`);
        });
        await step(page, 'casemanager', 'circuit-map', async () => {
          // The circuit on the bundled map of the states (no tile server): one numbered stop per
          // stop of the circuit, the route between them, the visited states shaded.
          await page.waitForSelector('[data-testid="circuit-map"]', { timeout: 15000 });
          const circuit = await page.locator('[data-testid="circuit-list"] li').count();
          const stops = await page.locator('[data-testid="circuit-map"] [data-testid="circuit-stop"]').count();
          const states = await page.locator('[data-testid="circuit-map"] path[data-state]').count();
          const shaded = await page.locator('[data-testid="circuit-map"] path[data-state][fill="#d1e0ff"]').count();
          if (states < 51) throw new Error(`the map draws ${states} states, expected every state and DC`);
          if (circuit < 2 || stops !== circuit) throw new Error(`the map shows ${stops} stops for a circuit of ${circuit}`);
          if (shaded < 2) throw new Error(`the map shades ${shaded} visited states; the circuit of ${CASE} crosses several`);
          await page.locator('[data-testid="circuit-map"]').scrollIntoViewIfNeeded();
          console.log(`    circuit map: ${stops} stops, ${shaded} states visited`);
        });
        await step(page, 'casemanager', 'timeline-axe', () => axe(page, 'timeline'));
      } finally {
        await context.close();
      }
    },

    async analyst() {
      const { context, page } = await newPage();
      try {
        await step(page, 'analyst', 'sign-in', () => signIn(page, 'analyst'));
        await step(page, 'analyst', 'search-open-case', () => searchAndOpenCase(page, CASE));
        await step(page, 'analyst', 'child-redacted', async () => {
          await page.waitForSelector('[data-testid="child-redacted"]', { timeout: 10000 });
          const reason = (await page.textContent('[data-testid="child-redaction-reason"]')) ?? '';
          const fromApi = (await api('analyst', 'query($n: String!) { case(caseNumber: $n) { children { redacted redactionReason } } }', { n: CASE }))
            .case.children.find((c) => c.redacted)?.redactionReason;
          if (!fromApi) throw new Error('the API gives no redactionReason for the redacted child');
          if (!reason.includes(fromApi)) throw new Error(`the redaction reason shown ("${reason}") is not the API's ("${fromApi}")`);
          if (await page.locator('[data-testid="child-name"]').count()) throw new Error('a redacted child shows a name');
          const text = await page.textContent('[data-testid="case-children"]');
          if (/\bLia\b/.test(text ?? '')) throw new Error('the redacted child’s name is on the page');
          await page.waitForSelector('[data-testid="case-notes"] [data-testid="form-note"]', { timeout: 10000 });
        });
        // Every neighbourhood answer's hubs, to check that the explorer's hubs are the API's.
        const hubsSeen = new Set();
        let neighbourhoods = 0;
        page.on('response', async (res) => {
          if (!res.url().endsWith('/graphql') || res.request().method() !== 'POST') return;
          try {
            const nb = (await res.json())?.data?.neighbourhood;
            if (nb) {
              neighbourhoods += 1;
              for (const id of nb.hubs ?? []) hubsSeen.add(id);
            }
          } catch {
            /* not JSON, or the page went on */
          }
        });
        await step(page, 'analyst', 'open-suspect-explorer', async () => {
          await page.click('[data-testid="person-row"][data-role="SUSPECT"] [data-testid="person-link"]');
          await page.waitForSelector('[data-testid="main"][data-view="explore"]', { timeout: 20000 });
          await page.waitForSelector('[data-testid="node-item"]', { timeout: 10000 });
        });
        await step(page, 'analyst', 'explorer-axe', () => axe(page, 'explorer'));
        const expandTimes = [];
        await step(page, 'analyst', 'expand-nodes', async () => {
          for (let i = 0; i < 5; i++) {
            const candidates = page.locator('[data-testid="node-item"][data-expanded="false"][data-hub="false"]');
            if ((await candidates.count()) === 0) throw new Error('no unexpanded node left to expand');
            const before = await page.getAttribute('[data-testid="graph"]', 'data-last-expand-ms');
            const nodesBefore = await page.evaluate(() => window.__caselinkTest.explorer.model.nodes.size);
            const t0 = Date.now();
            await candidates.first().click();
            await page.waitForFunction((b) => document.querySelector('[data-testid="graph"]').getAttribute('data-last-expand-ms') !== b, before, { timeout: 10000 });
            const outside = Date.now() - t0;
            const inside = Number(await page.getAttribute('[data-testid="graph"]', 'data-last-expand-ms'));
            const nodesAfter = await page.evaluate(() => window.__caselinkTest.explorer.model.nodes.size);
            console.log(`    expand ${i + 1}: ${inside.toFixed(0)} ms in page, ${outside} ms from the test; nodes ${nodesBefore} -> ${nodesAfter}`);
            expandTimes.push(inside);
          }
        });
        measure('expandMs', expandTimes);
        await step(page, 'analyst', 'hubs-from-api', async () => {
          // Within reach of the case (3 hops, as far as the service walks), is there a hub to see?
          const caseId = (await api('analyst', 'query($n: String!) { case(caseNumber: $n) { id } }', { n: CASE })).case.id;
          const reach = (await api('analyst', 'query($id: ID!) { neighbourhood(id: $id, hops: 3, limit: 1000) { hubs truncated } }', { id: caseId })).neighbourhood;
          const model = await page.evaluate(() => [...window.__caselinkTest.explorer.model.nodes.values()].map((n) => ({ id: n.id, hub: n.hub, expanded: n.expanded, label: n.label })));
          const drawn = await page.evaluate(() => window.__caselinkTest.explorer.cy.$('node.hub').map((n) => n.id()));
          const items = await page.$$eval('[data-testid="node-item"]', (els) => els.map((e) => ({ id: e.getAttribute('data-id'), hub: e.getAttribute('data-hub') })));
          if (neighbourhoods === 0) throw new Error('no neighbourhood answer was seen');
          for (const n of model) {
            if (n.hub !== hubsSeen.has(n.id)) throw new Error(`${n.label}: hub=${n.hub} in the explorer, but the API's hubs ${hubsSeen.has(n.id) ? 'name' : 'do not name'} it`);
          }
          const byId = new Map(model.map((n) => [n.id, n]));
          for (const it of items) {
            if (it.hub !== String(byId.get(it.id)?.hub)) throw new Error(`node item ${it.id}: data-hub="${it.hub}" but the model says ${byId.get(it.id)?.hub}`);
          }
          const hubIds = model.filter((n) => n.hub).map((n) => n.id);
          if (drawn.sort().join() !== hubIds.sort().join()) throw new Error(`drawn as hubs: ${drawn.length}, hubs in the model: ${hubIds.length}`);
          const start = await page.evaluate(() => window.__caselinkTest.explorer.cy.$('node.start').map((n) => n.id())[0]);
          const expandedHub = model.find((n) => n.hub && n.expanded && n.id !== start);
          if (expandedHub) throw new Error(`the hub ${expandedHub.label} was expanded`);
          console.log(`    hubs: ${reach.hubs.length} within 3 hops of ${CASE}${reach.truncated ? ' (walk truncated)' : ''}; ${hubsSeen.size} named by the explorer's ${neighbourhoods} neighbourhood answers; ${hubIds.length} drawn as hubs (data-hub="true") of ${model.length} nodes, none clicked`);
          if (reach.hubs.length === 0) console.log('    (the demo data has no hub within reach: checked that data-hub comes from the answers\' hubs only)');
        });
        await step(page, 'analyst', 'edge-evidence', async () => {
          await page.evaluate(() => {
            window.__caselinkTest.explorer.cy.edges()[0].emit('tap');
            return true;
          });
          await page.waitForSelector('[data-testid="edge-evidence"] [data-testid="evidence"]', { timeout: 5000 });
        });
        await step(page, 'analyst', 'path-between-cases', async () => {
          const pick = async (label) => {
            const item = page.locator('[data-testid="node-item"][data-kind="Case"]', { hasText: label }).first();
            await page.fill('[data-testid="node-filter"]', label);
            await item.click({ modifiers: ['Shift'] });
          };
          await pick(CASE);
          const other = await page.evaluate((c) => [...window.__caselinkTest.explorer.model.nodes.values()].find((n) => n.kind === 'Case' && n.label !== c)?.label, CASE);
          if (!other) throw new Error('no linked case in the graph');
          await pick(other);
          await page.fill('[data-testid="node-filter"]', '');
          await page.waitForSelector('[data-testid="path-result"]', { timeout: 15000 });
          const highlighted = await page.evaluate(() => window.__caselinkTest.explorer.cy.$('.onpath').length);
          if (highlighted < 3) throw new Error(`expected a highlighted path, found ${highlighted} highlighted elements`);
          await page.waitForSelector('[data-testid="path-detail"] [data-testid="evidence"]', { timeout: 5000 });
        });
        await step(page, 'analyst', 'network', async () => {
          await page.goto(`${BASE}/?test=1#/case/${CASE}`);
          await page.waitForSelector('[data-testid="open-network"]', { timeout: 20000 });
          await page.click('[data-testid="open-network"]');
          await page.waitForSelector('[data-testid="network-key-player"]', { timeout: 20000 });
          const keys = await page.evaluate(() => window.__caselinkTest.explorer.cy.$('node.key').length);
          if (keys < 1) throw new Error('no key player highlighted in the network graph');
        });
        await step(page, 'analyst', 'network-axe', () => axe(page, 'network'));
        await step(page, 'analyst', 'exports', async () => {
          for (const [id, ext, check] of [
            ['export-png', '.png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
            ['export-svg', '.svg', (b) => /<svg[\s>]/.test(b.toString('utf8'))],
            ['export-json', '.json', (b) => JSON.parse(b.toString('utf8')).nodes.length > 10],
            ['export-graphml', '.graphml', (b) => /<graphml[\s\S]*<node [\s\S]*<edge [\s\S]*<\/graphml>/.test(b.toString('utf8'))],
          ]) {
            const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.click(`[data-testid="${id}"]`)]);
            const file = join(OUT, `network${ext}`);
            await dl.saveAs(file);
            const bytes = readFileSync(file);
            if (!dl.suggestedFilename().endsWith(ext) || !check(bytes)) throw new Error(`${id}: unexpected file ${dl.suggestedFilename()} (${bytes.length} bytes)`);
            console.log(`    ${id}: ${dl.suggestedFilename()} ${bytes.length} bytes`);
          }
        });
        await step(page, 'analyst', 'layout-2000', async () => {
          const r = await page.evaluate(() => window.__caselinkTest.explorer.loadSynthetic(2000));
          console.log(`    synthetic: ${r.nodes} nodes + ${r.edges} links, layout ${r.layoutMs.toFixed(0)} ms, first frames ${r.renderMs.toFixed(0)} ms`);
          measure('layout2000Ms', [r.layoutMs]);
          // Let the first frames of the new graph settle, pan 30 frames to warm up, then measure.
          await page.waitForTimeout(500);
          const warm = await page.evaluate(() => window.__caselinkTest.explorer.panFrames(30));
          console.log(`    warm-up pan: ${warm.length} frames, max ${Math.max(...warm).toFixed(0)} ms (not counted)`);
          const frames = await page.evaluate(() => window.__caselinkTest.explorer.panFrames(180));
          measure('panP95Ms', frames);
        });
        await step(page, 'analyst', 'alerts', async () => {
          await page.click('[data-testid="nav-alerts"]');
          await page.waitForSelector('[data-testid="main"][data-view="alerts"]', { timeout: 15000 });
          await axe(page, 'alerts');
        });
      } finally {
        await context.close();
      }
    },

    async 'session-ended'() {
      const { context, page } = await newPage();
      try {
        await step(page, 'session-ended', 'sign-in', () => signIn(page, 'analyst'));
        await step(page, 'session-ended', 'back-to-sign-in', async () => {
          // The service ends an idle session; dropping the session cookie does the same from here.
          const keep = (await context.cookies()).filter((c) => c.name === 'XSRF-TOKEN');
          await context.clearCookies();
          await context.addCookies(keep);
          await page.type('[data-testid="search-input"]', 'Garland', { delay: 10 });
          await page.waitForSelector('[data-testid="signin-message"]', { timeout: 10000 });
          const msg = (await page.textContent('[data-testid="signin-message"]')) ?? '';
          if (!/session has ended/i.test(msg)) throw new Error(`unexpected message "${msg}"`);
          if (await page.locator('[data-testid="main"]').count()) throw new Error('the old screen is still there');
        });
      } finally {
        await context.close();
      }
    },

    async 'partner-b'() {
      const { context, page } = await newPage();
      try {
        await step(page, 'partner-b', 'sign-in', () => signIn(page, 'partner-b'));
        await step(page, 'partner-b', 'search', async () => {
          await page.type('[data-testid="search-input"]', CASE, { delay: 15 });
          await page.waitForSelector('[data-testid="search-suggestions"]:not([hidden])', { timeout: 10000 });
          const hit = await page.locator('[data-testid="search-option"]', { hasText: CASE }).count();
          if (hit) throw new Error(`${CASE} is offered to partner-b`);
          await page.keyboard.press('Enter');
          await page.waitForSelector('[data-testid="main"][data-view="search"]', { timeout: 10000 });
          const onPage = await page.locator('[data-testid="search-result"]', { hasText: CASE }).count();
          if (onPage) throw new Error(`${CASE} is in partner-b's results`);
        });
        await step(page, 'partner-b', 'open-case-not-found', async () => {
          await page.goto(`${BASE}/?test=1#/case/${CASE}`);
          await page.waitForSelector('[data-testid="case-not-found"]', { timeout: 15000 });
          const text = await page.textContent('[data-testid="main"]');
          if (/Lia|Garland|AGENCY-A/.test(text ?? '')) throw new Error('something of the case shows');
        });
        await step(page, 'partner-b', 'no-write-controls', async () => {
          // A case partner-b does see (its agency's), picked from the API.
          const own = (await api('partner-b', '{ search(text: "demo", types: [CASE], first: 5) { node { ... on Case { caseNumber } } } }')).search.find((x) => x.node.caseNumber)?.node.caseNumber;
          if (!own) throw new Error('partner-b finds no case of its own to open');
          await page.goto(`${BASE}/?test=1#/case/${own}`);
          await page.waitForSelector('[data-testid="main"][data-view="case"]', { timeout: 15000 });
          await page.waitForSelector('[data-testid="case-facts"]', { timeout: 15000 });
          if (await page.locator('[data-testid="case-edit"], [data-testid="watch"], [data-testid="nav-alerts"]').count()) throw new Error('write controls shown to a partner');
          if (await page.locator('[data-testid="case-notes"], [data-testid="form-note"]').count()) throw new Error('a notes section shown to a partner');
        });
        await step(page, 'partner-b', 'search-axe', async () => {
          await page.goto(`${BASE}/?test=1#/search?q=demo`);
          await page.waitForSelector('[data-testid="main"][data-view="search"]', { timeout: 15000 });
          await axe(page, 'search');
        });
      } finally {
        await context.close();
      }
    },
  };

  Object.assign(scenarios, {
    async proposal() {
      const chosen = await step(null, 'proposal', 'find-open-proposal', () => openPersonProposal('A'));
      const { context, page } = await newPage();
      try {
        const reason = `e2e ${RUN}: confirmed by the browser test (synthetic data)`;
        const item = `[data-testid="proposal"][data-id="${chosen.id}"]`;
        await step(page, 'proposal', 'sign-in', () => signIn(page, 'analyst'));
        await step(page, 'proposal', 'open-case', async () => {
          await page.goto(`${BASE}/?test=1#/case/${encodeURIComponent(chosen.caseNumber)}`);
          await page.waitForSelector(`${item}[data-status="PROPOSED"]`, { timeout: 20000 });
          await page.locator(item).scrollIntoViewIfNeeded();
        });
        await step(page, 'proposal', 'reason-required', async () => {
          await page.click(`${item} [data-testid="proposal-confirm"]`);
          await page.waitForSelector(`${item} [role="alert"]`, { timeout: 5000 });
          if ((await page.getAttribute(item, 'data-status')) !== 'PROPOSED') throw new Error('decided without a reason');
        });
        await step(page, 'proposal', 'confirm', async () => {
          await page.fill(`${item} [data-testid="proposal-reason"]`, reason);
          await page.click(`${item} [data-testid="proposal-confirm"]`);
          await page.waitForSelector(`${item}[data-status="CONFIRMED"]`, { timeout: 20000 });
          await page.locator(item).scrollIntoViewIfNeeded();
          const text = (await page.textContent(item)) ?? '';
          if (!/Confirmed/.test(text)) throw new Error(`the proposal does not say it is confirmed: "${text.slice(0, 200)}"`);
          if (!(await page.locator(`${item} [data-testid="proposal-reopen"]`).count())) throw new Error('no Reopen for a confirmed proposal');
        });
        await step(page, 'proposal', 'status-in-api', async () => {
          const r = await api('analyst', `{ identityProposals(kind: PERSON, status: CONFIRMED, first: 100) { ...P } } ${PROPOSAL_FIELDS}`);
          const p = r.identityProposals.find((x) => x.id === chosen.id);
          if (!p) throw new Error('the proposal is not in the API\'s CONFIRMED queue');
          if (p.reason !== reason || p.decidedBy !== 'analyst') throw new Error(`confirmed by ${p.decidedBy} with the reason "${p.reason}"`);
          console.log(`    API: ${p.status} by ${p.decidedBy}: "${p.reason}"`);
        });
        await step(page, 'proposal', 'case-axe', () => axe(page, 'case-proposal'));
      } finally {
        await context.close();
      }
    },

    async alert() {
      const target = await step(null, 'alert', 'pick-case', async () => {
        // A case whose record names a phone, in a network without the case the other scenarios
        // look at (the new ad joins the phone's network).
        const r = await api('analyst', '{ networksConnection(first: 20) { edges { node { id cases { caseNumber phones { e164 } } } } } }');
        const nets = r.networksConnection.edges.map((e) => e.node);
        const candidates = [...nets.filter((n) => !n.cases.some((c) => c.caseNumber === CASE)), ...nets]
          .flatMap((n) => n.cases.filter((c) => c.phones.length > 0 && c.caseNumber !== CASE));
        if (!candidates.length) throw new Error('no case in a network names a phone on its record');
        const c = candidates[0];
        console.log(`    watching ${c.caseNumber}, whose record names ${c.phones[0].e164}`);
        return { caseNumber: c.caseNumber, phone: c.phones[0].e164 };
      });
      const { context, page } = await newPage();
      const adId = `E2E-${RUN}-AD`;
      try {
        await step(page, 'alert', 'sign-in', () => signIn(page, 'analyst'));
        await step(page, 'alert', 'watch-case', async () => {
          await page.goto(`${BASE}/?test=1#/case/${target.caseNumber}`);
          await page.waitForSelector('[data-testid="watch"], [data-testid="watching"]', { timeout: 20000 });
          if (await page.locator('[data-testid="watching"]').count()) {
            // Watched by an earlier run: start afresh.
            await page.click('[data-testid="unwatch"]');
            await page.waitForSelector('[data-testid="watch"]', { timeout: 10000 });
          }
          await page.click('[data-testid="watch"]');
          await page.waitForSelector('[data-testid="watching"]', { timeout: 10000 });
        });
        await step(page, 'alert', 'import-ad', async () => {
          await importRecords(`e2e-alert-${RUN}.jsonl`, [{
            kind: 'ad', adId, site: 'e2e-classifieds', url: `https://ads.example/${adId}`, postedAt: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
            city: 'Baltimore', state: 'MD', title: 'Synthetic e2e ad', body: 'Synthetic ad for the browser tests.', phones: [target.phone],
          }]);
        });
        const alertSel = `[data-testid="alert"][data-record="${adId}"]`;
        await step(page, 'alert', 'alerts-inbox', async () => {
          await page.click('[data-testid="nav-alerts"]');
          await page.waitForSelector('[data-testid="main"][data-view="alerts"]', { timeout: 15000 });
          await page.waitForSelector(`${alertSel}[data-status="OPEN"]`, { timeout: 15000 });
          await page.locator(alertSel).scrollIntoViewIfNeeded();
          const text = (await page.textContent(alertSel)) ?? '';
          if (!text.includes(target.caseNumber)) throw new Error(`the alert does not name the watched case: "${text.slice(0, 200)}"`);
          await axe(page, 'alerts-open');
        });
        await step(page, 'alert', 'acknowledge', async () => {
          const id = await page.getAttribute(alertSel, 'data-id');
          await page.fill(`${alertSel} [data-testid="alert-note"]`, `e2e ${RUN}: seen`);
          await page.click(`${alertSel} [data-testid="alert-ack"]`);
          await page.waitForSelector(alertSel, { state: 'detached', timeout: 10000 });
          await page.selectOption('[data-testid="alerts-filter"]', 'ACKNOWLEDGED');
          await page.waitForSelector(`${alertSel}[data-status="ACKNOWLEDGED"]`, { timeout: 10000 });
          const r = await api('analyst', '{ alertsConnection(status: ACKNOWLEDGED, first: 200) { edges { node { id status acknowledgeNote } } } }');
          const a = r.alertsConnection.edges.map((e) => e.node).find((x) => x.id === id);
          if (!a) throw new Error(`alert ${id} is not acknowledged in the API`);
          console.log(`    alert ${id}: ${a.status} ("${a.acknowledgeNote}")`);
        });
        await step(page, 'alert', 'unwatch', async () => {
          await page.goto(`${BASE}/?test=1#/case/${target.caseNumber}`);
          await page.waitForSelector('[data-testid="unwatch"]', { timeout: 20000 });
          await page.click('[data-testid="unwatch"]');
          await page.waitForSelector('[data-testid="watch"]', { timeout: 10000 });
        });
      } finally {
        await context.close();
      }
    },

    async note() {
      const { context, page } = await newPage();
      // Plain text with markup characters and a line break: it must show as written, never as markup.
      const text = `e2e ${RUN}: called the <b>shelter</b> & left a message.\nSecond line.`;
      try {
        await step(page, 'note', 'sign-in', () => signIn(page, 'casemanager'));
        await step(page, 'note', 'open-case', async () => {
          await page.goto(`${BASE}/?test=1#/case/${CASE}`);
          await page.waitForSelector('[data-testid="case-notes"] [data-testid="form-note"]', { timeout: 20000 });
          await page.waitForSelector('[data-testid="notes-list"], [data-testid="notes-none"]', { timeout: 15000 });
          await page.locator('[data-testid="form-note"]').scrollIntoViewIfNeeded();
        });
        await step(page, 'note', 'empty-refused', async () => {
          await page.click('[data-testid="note-submit"]');
          await page.waitForSelector('[data-testid="note-error"]', { timeout: 5000 });
        });
        await step(page, 'note', 'notes-axe', () => axe(page, 'case-notes'));
        await step(page, 'note', 'add-note', async () => {
          await page.fill('[data-testid="note-text-input"]', text);
          await page.click('[data-testid="note-submit"]');
          await page.waitForFunction((run) => document.querySelector('[data-testid="notes-list"] [data-testid="note"] [data-testid="note-text"]')?.textContent?.includes(run), RUN, { timeout: 10000 });
          await page.locator('[data-testid="notes-list"]').scrollIntoViewIfNeeded();
          const first = await page.locator('[data-testid="note"]').first();
          const shown = await first.locator('[data-testid="note-text"]').textContent();
          if (shown !== text) throw new Error(`the note shows as "${shown}", not as written`);
          if (await first.locator('b').count()) throw new Error('the note was rendered as markup');
          if (!/casemanager/.test((await first.textContent()) ?? '')) throw new Error('the note does not name its author');
          if (await page.locator('[data-testid="note-error"]').count()) throw new Error('an error is still shown after the note was added');
          if (await page.inputValue('[data-testid="note-text-input"]')) throw new Error('the form was not cleared');
        });
        await step(page, 'note', 'stored', async () => {
          const r = await api('casemanager', 'query($n: String!) { case(caseNumber: $n) { notes(first: 5) { text author createdAt } } }', { n: CASE });
          const top = r.case.notes[0];
          if (top?.text !== text || top.author !== 'casemanager') throw new Error(`the newest note in the API is ${JSON.stringify(top)}`);
          await page.reload();
          await page.waitForSelector('[data-testid="notes-list"] [data-testid="note"]', { timeout: 20000 });
          const again = await page.locator('[data-testid="note"] [data-testid="note-text"]').first().textContent();
          if (again !== text) throw new Error(`after a reload the top note is "${again}"`);
          await page.locator('[data-testid="notes-list"]').scrollIntoViewIfNeeded();
        });
      } finally {
        await context.close();
      }
    },

    async proposals() {
      // Not the one the `proposal` scenario confirms (when both run, that one is decided already).
      const chosen = await step(null, 'proposals', 'find-open-proposal', () => openPersonProposal('Q'));
      const { context, page } = await newPage();
      const item = `[data-testid="proposal"][data-id="${chosen.id}"]`;
      const reason = `e2e ${RUN}: rejected from the queue by the browser test (synthetic data)`;
      const count = async () => (await api('analyst', '{ identityProposalCount(status: PROPOSED) }')).identityProposalCount;
      try {
        await step(page, 'proposals', 'sign-in', () => signIn(page, 'analyst'));
        const before = await step(page, 'proposals', 'open-queue', async () => {
          await page.waitForSelector('[data-testid="nav-proposals-count"][data-count]', { timeout: 10000 });
          const shown = Number(await page.getAttribute('[data-testid="nav-proposals-count"]', 'data-count'));
          const n = await count();
          if (shown !== n) throw new Error(`the nav counts ${shown} open proposals, the API's identityProposalCount ${n}`);
          await page.click('[data-testid="nav-proposals"]');
          await page.waitForSelector('[data-testid="main"][data-view="proposals"]', { timeout: 15000 });
          await page.waitForSelector(`${item}[data-status="PROPOSED"]`, { timeout: 15000 });
          await page.locator(item).scrollIntoViewIfNeeded();
          const sides = await page.$$eval(`${item} [data-testid="proposal-side"]`, (els) => els.map((e) => ({
            id: e.getAttribute('data-id'),
            explore: e.querySelector('[data-testid="proposal-side-link"]')?.getAttribute('href') ?? '',
            cases: [...e.querySelectorAll('[data-testid="proposal-case-link"]')].map((a) => a.getAttribute('href')),
          })));
          if (sides.length !== 2) throw new Error(`the proposal shows ${sides.length} side(s), not 2`);
          for (const x of sides) {
            if (!chosen.people.includes(x.id)) throw new Error(`a side (${x.id}) is not one of the proposal's people`);
            if (!x.explore.startsWith('#/explore/')) throw new Error(`a side links to "${x.explore}", not to the explorer`);
            if (!x.cases.length || !x.cases.every((c) => c.startsWith('#/case/'))) throw new Error(`a side's cases link to ${JSON.stringify(x.cases)}`);
          }
          console.log(`    queue: ${(await page.textContent('[data-testid="proposals-summary"]'))?.trim()} (nav ${shown})`);
          return n;
        });
        await step(page, 'proposals', 'queue-axe', () => axe(page, 'proposals'));
        await step(page, 'proposals', 'reason-required', async () => {
          await page.click(`${item} [data-testid="proposal-reject"]`);
          await page.waitForSelector(`${item} [role="alert"]`, { timeout: 5000 });
          if ((await page.getAttribute(item, 'data-status')) !== 'PROPOSED') throw new Error('decided without a reason');
        });
        await step(page, 'proposals', 'reject-from-queue', async () => {
          await page.fill(`${item} [data-testid="proposal-reason"]`, reason);
          await page.click(`${item} [data-testid="proposal-reject"]`);
          await page.waitForSelector(item, { state: 'detached', timeout: 15000 });
          await page.waitForFunction((n) => document.querySelector('[data-testid="nav-proposals-count"]')?.getAttribute('data-count') === String(n), before - 1, { timeout: 10000 })
            .catch(async () => { throw new Error(`the nav count is ${await page.getAttribute('[data-testid="nav-proposals-count"]', 'data-count')} after the decision, expected ${before - 1}`); });
          await page.selectOption('[data-testid="proposals-status"]', 'REJECTED');
          await page.waitForSelector(`${item}[data-status="REJECTED"]`, { timeout: 15000 });
          await page.locator(item).scrollIntoViewIfNeeded();
          const text = (await page.textContent(item)) ?? '';
          if (!text.includes(reason)) throw new Error(`the rejected proposal does not show its reason: "${text.slice(0, 200)}"`);
          if (!(await page.locator(`${item} [data-testid="proposal-reopen"]`).count())) throw new Error('no Reopen for a rejected proposal');
        });
        await step(page, 'proposals', 'status-in-api', async () => {
          const r = await api('analyst', `{ identityProposals(kind: PERSON, status: REJECTED, first: 100) { ...P } } ${PROPOSAL_FIELDS}`);
          const p = r.identityProposals.find((x) => x.id === chosen.id);
          if (!p) throw new Error('the proposal is not in the API\'s REJECTED queue');
          if (p.reason !== reason || p.decidedBy !== 'analyst') throw new Error(`rejected by ${p.decidedBy} with the reason "${p.reason}"`);
          console.log(`    API: ${p.status} by ${p.decidedBy}: "${p.reason}"; open proposals ${before} -> ${await count()}`);
        });
      } finally {
        await context.close();
      }
    },

    async 'network-links'() {
      const { context, page } = await newPage();
      try {
        const nw = await step(null, 'network-links', 'api', async () => {
          const id = (await api('analyst', 'query($n: String!) { case(caseNumber: $n) { network { id } } }', { n: CASE })).case?.network?.id;
          if (!id) throw new Error(`${CASE} is in no network`);
          const r = (await api('analyst', 'query($id: ID!) { network(id: $id) { members(first: 1000) { truncated nodes { id } } links(first: 800) { truncated links { type from to } } } }', { id })).network;
          const keys = new Set(r.links.links.map((l) => `${l.type}|${l.from}|${l.to}`));
          console.log(`    ${id}: ${r.members.nodes.length} members${r.members.truncated ? ' (truncated)' : ''}, ${r.links.links.length} links${r.links.truncated ? ' (truncated)' : ''}`);
          return { id, members: r.members.nodes.map((n) => n.id), keys: [...keys], links: r.links.links, truncated: r.links.truncated };
        });
        await step(page, 'network-links', 'sign-in', () => signIn(page, 'analyst'));
        await step(page, 'network-links', 'open-network', async () => {
          await page.goto(`${BASE}/?test=1#/explore/${nw.id}`);
          await page.waitForSelector('[data-testid="main"][data-view="explore"]', { timeout: 20000 });
          await page.waitForSelector('[data-testid="network-key-player"]', { timeout: 20000 });
        });
        await step(page, 'network-links', 'edges-are-the-links', async () => {
          const drawn = await page.evaluate(() => window.__caselinkTest.explorer.cy.edges().map((e) => e.id()));
          const nodes = await page.evaluate(() => window.__caselinkTest.explorer.cy.nodes().map((n) => ({ id: n.id(), degree: n.degree(false) })));
          if (drawn.length !== nw.keys.length) throw new Error(`the network view draws ${drawn.length} edges, Network.links returns ${nw.keys.length}`);
          const want = new Set(nw.keys);
          const extra = drawn.filter((x) => !want.has(x));
          if (extra.length) throw new Error(`${extra.length} drawn edge(s) are not in Network.links, e.g. ${extra[0]}`);
          const members = new Set(nw.members);
          const notMember = nodes.filter((n) => !members.has(n.id));
          if (notMember.length) throw new Error(`${notMember.length} drawn node(s) are not members, e.g. ${notMember[0].id}`);
          if (nodes.length !== nw.members.length) throw new Error(`${nodes.length} nodes drawn for ${nw.members.length} members`);
          const degree = new Map(nodes.map((n) => [n.id, n.degree]));
          const linked = new Set(nw.links.flatMap((l) => [l.from, l.to]));
          const alone = [...linked].filter((x) => !(degree.get(x) > 0));
          if (alone.length) throw new Error(`${alone.length} member(s) with a link in Network.links are drawn unconnected, e.g. ${alone[0]}`);
          const truncNote = await page.locator('[data-testid="network-links-truncated"]').count();
          if (nw.truncated !== (truncNote > 0)) throw new Error(`Network.links truncated=${nw.truncated}, but the view ${truncNote ? 'says' : 'does not say'} so`);
          const isolated = nodes.filter((n) => n.degree === 0).length;
          console.log(`    drawn: ${nodes.length} nodes, ${drawn.length} edges (= Network.links); ${linked.size} linked members all connected; ${isolated} member(s) without a link`);
        });
      } finally {
        await context.close();
      }
    },

    async audit() {
      const { context, page } = await newPage();
      try {
        await step(page, 'audit', 'casemanager-opens-case', async () => {
          await signIn(page, 'casemanager');
          await page.goto(`${BASE}/?test=1#/case/${CASE}`);
          await page.waitForSelector('[data-testid="main"][data-view="case"]', { timeout: 20000 });
          await page.waitForSelector('[data-testid="case-facts"]', { timeout: 15000 });
          await signOut(page);
        });
        await step(page, 'audit', 'auditor-sign-in', async () => {
          await signIn(page, 'auditor');
          await page.waitForSelector('[data-testid="main"][data-view="audit"]', { timeout: 15000 });
          if (await page.locator('[data-testid="no-case-access"]').count()) throw new Error('the auditor still gets the no-access notice');
          if (!(await page.locator('[data-testid="nav-audit"]').count())) throw new Error('no Audit in the nav');
          if (await page.locator('[data-testid="search-input"], [data-testid="nav-search"]').count()) throw new Error('case search offered to an auditor');
        });
        await step(page, 'audit', 'chain-intact', async () => {
          await page.waitForSelector('[data-testid="audit-chain"]', { timeout: 20000 });
          const intact = await page.getAttribute('[data-testid="audit-chain"]', 'data-intact');
          const c = (await api('auditor', '{ auditChain { checked intact brokenAt reason } }')).auditChain;
          if (intact !== String(c.intact)) throw new Error(`the banner says intact=${intact}, the API ${c.intact}`);
          if (!c.intact) throw new Error(`the audit chain is broken at ${c.brokenAt}: ${c.reason}`);
          console.log(`    ${(await page.textContent('[data-testid="audit-chain"]'))?.trim().slice(0, 120)}`);
        });
        await step(page, 'audit', 'who-saw-case', async () => {
          await page.fill('[data-testid="audit-case-filter"]', CASE);
          await page.click('[data-testid="audit-apply"]');
          await page.waitForFunction(() => /match/.test(document.querySelector('[data-testid="audit-summary-line"]')?.textContent ?? '') && !document.querySelector('[data-testid="audit-list"] [data-testid="loading"]'), null, { timeout: 15000 });
          const users = new Set(await page.$$eval('[data-testid="audit-row"]', (els) => els.map((e) => e.getAttribute('data-user'))));
          if (!users.has('casemanager')) throw new Error(`casemanager is not among who saw ${CASE}: ${[...users].join(', ') || 'no events'}`);
          const api_ = (await api('auditor', 'query($n: String) { auditEventsConnection(caseNumber: $n, first: 50) { totalCount } }', { n: CASE })).auditEventsConnection.totalCount;
          const links = await page.locator('[data-testid="main"] a[href^="#/case/"], [data-testid="main"] a[href^="#/explore/"]').count();
          if (links) throw new Error(`${links} link(s) to case data shown to an auditor`);
          console.log(`    who saw ${CASE}: ${[...users].join(', ')} (${(await page.textContent('[data-testid="audit-summary-line"]'))?.trim()}; API totalCount ${api_})`);
          if (!page.url().includes(`caseNumber=${CASE}`)) throw new Error(`the address does not keep the filter: ${page.url()}`);
        });
        await step(page, 'audit', 'details', async () => {
          const row = page.locator('[data-testid="audit-row"][data-user="casemanager"]').first();
          await row.locator('[data-testid="audit-details"] summary').click();
          const text = (await row.locator('[data-testid="audit-details-json"]').textContent()) ?? '';
          let d;
          try { d = JSON.parse(text); } catch { throw new Error(`the details are not formatted JSON: "${text.slice(0, 100)}"`); }
          const summary = (await row.locator('[data-testid="audit-summary"]').textContent()) ?? '';
          if (typeof d.returnedCount === 'number' && !summary.includes(String(d.returnedCount))) throw new Error(`the summary "${summary}" does not give returnedCount ${d.returnedCount}`);
          await row.scrollIntoViewIfNeeded();
        });
        await step(page, 'audit', 'audit-axe', () => axe(page, 'audit'));
        await step(page, 'audit', 'older', async () => {
          await page.click('[data-testid="audit-clear"]');
          await page.waitForFunction(() => !document.querySelector('[data-testid="audit-list"] [data-testid="loading"]') && document.querySelectorAll('[data-testid="audit-row"]').length > 0, null, { timeout: 15000 });
          const before = await page.locator('[data-testid="audit-row"]').count();
          if (await page.isHidden('[data-testid="audit-older"]')) {
            console.log(`    ${before} events, all on one page: no Older`);
            return;
          }
          await page.click('[data-testid="audit-older"]');
          await page.waitForFunction((n) => document.querySelectorAll('[data-testid="audit-row"]').length > n, before, { timeout: 15000 });
          const seqs = await page.$$eval('[data-testid="audit-row"]', (els) => els.map((e) => BigInt(e.getAttribute('data-seq')).toString()));
          for (let i = 1; i < seqs.length; i++) {
            if (BigInt(seqs[i]) >= BigInt(seqs[i - 1])) throw new Error(`not newest first at row ${i + 1}: seq ${seqs[i - 1]} then ${seqs[i]}`);
          }
          console.log(`    Older: ${before} -> ${seqs.length} events, seq ${seqs[0]} down to ${seqs[seqs.length - 1]}`);
          await page.locator('[data-testid="audit-older"]').scrollIntoViewIfNeeded().catch(() => undefined);
        });
      } finally {
        await context.close();
      }
    },
  });

  const only = arg('only', '');
  for (const [name, fn] of Object.entries(scenarios)) {
    if (only && !only.split(',').includes(name)) continue;
    if (READ_ONLY && WRITING.has(name)) {
      console.log(`scenario ${name}: skipped (--read-only)`);
      results.skipped = [...(results.skipped ?? []), name];
      continue;
    }
    console.log(`scenario ${name}`);
    try {
      await fn();
    } catch (e) {
      if (!(e instanceof StepError)) {
        results.failures.push(`${name}: ${e?.message || e}`);
        console.error(`  FAIL ${name}: ${e?.message || e}`);
      }
    }
  }
  await browser.close();
}

try {
  await run();
} catch (e) {
  results.failures.push(`setup: ${e?.message || e}`);
  console.error(`FAIL setup: ${e?.message || e}`);
}
results.finishedAt = new Date().toISOString();
writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
for (const w of results.warnings) console.log(`warning: ${w}`);
if (results.failures.length) {
  console.error(`\n${results.failures.length} failure(s):`);
  for (const f of results.failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log(`\nall passed; screenshots and results.json in ${OUT}`);
