/** The case page: facts, children (redacted as the API redacts), people, contacts, ads, linked cases, network, proposals, watch, edits. */
import { ApiError, isAbortError } from '../api/http';
import {
  CASE_ADD_CHILD, CASE_ADD_NOTE, CASE_ADD_PERSON, CASE_NOTES, CASE_PAGE, CASE_STAFF, CASE_UPDATE, CONTACTS_ADD, LINKED_CASES,
  TIMELINE, WATCH_CREATE, WATCH_DELETE, type CaseStaffResult,
} from '../api/operations';
import {
  CASE_STATUSES, type CaseDetail, type CaseLink, type CaseNote, type ChildDetail, type Evidence, type Path, type Role, type Watch,
} from '../api/types';
import { field, fmtDay, fmtTime, h, replace, type Child } from '../dom';
import { nodeLabel } from '../graph/model';
import { caseHref, exploreHref, href } from '../router';
import { canWrite, isStaff } from '../session';
import type { ViewContext } from './context';
import { adsTable, errorBox, human, kindBadge, loadInto, loading, nodeLink, redactionText, section } from './common';
import { proposalItem } from './proposals';

export function evidenceText(e: Evidence): string {
  return `${e.source}${e.recordId ? ` · record ${e.recordId}` : ''} · observed ${fmtTime(e.observedAt)}`;
}

function evidenceList(list: Evidence[]): HTMLElement {
  return h('ul', { class: 'evidence' }, list.map((e) =>
    h('li', { testid: 'evidence' },
      h('span', { class: 'ev-source' }, e.source),
      e.recordId ? h('span', { class: 'ev-record' }, ` record ${e.recordId}`) : null,
      h('span', { class: 'ev-time' }, ` observed ${fmtTime(e.observedAt)}`))));
}

/** A path as a list of steps, each with its evidence. */
export function pathView(p: Path, testid = 'path'): HTMLElement {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  return h('ol', { class: 'path', testid },
    p.steps.map((s, i) => {
      const from = byId.get(s.from);
      const to = byId.get(s.to);
      return h('li', { testid: 'path-step' },
        i === 0 && from ? [kindBadge(from.__typename), ' ', nodeLink(from), ' '] : null,
        h('span', { class: 'step-type' }, `${s.forward ? '—' : '←'} ${s.type.replace(/_/g, ' ')} ${s.forward ? '→' : '—'}`), ' ',
        to ? [kindBadge(to.__typename), ' ', nodeLink(to)] : s.to,
        evidenceList(s.evidence));
    }));
}

function contacts(c: { phones: { id: string; e164: string; national: string }[]; emails: { id: string; address: string }[] | null; handles: { id: string; platform: string; handle: string }[] | null }): Child {
  const items: HTMLElement[] = [];
  for (const p of c.phones) items.push(h('li', null, kindBadge('Phone'), ' ', h('a', { href: exploreHref(p.id) }, p.national), ' ', h('span', { class: 'muted' }, p.e164)));
  for (const e of c.emails ?? []) items.push(h('li', null, kindBadge('Email'), ' ', h('a', { href: exploreHref(e.id) }, e.address)));
  for (const x of c.handles ?? []) items.push(h('li', null, kindBadge('Handle'), ' ', h('a', { href: exploreHref(x.id) }, `${x.platform}:@${x.handle}`)));
  return items.length ? h('ul', { class: 'contacts' }, items) : null;
}

