/** Exports of the shown subgraph: JSON, and GraphML (readable by Gephi, yEd, Neo4j's apoc). */
import type { GEdge, GNode } from './model';

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 cannot hold. */
export function escapeXml(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const allowed =
      c === 0x9 || c === 0xa || c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
    if (!allowed) continue;
    switch (ch) {
      case '&': out += '&amp;'; break;
      case '<': out += '&lt;'; break;
      case '>': out += '&gt;'; break;
      case '"': out += '&quot;'; break;
      case "'": out += '&apos;'; break;
      default: out += ch;
    }
  }
  return out;
}

export interface Subgraph {
  nodes: GNode[];
  edges: GEdge[];
}

export function toJson(g: Subgraph, meta: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      format: 'caselink-subgraph/1',
      ...meta,
      nodes: g.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, hub: n.hub, ...(n.rank ? { rank: n.rank } : {}), data: n.summary })),
      edges: g.edges.map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target, evidence: e.evidence })),
    },
    null,
    2,
  );
}

const NODE_KEYS = [
  ['kind', 'string'],
  ['label', 'string'],
  ['hub', 'boolean'],
  ['rank', 'int'],
] as const;
const EDGE_KEYS = [
  ['type', 'string'],
  ['evidenceCount', 'int'],
  ['sources', 'string'],
  ['records', 'string'],
  ['observedAt', 'string'],
] as const;

function data(key: string, value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null || value === '') return '';
  return `      <data key="${key}">${escapeXml(String(value))}</data>\n`;
}

/** GraphML 1.0, directed (links as stored), evidence flattened into attributes. */
export function toGraphML(g: Subgraph): string {
  let s = '<?xml version="1.0" encoding="UTF-8"?>\n';
  s += '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ';
  s += 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [k, t] of NODE_KEYS) s += `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>\n`;
  for (const [k, t] of EDGE_KEYS) s += `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>\n`;
  s += '  <graph id="caselink" edgedefault="directed">\n';
  for (const n of g.nodes) {
    s += `    <node id="${escapeXml(n.id)}">\n`;
    s += data('n_kind', n.kind) + data('n_label', n.label) + data('n_hub', n.hub) + data('n_rank', n.rank);
    s += '    </node>\n';
  }
  for (const e of g.edges) {
    s += `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">\n`;
    s += data('e_type', e.type) + data('e_evidenceCount', e.evidence.length);
    s += data('e_sources', e.evidence.map((x) => x.source).join('; '));
    s += data('e_records', e.evidence.map((x) => x.recordId ?? '').join('; '));
    s += data('e_observedAt', e.evidence.map((x) => x.observedAt ?? '').join('; '));
    s += '    </edge>\n';
  }
  s += '  </graph>\n</graphml>\n';
  return s;
}
