import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Neighbourhood, NodeSummary, Path } from '../api/types';
import { escapeXml, toGraphML, toJson } from './export';
import { GraphModel, edgeId, edgeStrength, nodeLabel } from './model';
import { syntheticNeighbourhood } from './synthetic';

const person = (id: string, first: string): NodeSummary => ({ __typename: 'Person', id, firstName: first, lastName: 'Doe' });
const kase = (id: string, n: string): NodeSummary => ({ __typename: 'Case', id, caseNumber: n, status: 'OPEN', caseState: 'VA', type: 'RUNAWAY' });
const ev = (record: string, source = 'demo') => ({ source, recordId: record, observedAt: '2024-01-01T00:00:00Z' });

describe('GraphModel', () => {
  it('merges neighbourhoods without duplicates and merges evidence', () => {
    const g = new GraphModel();
    const a: Neighbourhood = {
      nodes: [person('p1', 'Tom'), kase('c1', 'MC-1')],
      links: [{ type: 'SUSPECT_IN', from: 'p1', to: 'c1', evidence: [ev('MC-1')] }],
      truncated: false,
      hubs: [],
    };
    const first = g.mergeNeighbourhood(a);
    expect(first.nodes.map((n) => n.id)).toEqual(['p1', 'c1']);
    expect(first.edges).toHaveLength(1);
    const b: Neighbourhood = {
      nodes: [kase('c1', 'MC-1'), person('p2', 'Eli')],
      links: [
        { type: 'SUSPECT_IN', from: 'p1', to: 'c1', evidence: [ev('MC-1'), ev('MC-1b')] },
        { type: 'ASSOCIATE_IN', from: 'p2', to: 'c1', evidence: [ev('MC-1')] },
        { type: 'USES', from: 'p2', to: 'unknown', evidence: [] },
      ],
      truncated: false,
      hubs: [],
    };
    const second = g.mergeNeighbourhood(b);
    expect(second.nodes.map((n) => n.id)).toEqual(['p2']);
    expect(second.edges.map((e) => e.id)).toEqual([edgeId('ASSOCIATE_IN', 'p2', 'c1')]);
    expect(g.edges.get(edgeId('SUSPECT_IN', 'p1', 'c1'))!.evidence).toHaveLength(2);
    expect(g.degree('c1')).toBe(2);
  });

  it('merges a path with its steps as stored links', () => {
    const g = new GraphModel();
    const p: Path = {
      length: 2,
      nodes: [kase('c1', 'MC-1'), person('p1', 'Tom'), kase('c2', 'MC-2')],
      steps: [
        { from: 'c1', to: 'p1', type: 'SUSPECT_IN', forward: false, evidence: [ev('MC-1')] },
        { from: 'p1', to: 'c2', type: 'SUSPECT_IN', forward: true, evidence: [ev('MC-2')] },
      ],
    };
    const m = g.mergePath(p);
    expect(m.edgeIds).toEqual([edgeId('SUSPECT_IN', 'p1', 'c1'), edgeId('SUSPECT_IN', 'p1', 'c2')]);
    expect([...g.edges.keys()]).toEqual(m.edgeIds);
    expect(m.nodeIds).toEqual(['c1', 'p1', 'c2']);
  });

  it('labels redacted children as redacted, never with a name', () => {
    expect(nodeLabel({ __typename: 'Child', id: 'x', redacted: true, firstName: null, lastName: null, childId: 'DEMO-1' })).toBe('Child (redacted)');
    expect(nodeLabel({ __typename: 'Child', id: 'x', redacted: false, firstName: 'Lia', lastName: 'Brook', childId: null })).toBe('Lia Brook');
  });

  it('weighs edges by records and marks derived links', () => {
    expect(edgeStrength({ type: 'USES', evidence: [ev('a')] }).strength).toBe('asserted');
    expect(edgeStrength({ type: 'USES', evidence: [ev('a'), ev('b')] }).strength).toBe('strong');
    expect(edgeStrength({ type: 'SIMILAR_TEXT', evidence: [ev('a', 'caselink:similar')] }).strength).toBe('derived');
    expect(edgeStrength({ type: 'LISTS', evidence: [ev('a', 'ads:text')] }).strength).toBe('text');
    expect(edgeStrength({ type: 'USES', evidence: [ev('a'), ev('b')] }).width).toBeGreaterThan(edgeStrength({ type: 'USES', evidence: [ev('a')] }).width);
  });

  it('marks the nodes a neighbourhood names in hubs, at once and for good', () => {
    const g = new GraphModel();
    const phone: NodeSummary = { __typename: 'Phone', id: 'ph', e164: '+17035550100', national: '(703) 555-0100' };
    const first = g.mergeNeighbourhood({
      nodes: [person('p1', 'Tom'), phone],
      links: [{ type: 'USES', from: 'p1', to: 'ph', evidence: [ev('a')] }],
      truncated: false,
      hubs: ['ph', 'not-shown'],
    });
    expect(g.nodes.get('ph')!.hub).toBe(true);
    expect(g.nodes.get('p1')!.hub).toBe(false);
    expect(first.hubs.map((n) => n.id)).toEqual(['ph']);
    expect(g.nodes.has('not-shown')).toBe(false);
    // A later answer naming a known node a hub marks it; one that does not name it leaves it a hub.
    const second = g.mergeNeighbourhood({ nodes: [person('p1', 'Tom'), phone], links: [], truncated: false, hubs: ['p1'] });
    expect(second.nodes).toEqual([]);
    expect(second.hubs.map((n) => n.id)).toEqual(['p1']);
    const third = g.mergeNeighbourhood({ nodes: [phone], links: [], truncated: false, hubs: [] });
    expect(third.hubs).toEqual([]);
    expect(g.nodes.get('ph')!.hub).toBe(true);
    // Paths say nothing of hubs.
    g.mergePath({ length: 1, nodes: [kase('c1', 'MC-1'), person('p1', 'Tom')], steps: [{ from: 'p1', to: 'c1', type: 'SUSPECT_IN', forward: true, evidence: [] }] });
    expect(g.nodes.get('c1')!.hub).toBe(false);
  });

  it('builds synthetic graphs of the size asked for', () => {
    const s = syntheticNeighbourhood(2000);
    expect(s.nodes.length + s.links.length).toBe(2000);
    const g = new GraphModel();
    g.mergeNeighbourhood(s);
    expect(g.nodes.size + g.edges.size).toBe(2000);
  });
});