function childCard(c: ChildDetail): HTMLElement {
  if (c.redacted) {
    return h('li', { class: 'child redacted', testid: 'child', 'data-redacted': 'true' },
      h('p', null, h('span', { class: 'badge redacted-badge', testid: 'child-redacted' }, 'Redacted'), ' ',
        h('strong', null, 'Child'), c.childId ? h('span', { class: 'muted' }, ` · id ${c.childId}`) : null, c.sex ? h('span', { class: 'muted' }, ` · sex ${c.sex}`) : null),
      h('p', { class: 'reason', testid: 'child-redaction-reason' }, redactionText(c.redactionReason)),
      c.phones.length ? h('p', null, 'Phones (not redacted: a number names no one by itself):') : null,
      contacts({ phones: c.phones, emails: null, handles: null }),
      h('p', null, h('a', { href: exploreHref(c.id) }, 'Open in explorer')));
  }
  return h('li', { class: 'child', testid: 'child', 'data-redacted': 'false' },
    h('p', null, h('strong', { testid: 'child-name' }, [c.firstName, c.lastName].filter(Boolean).join(' ') || '(no name given)'),
      c.childId ? h('span', { class: 'muted' }, ` · id ${c.childId}`) : null),
    h('dl', { class: 'facts compact' },
      h('dt', null, 'Date of birth'), h('dd', { testid: 'child-dob' }, c.dob ?? '—'),
      h('dt', null, 'Sex'), h('dd', null, c.sex ?? '—'),
      h('dt', null, 'Aliases'), h('dd', null, c.aliases?.length ? c.aliases.join(', ') : '—')),
    contacts(c),
    h('p', null, h('a', { href: exploreHref(c.id) }, 'Open in explorer')));
}

