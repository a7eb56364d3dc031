/**
 * The audit view (auditors): the hash chain's check, and the audit events newest first, filtered
 * by user, type, outcome, day, and who saw a case or an id, paged with "Older". Auditors read no
 * case data: case numbers and ids show as text, never as links to case pages.
 */
import { AUDIT_CHAIN, AUDIT_EVENTS, type AuditEventsVariables } from '../api/operations';
import type { AuditEvent } from '../api/types';
import { field, fmtTime, h, nextId, replace } from '../dom';
import { href } from '../router';
import type { ViewContext } from './context';
import { errorBox, loading } from './common';

const PAGE = 50;
/** The types and outcomes the schema names (AuditEvent.type, .outcome); the filter also takes others. */
const TYPES = ['QUERY', 'MUTATION', 'LOGON_SUCCESS', 'LOGON_FAILURE', 'LOGON_THROTTLED', 'ACCESS_DENIED', 'IMPORT', 'EXPORT', 'ADMIN', 'BACKUP', 'RESTORE', 'TAMPER_ATTEMPT', 'RETENTION_PURGE'];
const OUTCOMES = ['SUCCESS', 'FAILURE', 'DENIED', 'STARTED', 'PARTIAL', 'NOT_FOUND'];

export interface AuditFilters { caseNumber?: string; returnedId?: string; user?: string }

/** A line about an event's details: its operation, how much it returned, why it failed. */
export function detailsSummary(details: unknown): string {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return details == null ? '' : String(details);
  const d = details as Record<string, unknown>;
  const parts: string[] = [];
  const op = d.operation ?? d.operationName;
  if (typeof op === 'string') parts.push(op ? `operation ${op}` : 'unnamed operation');
  if (typeof d.returnedCount === 'number') parts.push(`${d.returnedCount.toLocaleString('en-US')} returned`);
  if (Array.isArray(d.errors) && d.errors.length) parts.push(`${d.errors.length} error${d.errors.length === 1 ? '' : 's'}`);
  for (const k of ['reason', 'caseNumber', 'file', 'path']) {
    const v = d[k];
    if (typeof v === 'string' && v) parts.push(`${k === 'reason' ? '' : `${k} `}${v.length > 80 ? v.slice(0, 80) + '…' : v}`);
  }
  if (parts.length === 0) {
    const keys = Object.keys(d);
    return keys.length ? keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', …' : '') : '—';
  }
  return parts.join(' · ');
}

function chainBanner(ctx: ViewContext): HTMLElement {
  const box = h('div', { testid: 'audit-chain-box' }, loading('Checking the audit chain…'));
  const check = async () => {
    replace(box, loading('Checking the audit chain…'));
    try {
      const c = (await ctx.client.data(AUDIT_CHAIN, {}, ctx.signal)).auditChain;
      const again = h('button', { type: 'button', class: 'small', testid: 'audit-chain-recheck' }, 'Check again');
      again.addEventListener('click', () => void check());
      replace(box, c.intact
        ? h('div', { class: 'alert ok', role: 'status', testid: 'audit-chain', 'data-intact': 'true' },
          h('span', null, h('strong', null, 'The audit chain is intact. '),
            `${c.checked.toLocaleString('en-US')} events checked, from the oldest kept to the newest: every hash and link right, no event missing. Events are kept ${c.retention}.`), again)
        : h('div', { class: 'alert error', role: 'alert', testid: 'audit-chain', 'data-intact': 'false' },
          h('span', null, h('strong', null, `The audit chain is broken${c.brokenAt ? ` at seq ${c.brokenAt}` : ''}. `),
            `${c.reason ?? 'No reason given.'} ${c.checked.toLocaleString('en-US')} events checked. Events are kept ${c.retention}.`), again));
    } catch (e) {
      replace(box, errorBox(e, 'audit-chain-error'));
    }
  };
  void check();
  return box;
}

function eventRows(e: AuditEvent): HTMLElement {
  const json = JSON.stringify(e.details, null, 2);
  return h('tr', { testid: 'audit-row', 'data-seq': e.seq, 'data-user': e.user, 'data-type': e.type, 'data-outcome': e.outcome },
    h('td', null, e.seq),
    h('td', null, h('time', { datetime: e.at }, fmtTime(e.at))),
    h('td', { testid: 'audit-user' }, e.user),
    h('td', null, e.agency ?? '—'),
    h('td', null, e.type, h('div', { class: 'muted small' }, e.component)),
    h('td', null, h('span', { class: `badge outcome-${e.outcome}` }, e.outcome)),
    h('td', { testid: 'audit-summary' }, detailsSummary(e.details)),
    h('td', null, h('details', { testid: 'audit-details' },
      h('summary', null, 'Details', h('span', { class: 'visually-hidden' }, ` of event ${e.seq}`)),
      // The API's JSON, formatted and set as text: never parsed as markup.
      h('pre', { class: 'json', tabindex: '0', testid: 'audit-details-json' }, json))));
}

