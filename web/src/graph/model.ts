/**
 * The explorer's graph, independent of Cytoscape: nodes and links merged from neighbourhoods,
 * paths and networks, keyed by the API's global ids. Pure, so that it is unit-tested.
 */
import type { Evidence, Link, LinkType, Neighbourhood, NodeKind, NodeSummary, Path, PathStep } from '../api/types';

export interface GNode {
  id: string;
  kind: NodeKind;
  label: string;
  summary: NodeSummary;
  /** Named in a neighbourhood's `hubs`: more relationships than the service's hub degree; never expanded. */
  hub: boolean;
  /** Its 1-hop neighbourhood has been merged. */
  expanded: boolean;
  /** Network view: rank by PageRank inside the network (1 = most central). */
  rank?: number;
  /** Network view: the drawn size that rank gives. */
  rankSize?: number;
  /** Network view: one of the network's key players (people, by betweenness). */
  keyPlayer?: boolean;
}

export interface GEdge {
  id: string;
  type: LinkType;
  source: string;
  target: string;
  evidence: Evidence[];
}

export function edgeId(type: string, from: string, to: string): string {
  return `${type}|${from}|${to}`;
}

function name(first: string | null, last: string | null): string {
  return [first, last].filter(Boolean).join(' ');
}

/** A short label for any node, never revealing what the API did not return. */
export function nodeLabel(n: NodeSummary): string {
  switch (n.__typename) {
    case 'Case': return n.caseNumber;
    case 'Child': return n.redacted ? 'Child (redacted)' : name(n.firstName, n.lastName) || n.childId || 'Child';
    case 'Person': return name(n.firstName, n.lastName) || 'Person';
    case 'Phone': return n.national || n.e164;
    case 'Email': return n.address;
    case 'Handle': return `${n.platform}:@${n.handle}`;
    case 'Ad': return n.adId;
    case 'Image': return `image ${n.hash.slice(0, 8)}`;
    case 'Location': return `${n.city}, ${n.state}`;
    case 'Agency': return n.code;
    case 'Network': return `${n.id} (${n.size})`;
    default: return n.id;
  }
}

export const KIND_NAMES: Record<string, string> = {
  Case: 'Case', Child: 'Child', Person: 'Person', Phone: 'Phone', Email: 'Email', Handle: 'Handle',
  Ad: 'Ad', Image: 'Image', Location: 'Place', Agency: 'Agency', Network: 'Network',
};

export type Strength = 'strong' | 'asserted' | 'derived' | 'text';

/**
 * How strongly a link is evidenced, for its drawing: derived by caselink (near-duplicates,
 * identities) or found in an ad's text: dashed/dotted; asserted by records: solid, wider with
 * every independent record (two records asserting it are stronger than one).
 */
export function edgeStrength(e: Pick<GEdge, 'type' | 'evidence'>): { strength: Strength; width: number; records: number } {
  const records = new Set(e.evidence.map((x) => `${x.source}\u0000${x.recordId ?? ''}`)).size;
  const width = Math.min(1.5 + records * 1.25, 7);
  const derived =
    e.type === 'SIMILAR_TEXT' || e.type === 'SIMILAR_IMAGE' || e.type === 'PROPOSED_SAME_AS' ||
    (e.evidence.length > 0 && e.evidence.every((x) => x.source.startsWith('caselink:')));
  if (derived) return { strength: 'derived', width, records };
  if (e.evidence.length > 0 && e.evidence.every((x) => x.source.endsWith(':text'))) return { strength: 'text', width, records };
  return { strength: records >= 2 || e.type === 'SAME_AS' ? 'strong' : 'asserted', width, records };
}

/** A path step as the stored link (from -> to as stored). */
export function stepToLink(s: PathStep): Link {
  return s.forward
    ? { type: s.type, from: s.from, to: s.to, evidence: s.evidence }
    : { type: s.type, from: s.to, to: s.from, evidence: s.evidence };
}

function evidenceKey(e: Evidence): string {
  return `${e.source}\u0000${e.recordId ?? ''}\u0000${e.observedAt ?? ''}`;
}

export interface Merged {
  nodes: GNode[];
  edges: GEdge[];
  /** Nodes the answer named as hubs that were not known as hubs before (new ones included). */
  hubs: GNode[];
}

export class GraphModel {
  readonly nodes = new Map<string, GNode>();
  readonly edges = new Map<string, GEdge>();

  clear(): void {
    this.nodes.clear();
    this.edges.clear();
  }

  /** Adds a node or refreshes what is known of it; answers it and whether it is new. */
  addNode(summary: NodeSummary): { node: GNode; added: boolean } {
    const old = this.nodes.get(summary.id);
    if (old) {
      old.summary = summary;
      old.label = nodeLabel(summary);
      return { node: old, added: false };
    }
    const node: GNode = { id: summary.id, kind: summary.__typename, label: nodeLabel(summary), summary, hub: false, expanded: false };
    this.nodes.set(node.id, node);
    return { node, added: true };
  }

  /** Adds a link between known nodes (merging its evidence); null when an end is unknown. */
  addLink(link: Link): { edge: GEdge; added: boolean } | null {
    if (!this.nodes.has(link.from) || !this.nodes.has(link.to)) return null;
    const id = edgeId(link.type, link.from, link.to);
    const old = this.edges.get(id);
    if (old) {
      const have = new Set(old.evidence.map(evidenceKey));
      for (const e of link.evidence) if (!have.has(evidenceKey(e))) old.evidence.push(e);
      return { edge: old, added: false };
    }
    const edge: GEdge = { id, type: link.type, source: link.from, target: link.to, evidence: [...link.evidence] };
    this.edges.set(id, edge);
    return { edge, added: true };
  }

  /**
   * Merges a neighbourhood; answers what is new. The nodes its `hubs` names are marked as hubs
   * (once a hub, always a hub: the service names them as the viewer sees them).
   */
  mergeNeighbourhood(nb: Pick<Neighbourhood, 'nodes' | 'links'> & { hubs?: readonly string[]; truncated?: boolean }): Merged {
    const out: Merged = { nodes: [], edges: [], hubs: [] };
    for (const n of nb.nodes) {
      const r = this.addNode(n);
      if (r.added) out.nodes.push(r.node);
    }
    for (const id of nb.hubs ?? []) {
      const n = this.nodes.get(id);
      if (n && !n.hub) {
        n.hub = true;
        out.hubs.push(n);
      }
    }
    for (const l of nb.links) {
      const r = this.addLink(l);
      if (r?.added) out.edges.push(r.edge);
    }
    return out;
  }

  /** Merges a path; answers what is new and the ids of all its elements. */
  mergePath(p: Path): Merged & { nodeIds: string[]; edgeIds: string[] } {
    const links = p.steps.map(stepToLink);
    const merged = this.mergeNeighbourhood({ nodes: p.nodes, links });
    return { ...merged, nodeIds: p.nodes.map((n) => n.id), edgeIds: links.map((l) => edgeId(l.type, l.from, l.to)) };
  }

  degree(id: string): number {
    let d = 0;
    for (const e of this.edges.values()) if (e.source === id || e.target === id) d++;
    return d;
  }

  edgesOf(id: string): GEdge[] {
    return [...this.edges.values()].filter((e) => e.source === id || e.target === id);
  }

  /** Drops links to nodes no longer present (after filtering). */
  snapshot(): { nodes: GNode[]; edges: GEdge[] } {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}
