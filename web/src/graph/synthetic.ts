/** Synthetic graphs for the layout and panning checks (never real data; no request made). */
import type { Link, LinkType, Neighbourhood, NodeSummary } from '../api/types';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About `elements` nodes plus links (40 % nodes), as a neighbourhood answer would bring them. */
export function syntheticNeighbourhood(elements: number, seed = 7): Neighbourhood {
  const r = rng(seed);
  const nodeCount = Math.max(2, Math.round(elements * 0.4));
  const linkCount = Math.max(1, elements - nodeCount);
  const nodes: NodeSummary[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const id = `syn-${i}`;
    const k = i % 6;
    if (k === 0) nodes.push({ __typename: 'Case', id, caseNumber: `SYN-${String(i).padStart(6, '0')}`, status: 'OPEN', caseState: 'VA', type: 'RUNAWAY' });
    else if (k === 1) nodes.push({ __typename: 'Person', id, firstName: 'Synthetic', lastName: `P${i}` });
    else if (k === 2) nodes.push({ __typename: 'Phone', id, e164: `+1555${String(i).padStart(7, '0')}`, national: `555-${i}` });
    else if (k === 3) nodes.push({ __typename: 'Ad', id, adId: `SYN-AD-${i}`, title: null, site: 'synthetic', postedAt: '2024-01-01T00:00:00Z' });
    else if (k === 4) nodes.push({ __typename: 'Child', id, redacted: true, firstName: null, lastName: null, childId: null });
    else nodes.push({ __typename: 'Email', id, address: `syn${i}@example.invalid` });
  }
  const types: LinkType[] = ['USES', 'LISTS', 'SUSPECT_IN', 'SUBJECT_OF', 'MENTIONS', 'SIMILAR_TEXT'];
  const links: Link[] = [];
  const seen = new Set<string>();
  // A spanning tree first (so the graph is connected), then random extra links.
  for (let i = 1; i < nodeCount && links.length < linkCount; i++) {
    const j = Math.floor(r() * i);
    seen.add(`${j}-${i}`);
    links.push({ type: types[i % types.length]!, from: `syn-${j}`, to: `syn-${i}`, evidence: [{ source: 'synthetic', recordId: `R${i}`, observedAt: null }] });
  }
  while (links.length < linkCount) {
    const a = Math.floor(r() * nodeCount);
    const b = Math.floor(r() * nodeCount);
    if (a === b || seen.has(`${a}-${b}`)) continue;
    seen.add(`${a}-${b}`);
    links.push({ type: types[(a + b) % types.length]!, from: `syn-${a}`, to: `syn-${b}`, evidence: [{ source: 'synthetic', recordId: `X${links.length}`, observedAt: null }] });
  }
  return { nodes, links, truncated: false, hubs: [] };
}
