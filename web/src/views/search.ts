import { h, replace } from '../dom';
import { KIND_NAMES, nodeLabel } from '../graph/model';
import { MIN_SEARCH_CHARS } from '../api/searchInput';
import { isStaff, isPartner } from '../session';
import type { ViewContext } from './context';
import { errorBox, loading, nodeHref } from './common';
import { runSearch, secondary } from './typeahead';

export function renderHome(ctx: ViewContext, main: HTMLElement): void {
  document.title = 'Search · caselink';
  replace(main,
    h('h1', null, 'Search'),
    h('p', null, 'Type in the search box at the top: a case number, a name, a phone number, an email address, a handle (platform:handle) or words from an ad. Suggestions appear after two characters; Enter shows every result.'),
    h('ul', null,
      h('li', null, 'A case opens its case page; anything else opens the explorer centred on it.'),
      isPartner(ctx.session) ? h('li', null, `You see your agency’s scope only (${ctx.session.agency ?? 'no agency'}).`) : null,
      isStaff(ctx.session) ? h('li', null, 'Children appear in results only where you have need-to-know.') : null,
    ),
    h('p', null, 'Demo case: ', h('a', { href: '#/case/MC-2023-000100', testid: 'demo-case-link' }, 'MC-2023-000100')),
  );
}

export async function renderSearchPage(ctx: ViewContext, main: HTMLElement, q: string): Promise<void> {
  document.title = `Search “${q}” · caselink`;
  const results = h('div', { testid: 'search-results' });
  replace(main, h('h1', null, `Results for “${q}”`), results);
  if (q.trim().length < MIN_SEARCH_CHARS) {
    replace(results, h('p', null, `Type at least ${MIN_SEARCH_CHARS} characters.`));
    return;
  }
  replace(results, loading('Searching…'));
  try {
    const r = await runSearch(ctx.client, q, 50, ctx.signal);
    const parts: HTMLElement[] = [];
    if (r.errors.length) parts.push(h('div', { class: 'alert error', role: 'alert' }, r.errors.join(' ')));
    if (r.groups.length === 0) {
      parts.push(h('p', { testid: 'search-no-results' }, `Nothing in your sight matches “${q}”.`));
    }
    for (const g of r.groups) {
      parts.push(h('section', { class: 'card', 'aria-labelledby': `res-${g.kind}`, testid: `results-${g.kind}` },
        h('h2', { id: `res-${g.kind}` }, `${KIND_NAMES[g.kind] ?? g.kind} (${g.nodes.length})`),
        h('ul', { class: 'results' }, g.nodes.map((n) =>
          h('li', null, h('a', { href: nodeHref(n), testid: 'search-result', 'data-kind': n.__typename }, nodeLabel(n)), ' ',
            h('span', { class: 'muted' }, secondary(n)))))));
    }
    replace(results, parts);
  } catch (e) {
    replace(results, errorBox(e));
  }
}
