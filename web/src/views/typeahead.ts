/**
 * The header's search box: an ARIA combobox with type-ahead. Debounced (300 ms), from two
 * characters, one request at a time (a newer text aborts the older request).
 */
import { isAbortError, type ApiClient } from '../api/http';
import { SEARCH } from '../api/operations';
import { MIN_SEARCH_CHARS, searchVariables } from '../api/searchInput';
import type { NodeSummary, SearchHit } from '../api/types';
import { h, replace } from '../dom';
import { KIND_NAMES, nodeLabel } from '../graph/model';
import { href } from '../router';
import { nodeHref } from './common';

export const DEBOUNCE_MS = 300;
export const KIND_ORDER = ['Case', 'Child', 'Person', 'Phone', 'Email', 'Handle', 'Ad'] as const;

export interface Grouped {
  kind: string;
  nodes: NodeSummary[];
}

/** Exact lookups first, then hits by score, grouped by kind in KIND_ORDER, without duplicates. */
export function groupResults(exact: (NodeSummary | null | undefined)[], hits: SearchHit[]): Grouped[] {
  const seen = new Set<string>();
  const byKind = new Map<string, NodeSummary[]>();
  const add = (n: NodeSummary | null | undefined) => {
    if (!n || seen.has(n.id)) return;
    seen.add(n.id);
    const list = byKind.get(n.__typename) ?? [];
    list.push(n);
    byKind.set(n.__typename, list);
  };
  exact.forEach(add);
  hits.forEach((x) => add(x.node));
  const order = [...KIND_ORDER, ...[...byKind.keys()].filter((k) => !(KIND_ORDER as readonly string[]).includes(k))];
  return order.filter((k) => byKind.has(k)).map((kind) => ({ kind, nodes: byKind.get(kind)! }));
}

export async function runSearch(client: ApiClient, text: string, first: number, signal: AbortSignal): Promise<{ groups: Grouped[]; errors: string[] }> {
  const vars = searchVariables(text, first);
  const r = await client.request(SEARCH, vars, signal);
  const d = r.data;
  return {
    groups: groupResults([d.exactCase, d.phone, d.email, d.handle, d.exactAd], d.search ?? []),
    errors: r.errors.map((e) => e.message),
  };
}

export function secondary(n: NodeSummary): string {
  switch (n.__typename) {
    case 'Case': return [n.status, n.caseState, n.type.replace(/_/g, ' ').toLowerCase()].filter(Boolean).join(' · ');
    case 'Ad': return [n.title, n.site].filter(Boolean).join(' · ');
    case 'Phone': return n.e164;
    case 'Child': return n.redacted ? 'identity withheld' : n.childId ?? '';
    default: return '';
  }
}

export function typeahead(client: ApiClient, navigate: (hash: string) => void, notifyError: (e: unknown) => void): HTMLElement {
  const input = h('input', {
    id: 'global-search', type: 'search', autocomplete: 'off', spellcheck: 'false',
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'global-search-list',
    placeholder: 'Case number, name, phone, email, handle, ad…', testid: 'search-input',
  });
  const list = h('div', { id: 'global-search-list', role: 'listbox', 'aria-label': 'Search suggestions', class: 'suggestions', hidden: true, testid: 'search-suggestions' });
  const status = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;
  let options: { el: HTMLElement; node: NodeSummary }[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    options.forEach((o, j) => o.el.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    active = i;
    const o = options[i];
    if (o) {
      input.setAttribute('aria-activedescendant', o.el.id);
      o.el.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (n: NodeSummary) => {
    close();
    navigate(nodeHref(n));
  };

  const render = (groups: Grouped[], text: string) => {
    options = [];
    const content: HTMLElement[] = [];
    groups.forEach((g) => {
      const gid = `sg-${g.kind}`;
      const group = h('div', { role: 'group', 'aria-labelledby': gid, class: 'sugg-group', testid: `search-group-${g.kind}` },
        h('div', { id: gid, class: 'sugg-kind', role: 'presentation' }, KIND_NAMES[g.kind] ?? g.kind));
      for (const n of g.nodes) {
        const el = h('div', {
          id: `sugg-${options.length}`, role: 'option', 'aria-selected': 'false', class: 'sugg', testid: 'search-option',
          'data-kind': n.__typename, 'data-id': n.id,
        }, h('span', { class: 'sugg-label' }, nodeLabel(n)), h('span', { class: 'sugg-sub' }, secondary(n)));
        el.addEventListener('mousedown', (ev) => ev.preventDefault());
        el.addEventListener('click', () => open(n));
        options.push({ el, node: n });
        group.appendChild(el);
      }
      content.push(group);
    });
    if (options.length === 0) content.push(h('div', { class: 'sugg-empty', testid: 'search-empty' }, `Nothing in your sight matches “${text}”.`));
    replace(list, content);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = `${options.length} suggestion${options.length === 1 ? '' : 's'}`;
    active = -1;
  };

  const search = async (text: string) => {
    inflight?.abort();
    const ac = new AbortController();
    inflight = ac;
    try {
      const r = await runSearch(client, text, 8, ac.signal);
      if (ac.signal.aborted || input.value.trim() !== text) return;
      render(r.groups, text);
    } catch (e) {
      if (isAbortError(e)) return;
      close();
      notifyError(e);
    } finally {
      if (inflight === ac) inflight = undefined;
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < MIN_SEARCH_CHARS) {
      inflight?.abort();
      close();
      return;
    }
    timer = setTimeout(() => void search(text), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && options.length) {
      ev.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
      setActive((active + 1) % options.length);
    } else if (ev.key === 'ArrowUp' && options.length) {
      ev.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (ev.key === 'Escape') {
      close();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      const o = options[active];
      if (o && !list.hidden) return open(o.node);
      const text = input.value.trim();
      if (text.length >= MIN_SEARCH_CHARS) {
        clearTimeout(timer);
        inflight?.abort();
        close();
        navigate(href({ name: 'search', q: text }));
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));

  const label = h('label', { for: 'global-search', class: 'visually-hidden' }, 'Search cases, people, children, phones, emails, handles and ads');
  const wrap = h('div', { class: 'typeahead', role: 'search' }, label, input, list, status);
  (wrap as HTMLElement & { reset?: () => void }).reset = () => {
    clearTimeout(timer);
    inflight?.abort();
    input.value = '';
    options = [];
    replace(list);
    close();
  };
  return wrap;
}