function peopleTable(d: CaseDetail): HTMLElement {
  if (d.people.length === 0) return h('p', null, 'No suspects or associates recorded.');
  return h('table', { class: 'table', testid: 'people-table' },
    h('caption', { class: 'visually-hidden' }, 'People in this case'),
    h('thead', null, h('tr', null, ['Role', 'Person', 'Contacts', 'Other cases', 'Evidence'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, d.people.map((r) =>
      h('tr', { testid: 'person-row', 'data-role': r.role },
        h('td', null, h('span', { class: `badge role-${r.role}` }, human(r.role))),
        h('td', null, h('a', { href: exploreHref(r.person.id), testid: 'person-link' }, [r.person.firstName, r.person.lastName].filter(Boolean).join(' ') || 'Person'),
          r.person.aliases.length ? h('div', { class: 'muted' }, `aka ${r.person.aliases.join(', ')}`) : null,
          r.person.dob ? h('div', { class: 'muted' }, `born ${r.person.dob}`) : null),
        h('td', null, contacts(r.person) ?? '—'),
        h('td', null, (() => {
          const others = r.person.cases.filter((c) => c.case.caseNumber !== d.caseNumber);
          return others.length
            ? h('ul', { class: 'plain' }, others.map((c) => h('li', null, h('a', { href: caseHref(c.case.caseNumber) }, c.case.caseNumber), ` ${human(c.role)}${c.case.state ? `, ${c.case.state}` : ''}`)))
            : '—';
        })()),
        h('td', null, evidenceList([r.evidence]))))));
}

function linkedCasesView(ctx: ViewContext, caseNumber: string): HTMLElement {
  const body = h('div', null);
  void loadInto(body, () => ctx.client.data(LINKED_CASES, { caseNumber, first: 10, maxHops: 6, minScore: 0 }, ctx.signal), (r) => {
    const links = r.linkedCases.links;
    if (links.length === 0) return h('p', { testid: 'linked-none' }, 'No other case in your sight is linked to this one.');
    return [
      r.linkedCases.truncated ? h('p', { class: 'muted' }, 'The search stopped early: cases further away may be missing.') : null,
      h('table', { class: 'table', testid: 'linked-table' },
        h('caption', { class: 'visually-hidden' }, 'Linked cases, strongest first'),
        h('thead', null, h('tr', null, ['Score', 'Case', 'Agency', 'Status', 'Distance', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, links.flatMap((l, i) => linkedRow(l, i)))),
    ];
  }, 'Finding linked cases…');
  return body;
}

function linkedRow(l: CaseLink, i: number): HTMLElement[] {
  const detailId = `linked-paths-${i}`;
  const detail = h('tr', { id: detailId, hidden: true, class: 'detail-row' },
    h('td', { colspan: '6' }, l.paths.map((p, j) => h('div', { class: 'path-box' }, h('h3', { class: 'h4' }, `Path ${j + 1} (${p.length} steps)`), pathView(p)))));
  const toggle = h('button', { type: 'button', class: 'small', 'aria-expanded': 'false', 'aria-controls': detailId, testid: 'linked-expand' }, `Show ${l.paths.length} path${l.paths.length === 1 ? '' : 's'}`);
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    detail.hidden = !open;
    toggle.textContent = `${open ? 'Hide' : 'Show'} ${l.paths.length} path${l.paths.length === 1 ? '' : 's'}`;
  });
  const strength = l.score >= 0.5 ? 'strong' : 'weak';
  return [
    h('tr', { testid: 'linked-row', 'data-case': l.case.caseNumber },
      h('td', null, h('span', { class: `score ${strength}` }, l.score.toFixed(2))),
      h('td', null, h('a', { href: caseHref(l.case.caseNumber) }, l.case.caseNumber), l.case.state ? ` (${l.case.state})` : ''),
      h('td', null, l.case.agency.code),
      h('td', null, human(l.case.status)),
      h('td', null, String(l.distance)),
      h('td', null, toggle)),
    detail,
  ];
}

function adsView(ctx: ViewContext, d: CaseDetail): HTMLElement {
  const body = h('div', null);
  void loadInto(body, () => ctx.client.data(TIMELINE, { id: d.id, first: 50 }, ctx.signal), (r) => {
    const t = r.timeline;
    if (t.events.length === 0) return h('p', null, 'No ads list what this case or its people use.');
    return [
      h('p', null, `${t.events.length}${t.truncated ? '+' : ''} ads list what this case or its people use. `,
        h('a', { href: href({ name: 'timeline', id: d.id, label: `case ${d.caseNumber}` }), testid: 'case-timeline-link' }, 'Timeline and circuit')),
      adsTable(t.events, 'ads-table'),
    ];
  }, 'Loading ads…');
  return body;
}

function staffSections(ctx: ViewContext, d: CaseDetail, reload: () => void): { network: HTMLElement; proposals: HTMLElement; watch: HTMLElement } {
  const network = h('div', null, loading('Loading the network…'));
  const proposals = h('div', null, loading());
  const watch = h('div', { class: 'watch' });
  void (async () => {
    let r: CaseStaffResult;
    try {
      r = await ctx.client.data(CASE_STAFF, { caseNumber: d.caseNumber }, ctx.signal);
    } catch (e) {
      if (isAbortError(e)) return;
      replace(network, errorBox(e));
      replace(proposals);
      return;
    }
    const nw = r.case?.network;
    if (!nw) replace(network, h('p', { testid: 'network-none' }, 'Network detection put this case in no network.'));
    else {
      replace(network,
        h('p', null, `Network ${nw.id}: ${nw.size} members — ${nw.counts.cases} cases, ${nw.counts.children} children, ${nw.counts.persons} people, ${nw.counts.phones} phones, ${nw.counts.ads} ads; active ${fmtDay(nw.firstSeen)} to ${fmtDay(nw.lastSeen)}.`),
        h('h3', null, 'Key players'),
        h('ol', { class: 'key-players', testid: 'key-players' }, nw.keyPlayers.map((k) =>
          h('li', { testid: 'key-player' }, nodeLink(k.node), h('span', { class: 'muted' }, ` · betweenness ${k.betweenness.toFixed(1)}, degree ${k.degree}`)))),
        h('div', { class: 'row' },
          h('a', { class: 'button', href: exploreHref(nw.id), testid: 'open-network' }, 'Open network graph'),
          h('a', { class: 'button', href: href({ name: 'timeline', id: nw.id, label: `network ${nw.id}` }) }, 'Network timeline')));
    }
    const mine = new Set(d.children.map((c) => c.id));
    const list = [
      ...(r.case?.people.flatMap((p) => p.person.possibleSameAs) ?? []),
      ...r.identityProposals.filter((p) => p.children.some((c) => mine.has(c.id))),
    ];
    const unique = [...new Map(list.map((p) => [p.id, p])).values()];
    replace(proposals, unique.length
      ? h('ul', { class: 'plain' }, unique.map((p) => proposalItem(ctx, p, reload)))
      : h('p', { testid: 'proposals-none' }, 'No identity proposals involve this case’s people or children.'));
    renderWatch(ctx, watch, d, r.watchesConnection.edges.map((e) => e.node).find((w) => w.target.id === d.id));
  })();
  return { network, proposals, watch };
}

function renderWatch(ctx: ViewContext, el: HTMLElement, d: CaseDetail, w: Watch | undefined): void {
  if (w) {
    const stop = h('button', { type: 'button', testid: 'unwatch' }, 'Stop watching');
    stop.addEventListener('click', async () => {
      stop.disabled = true;
      try {
        await ctx.client.data(WATCH_DELETE, { input: { watchId: w.id } }, ctx.signal);
        renderWatch(ctx, el, d, undefined);
      } catch (e) {
        stop.disabled = false;
        ctx.notify(e instanceof Error ? e.message : String(e), 'error');
      }
    });
    replace(el, h('span', { testid: 'watching' }, `Watched (${w.hops} hops) since ${fmtDay(w.createdAt)}${w.note ? `: ${w.note}` : ''}. `), stop);
    return;
  }
  const start = h('button', { type: 'button', testid: 'watch' }, 'Watch this case');
  start.addEventListener('click', async () => {
    start.disabled = true;
    try {
      const r = await ctx.client.data(WATCH_CREATE, { input: { id: d.id, hops: 2, note: `Watching ${d.caseNumber}` } }, ctx.signal);
      renderWatch(ctx, el, d, r.watchCreate.watch);
      ctx.notify('Watching this case: a new record within 2 hops raises an alert.');
    } catch (e) {
      start.disabled = false;
      ctx.notify(e instanceof Error ? e.message : String(e), 'error');
    }
  });
  replace(el, start);
}

const NOTE_MAX = 4000;

export function noteItem(n: CaseNote): HTMLElement {
  // Plain text as written: set as text (h never parses markup); CSS keeps its line breaks.
  return h('li', { class: 'note', testid: 'note' },
    h('p', { class: 'note-meta muted' }, h('time', { datetime: n.createdAt }, fmtTime(n.createdAt)), ` · ${n.author}`),
    h('p', { class: 'note-text', testid: 'note-text' }, n.text));
}

/** Staff only: the case's dated notes, newest first, and a form to add one (it appears at the top). */
function notesView(ctx: ViewContext, caseNumber: string): HTMLElement {
  const list = h('ol', { class: 'plain notes', testid: 'notes-list', 'aria-label': 'Notes, newest first' });
  const listBox = h('div', null, loading('Loading notes…'));
  const none = h('p', { testid: 'notes-none' }, 'No notes on this case yet.');
  const text = h('textarea', { rows: '3', maxlength: String(NOTE_MAX), required: true, testid: 'note-text-input' });
  const status = h('div', { 'aria-live': 'polite', testid: 'note-status' });
  const submit = h('button', { type: 'submit', testid: 'note-submit' }, 'Add note');
  const form = h('form', { class: 'card-form', testid: 'form-note', novalidate: true },
    field('New note', text, `Plain text, up to ${NOTE_MAX.toLocaleString('en-US')} characters; dated and signed with your user name.`),
    submit, status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    replace(status);
    const value = text.value.trim();
    if (!value || value.length > NOTE_MAX) {
      replace(status, h('div', { class: 'alert error', role: 'alert', testid: 'note-error' },
        value ? `A note is at most ${NOTE_MAX.toLocaleString('en-US')} characters (this one has ${value.length.toLocaleString('en-US')}).` : 'Write the note first: it cannot be empty.'));
      text.focus();
      return;
    }
    submit.disabled = true;
    try {
      const r = await ctx.client.data(CASE_ADD_NOTE, { input: { caseNumber, text: value } }, ctx.signal);
      none.remove();
      if (!list.isConnected) replace(listBox, list);
      list.prepend(noteItem(r.caseAddNote.note));
      text.value = '';
      ctx.notify('Note added.');
    } catch (e) {
      const box = errorBox(e, 'note-error');
      if (box) replace(status, box);
    } finally {
      submit.disabled = false;
    }
  });
  void loadInto(listBox, () => ctx.client.data(CASE_NOTES, { caseNumber, first: 50 }, ctx.signal), (r) => {
    const notes = r.case?.notes ?? [];
    if (notes.length === 0) return none;
    replace(list, notes.map(noteItem));
    return list;
  }, 'Loading notes…');
  return h('div', null, form, h('h3', null, 'Notes, newest first'), listBox);
}

function editForms(ctx: ViewContext, d: CaseDetail, reload: () => void): HTMLElement {
  const out = h('div', { class: 'edit-grid' });
  const form = (testid: string, title: string, controls: HTMLElement[], submit: () => Promise<string>) => {
    const status = h('div', { 'aria-live': 'polite' });
    const button = h('button', { type: 'submit' }, title);
    const f = h('form', { class: 'card-form', testid, novalidate: true }, h('h3', null, title), controls, button, status);
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      button.disabled = true;
      replace(status);
      try {
        const msg = await submit();
        ctx.notify(msg);
        reload();
      } catch (e) {
        button.disabled = false;
        replace(status, errorBox(e) ?? '');
      }
    });
    return f;
  };
  const need = (v: string, what: string) => {
    if (!v.trim()) throw new ApiError('graphql', `${what} is required.`);
    return v.trim();
  };

  const status = h('select', { testid: 'edit-status' }, CASE_STATUSES.map((s) => h('option', { value: s, selected: s === d.status }, human(s))));
  out.append(form('form-status', 'Change status', [field('Status', status)], async () => {
    const r = await ctx.client.data(CASE_UPDATE, { input: { caseNumber: d.caseNumber, changes: { status: status.value as CaseDetail['status'] } } }, ctx.signal);
    return `Status is now ${human(r.caseUpdate.case.status)}.`;
  }));

  const phone = h('input', { type: 'tel', autocomplete: 'off', testid: 'edit-phone' });
  out.append(form('form-phone', 'Add a phone', [field('Phone number', phone, 'Any common format; without a country code it is read as US.')], async () => {
    await ctx.client.data(CONTACTS_ADD, { input: { ownerId: d.id, contacts: { phones: [need(phone.value, 'A phone number')] } } }, ctx.signal);
    return 'Phone added to the case.';
  }));

  const role = h('select', null, h('option', { value: 'SUSPECT' }, 'Suspect'), h('option', { value: 'ASSOCIATE' }, 'Associate'));
  const pFirst = h('input', { autocomplete: 'off' });
  const pLast = h('input', { autocomplete: 'off' });
  out.append(form('form-person', 'Add a person', [field('Role', role), field('First name', pFirst), field('Last name', pLast)], async () => {
    if (!pFirst.value.trim() && !pLast.value.trim()) throw new ApiError('graphql', 'A name is required.');
    await ctx.client.data(CASE_ADD_PERSON, {
      input: { caseNumber: d.caseNumber, role: role.value as Role, person: { ...(pFirst.value.trim() ? { firstName: pFirst.value.trim() } : {}), ...(pLast.value.trim() ? { lastName: pLast.value.trim() } : {}) } },
    }, ctx.signal);
    return 'Person added to the case.';
  }));

  const cFirst = h('input', { autocomplete: 'off' });
  const cLast = h('input', { autocomplete: 'off' });
  const cDob = h('input', { type: 'date' });
  const cSex = h('input', { autocomplete: 'off', maxlength: '20' });
  out.append(form('form-child', 'Add a child', [field('First name', cFirst), field('Last name', cLast), field('Date of birth', cDob), field('Sex', cSex)], async () => {
    if (!cFirst.value.trim() && !cLast.value.trim()) throw new ApiError('graphql', 'A name is required.');
    const child = {
      ...(cFirst.value.trim() ? { firstName: cFirst.value.trim() } : {}),
      ...(cLast.value.trim() ? { lastName: cLast.value.trim() } : {}),
      ...(cDob.value ? { dob: cDob.value } : {}),
      ...(cSex.value.trim() ? { sex: cSex.value.trim() } : {}),
    };
    await ctx.client.data(CASE_ADD_CHILD, { input: { caseNumber: d.caseNumber, child } }, ctx.signal);
    return 'Child added to the case.';
  }));
  return out;
}

