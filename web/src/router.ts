/** Hash routes: the server serves one page and needs no routes of its own. */

export type Route =
  | { name: 'home' }
  | { name: 'search'; q: string }
  | { name: 'case'; caseNumber: string }
  | { name: 'explore'; id: string | null }
  | { name: 'timeline'; id: string; label: string }
  | { name: 'alerts' }
  | { name: 'proposals'; status: string; kind: string }
  | { name: 'audit'; caseNumber: string; returnedId: string; user: string }
  | { name: 'notfound'; path: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart, query = ''] = raw.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  const parts = pathPart.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts.length === 0) return { name: 'home' };
  switch (parts[0]) {
    case 'search': return { name: 'search', q: params.get('q') ?? '' };
    case 'case': return parts[1] ? { name: 'case', caseNumber: parts[1] } : { name: 'home' };
    case 'explore': return { name: 'explore', id: parts[1] ?? null };
    case 'timeline': return parts[1] ? { name: 'timeline', id: parts[1], label: params.get('label') ?? '' } : { name: 'home' };
    case 'alerts': return { name: 'alerts' };
    case 'proposals': return { name: 'proposals', status: params.get('status') ?? '', kind: params.get('kind') ?? '' };
    case 'audit': return { name: 'audit', caseNumber: params.get('caseNumber') ?? '', returnedId: params.get('returnedId') ?? '', user: params.get('user') ?? '' };
    default: return { name: 'notfound', path: pathPart };
  }
}

function query(params: Record<string, string>): string {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
  return q ? `?${q}` : '';
}

export function href(route: Route): string {
  switch (route.name) {
    case 'home': return '#/';
    case 'search': return `#/search?q=${encodeURIComponent(route.q)}`;
    case 'case': return `#/case/${encodeURIComponent(route.caseNumber)}`;
    case 'explore': return route.id ? `#/explore/${encodeURIComponent(route.id)}` : '#/explore';
    case 'timeline': return `#/timeline/${encodeURIComponent(route.id)}${route.label ? `?label=${encodeURIComponent(route.label)}` : ''}`;
    case 'alerts': return '#/alerts';
    case 'proposals': return '#/proposals' + query({ status: route.status, kind: route.kind });
    case 'audit': return '#/audit' + query({ caseNumber: route.caseNumber, returnedId: route.returnedId, user: route.user });
    case 'notfound': return '#/';
  }
}

export const caseHref = (caseNumber: string) => href({ name: 'case', caseNumber });
export const exploreHref = (id: string) => href({ name: 'explore', id });