export async function renderAudit(ctx: ViewContext, main: HTMLElement, initial: AuditFilters = {}): Promise<void> {
  document.title = 'Audit · caselink';
  const user = h('input', { autocomplete: 'off', value: initial.user ?? '', testid: 'audit-user-filter' });
  const typesId = nextId('audit-types');
  const type = h('input', { autocomplete: 'off', list: typesId, testid: 'audit-type-filter' });
  const outcome = h('select', { testid: 'audit-outcome-filter' }, h('option', { value: '' }, 'Any'), OUTCOMES.map((o) => h('option', { value: o }, o)));
  const from = h('input', { type: 'date', testid: 'audit-from' });
  const to = h('input', { type: 'date', testid: 'audit-to' });
  const caseNumber = h('input', { autocomplete: 'off', value: initial.caseNumber ?? '', placeholder: 'MC-2023-000100', testid: 'audit-case-filter' });
  const returnedId = h('input', { autocomplete: 'off', value: initial.returnedId ?? '', testid: 'audit-id-filter' });
  const submit = h('button', { type: 'submit', class: 'primary', testid: 'audit-apply' }, 'Show events');
  const clearBtn = h('button', { type: 'button', testid: 'audit-clear' }, 'Clear filters');
  const formErr = h('div', { 'aria-live': 'assertive' });
  const form = h('form', { class: 'audit-filters', testid: 'audit-filters', novalidate: true, 'aria-label': 'Filter audit events' },
    h('div', { class: 'row' },
      field('User', user), field('Type', type), field('Outcome', outcome),
      field('From (UTC day)', from), field('To (UTC day, included)', to)),
    h('div', { class: 'row' },
      field('Who saw case', caseNumber, 'A case number: the events whose answers returned that case.'),
      field('Who saw id', returnedId, 'Any global id (e.g. a child’s): the events whose answers returned it.')),
    h('div', { class: 'row' }, submit, clearBtn), formErr,
    h('datalist', { id: typesId }, TYPES.map((t) => h('option', { value: t }))));
  const summary = h('p', { role: 'status', testid: 'audit-summary-line' });
  const tbody = h('tbody', { testid: 'audit-rows' });
  const table = h('table', { class: 'table audit-table', testid: 'audit-table' },
    h('caption', { class: 'visually-hidden' }, 'Audit events, newest first'),
    h('thead', null, h('tr', null, ['Seq', 'Time (UTC)', 'User', 'Agency', 'Type', 'Outcome', 'Summary', 'Details'].map((x) => h('th', { scope: 'col' }, x)))),
    tbody);
  const older = h('button', { type: 'button', testid: 'audit-older', hidden: true }, 'Older');
  const more = h('div', { class: 'row' }, older);
  const list = h('div', { testid: 'audit-list' });
  replace(main,
    h('h1', null, 'Audit trail'),
    h('p', null, 'Every sign-in, query, write, import and export, newest first, each chained to the one before by its hash. Read only: there is no way to change the trail.'),
    chainBanner(ctx),
    h('h2', null, 'Events'),
    form, summary, list);

  let vars: AuditEventsVariables | null = null;
  let shown = 0;
  const day = (v: string, plus = 0) => {
    if (!v) return null;
    const d = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return null;
    d.setUTCDate(d.getUTCDate() + plus);
    return d.toISOString();
  };
  const page = async (after: string | null) => {
    if (!vars) return;
    older.disabled = true;
    if (!after) replace(list, loading('Loading audit events…'));
    try {
      const r = (await ctx.client.data(AUDIT_EVENTS, { ...vars, after }, ctx.signal)).auditEventsConnection;
      if (!after) {
        replace(tbody);
        shown = 0;
        replace(list, r.edges.length ? [table, more] : h('p', { testid: 'audit-empty' }, 'No events match.'));
      }
      tbody.append(...r.edges.map((e) => eventRows(e.node)));
      shown += r.edges.length;
      summary.textContent = `${r.totalCount.toLocaleString('en-US')} event${r.totalCount === 1 ? '' : 's'} match; ${shown.toLocaleString('en-US')} shown, newest first.`;
      older.hidden = !r.pageInfo.hasNextPage || !r.pageInfo.endCursor;
      older.disabled = false;
      older.onclick = () => void page(r.pageInfo.endCursor);
    } catch (e) {
      older.disabled = false;
      if (!after) replace(list, errorBox(e));
      else ctx.notify(e instanceof Error ? e.message : String(e), 'error');
    }
  };
  const apply = async () => {
    replace(formErr);
    const cn = caseNumber.value.trim();
    const rid = returnedId.value.trim();
    if (cn && rid) {
      replace(formErr, h('div', { class: 'alert error', role: 'alert', testid: 'audit-filter-error' }, 'Ask who saw a case or who saw an id, not both at once.'));
      return;
    }
    const f = day(from.value);
    const t = day(to.value, 1);
    if (f && t && f >= t) {
      replace(formErr, h('div', { class: 'alert error', role: 'alert', testid: 'audit-filter-error' }, 'The “to” day is before the “from” day.'));
      return;
    }
    vars = {
      user: user.value.trim() || null,
      type: type.value.trim().toUpperCase() || null,
      outcome: outcome.value || null,
      from: f,
      to: t,
      caseNumber: cn || null,
      returnedId: rid || null,
      first: PAGE,
      after: null,
    };
    // The filters that name something go into the address (without a hashchange), to come back to.
    history.replaceState(null, '', location.pathname + location.search + href({ name: 'audit', caseNumber: cn, returnedId: rid, user: user.value.trim() }));
    await page(null);
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void apply();
  });
  clearBtn.addEventListener('click', () => {
    for (const c of [user, type, from, to, caseNumber, returnedId]) c.value = '';
    outcome.value = '';
    void apply();
  });
  outcome.addEventListener('change', () => void apply());
  await apply();
}
