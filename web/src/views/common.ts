import { ApiError, isAbortError } from '../api/http';
import { fmtDay, h, replace, type Child } from '../dom';
import type { NodeSummary, TimelineEvent } from '../api/types';
import { KIND_NAMES, nodeLabel } from '../graph/model';
import { caseHref, exploreHref } from '../router';

/** An enum value in words: CASE_MANAGER -> Case manager. */
export const human = (s: string) => s.replace(/_/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());

/** An error as a visible alert (abort errors are nobody's business and show nothing). */
export function errorBox(e: unknown, testid = 'error'): HTMLElement | null {
  if (isAbortError(e)) return null;
  const msg = e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e);
  return h('div', { class: 'alert error', role: 'alert', testid }, msg);
}

export function loading(text = 'Loading…'): HTMLElement {
  return h('p', { class: 'loading', role: 'status', testid: 'loading' }, text);
}

/** Runs a load into a container: loading state, then content or a readable error. */
export async function loadInto<T>(el: HTMLElement, load: () => Promise<T>, render: (t: T) => Child, loadingText?: string): Promise<T | undefined> {
  replace(el, loading(loadingText));
  try {
    const t = await load();
    replace(el, render(t));
    return t;
  } catch (e) {
    if (isAbortError(e)) return undefined;
    replace(el, errorBox(e));
    return undefined;
  }
}

/** Where a node opens: a case on its page, anything else in the explorer centred on it. */
export function nodeHref(n: NodeSummary): string {
  return n.__typename === 'Case' ? caseHref(n.caseNumber) : exploreHref(n.id);
}

export function nodeLink(n: NodeSummary, testid?: string): HTMLElement {
  return h('a', { href: nodeHref(n), class: `node-link kind-${n.__typename}`, testid }, nodeLabel(n));
}

export function kindBadge(kind: string): HTMLElement {
  return h('span', { class: `badge kind-${kind}` }, KIND_NAMES[kind] ?? kind);
}

export function section(title: string, testid: string, ...body: Child[]): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': testid + '-h', testid }, h('h2', { id: testid + '-h' }, title), ...body);
}

/**
 * A withheld identity, in the API's words (Child.redactionReason, docs/security.md "Redaction"):
 * the client does not guess why.
 */
export function redactionText(reason: string | null | undefined): string {
  const r = reason?.trim();
  if (!r) return 'Identity withheld.';
  return `Identity withheld: ${r}${/[.!?]$/.test(r) ? '' : '.'}`;
}

/** A timeline's ads as a table, oldest first: on the case page and the timeline screen. */
export function adsTable(events: TimelineEvent[], testid?: string): HTMLElement {
  return h('table', { class: 'table', ...(testid ? { testid } : {}) },
    h('caption', { class: 'visually-hidden' }, 'Ads, oldest first'),
    h('thead', null, h('tr', null, ['Posted', 'Ad', 'Title', 'Site', 'Place'].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', null, events.map((e) => h('tr', null,
      h('td', null, fmtDay(e.postedAt)),
      h('td', null, h('a', { href: exploreHref(e.ad.id) }, e.ad.adId)),
      h('td', null, e.ad.title ?? '—'),
      h('td', null, e.ad.site),
      h('td', null, e.location ? `${e.location.city}, ${e.location.state}` : '—')))));
}