export async function renderCase(ctx: ViewContext, main: HTMLElement, caseNumber: string): Promise<void> {
  document.title = `${caseNumber} · caselink`;
  const heading = h('h1', null, `Case ${caseNumber}`);
  const body = h('div', null, loading('Loading the case…'));
  replace(main, heading, body);
  const reload = () => void renderCase(ctx, main, caseNumber);
  let d: CaseDetail | null;
  let partialErrors: string[] = [];
  try {
    const r = await ctx.client.request(CASE_PAGE, { caseNumber }, ctx.signal);
    d = r.data.case;
    partialErrors = r.errors.map((e) => e.message);
  } catch (e) {
    replace(body, errorBox(e));
    return;
  }
  if (!d) {
    replace(body, h('div', { class: 'alert info', role: 'status', testid: 'case-not-found' },
      `No case ${caseNumber.toUpperCase()} in your sight: it does not exist, or it is outside what your role may see.`));
    return;
  }
  heading.textContent = `Case ${d.caseNumber}`;
  const staff = isStaff(ctx.session);
  const staffParts = staff ? staffSections(ctx, d, reload) : null;
  const locs = d.locations.map((l) => `${l.city}, ${l.state}`).join('; ');
  replace(body,
    partialErrors.length ? h('div', { class: 'alert error', role: 'alert' }, partialErrors.join(' ')) : null,
    h('div', { class: 'row actions' },
      h('a', { class: 'button primary', href: exploreHref(d.id), testid: 'open-explorer' }, 'Open in explorer'),
      h('a', { class: 'button', href: href({ name: 'timeline', id: d.id, label: `case ${d.caseNumber}` }), testid: 'open-timeline' }, 'Timeline'),
      staffParts?.watch ?? null),
    section('Facts', 'case-facts',
      h('dl', { class: 'facts' },
        h('dt', null, 'Status'), h('dd', { testid: 'case-status' }, h('span', { class: `badge status-${d.status}` }, human(d.status))),
        h('dt', null, 'Type'), h('dd', null, human(d.type)),
        h('dt', null, 'Reported'), h('dd', null, fmtTime(d.reportedAt)),
        h('dt', null, 'State'), h('dd', null, d.state ?? '—'),
        h('dt', null, 'Agency'), h('dd', null, d.agency.name ? `${d.agency.code} (${d.agency.name})` : d.agency.code),
        h('dt', null, 'Last seen'), h('dd', null, locs || '—'),
        h('dt', null, 'Summary'), h('dd', { class: 'summary', testid: 'case-summary' }, d.summary ?? '—'))),
    section('Children', 'case-children',
      d.children.length ? h('ul', { class: 'plain children' }, d.children.map((c) => childCard(c))) : h('p', null, 'No child recorded.')),
    section('People', 'case-people', peopleTable(d)),
    section('Phones, emails, handles named by the case record', 'case-contacts', contacts(d) ?? h('p', null, 'None.')),
    section('Ads', 'case-ads', adsView(ctx, d)),
    section('Linked cases', 'case-linked', linkedCasesView(ctx, d.caseNumber)),
    staffParts ? section('Network', 'case-network', staffParts.network) : null,
    staffParts ? section('Identity proposals', 'case-proposals', staffParts.proposals) : null,
    staff ? section('Notes', 'case-notes', notesView(ctx, d.caseNumber)) : null,
    canWrite(ctx.session) ? section('Edit', 'case-edit', editForms(ctx, d, reload)) : null,
  );
}

export { nodeLabel };