describe('exports', () => {
  it('escapes XML, dropping characters XML cannot hold', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(escapeXml('x\u0000y\u0008z\tq')).toBe('xyz\tq');
    expect(escapeXml('emoji 😀 ok')).toBe('emoji 😀 ok');
  });

  it('writes GraphML with keys, nodes and edges, escaped', () => {
    const g = new GraphModel();
    g.mergeNeighbourhood({
      nodes: [person('p<1>', 'O\'Brien & "Sons"'), kase('c1', 'MC-1')],
      links: [{ type: 'SUSPECT_IN', from: 'p<1>', to: 'c1', evidence: [ev('MC-1', 'src<x>'), ev('MC-2')] }],
      truncated: false,
    });
    const xml = toGraphML(g.snapshot());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<key id="n_kind" for="node" attr.name="kind" attr.type="string"/>');
    expect(xml).toContain('<node id="p&lt;1&gt;">');
    expect(xml).toContain('<data key="n_label">O&apos;Brien &amp; &quot;Sons&quot; Doe</data>');
    expect(xml).toContain('source="p&lt;1&gt;" target="c1"');
    expect(xml).toContain('<data key="e_sources">src&lt;x&gt;; demo</data>');
    expect(xml).toContain('<data key="e_evidenceCount">2</data>');
    expect(xml).not.toMatch(/<[^>]*<[^/?!]/); // no raw '<' inside a tag
    expect((xml.match(/<node /g) ?? []).length).toBe(2);
    expect((xml.match(/<edge /g) ?? []).length).toBe(1);
    expect(xml.trimEnd().endsWith('</graphml>')).toBe(true);
    // Well-formed XML that reads back to the same values.
    const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const label = [...doc.getElementsByTagName('data')].find((d) => d.getAttribute('key') === 'n_label');
    expect(label?.textContent).toBe('O\'Brien & "Sons" Doe');
    expect(doc.getElementsByTagName('edge')[0]!.getAttribute('source')).toBe('p<1>');
  });

  it('writes well-formed GraphML whatever the text holds', () => {
    const g = new GraphModel();
    const nasty = 'a\u0001b<![CDATA[x]]>&amp;\uFFFE\uD800z';
    g.mergeNeighbourhood({ nodes: [person('n1', nasty)], links: [], truncated: false });
    const doc = new new JSDOM('').window.DOMParser().parseFromString(toGraphML(g.snapshot()), 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.getElementsByTagName('node')).toHaveLength(1);
  });

  it('writes JSON that reads back', () => {
    const g = new GraphModel();
    g.mergeNeighbourhood({ nodes: [kase('c1', 'MC-1')], links: [], truncated: false });
    const back = JSON.parse(toJson(g.snapshot(), { start: 'c1' }));
    expect(back.format).toBe('caselink-subgraph/1');
    expect(back.start).toBe('c1');
    expect(back.nodes[0]).toMatchObject({ id: 'c1', kind: 'Case', label: 'MC-1' });
  });
});
