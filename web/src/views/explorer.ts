/**
 * The graph explorer (Cytoscape): start from any entity's 1-hop neighbourhood, click to expand,
 * shift-click two nodes for the shortest paths, click an edge for its evidence; a network view
 * (NW- ids) with its members sized by rank and its key players marked; exports.
 * Loaded on demand (its own chunk), so sign-in and the case page do not wait for Cytoscape.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject, type LayoutOptions, type NodeSingular } from 'cytoscape';
import svgExport from 'cytoscape-svg';
import { isAbortError } from '../api/http';
import { NEIGHBOURHOOD, NETWORK, NETWORK_LINKS, PATHS, type NetworkLinksResult, type NetworkResult } from '../api/operations';
import type { Path } from '../api/types';
import { download, fmtDay, h, replace } from '../dom';
import { toGraphML, toJson } from '../graph/export';
import { GraphModel, KIND_NAMES, edgeStrength, type GEdge, type GNode } from '../graph/model';
import { KIND_STYLE, stylesheet } from '../graph/style';
import { syntheticNeighbourhood } from '../graph/synthetic';
import { caseHref, exploreHref, href } from '../router';
import type { Dispose, ViewContext } from './context';
import { errorBox, kindBadge, redactionText } from './common';
import { evidenceText, pathView } from './case';

cytoscape.use(svgExport);

const START_LIMIT = 200;
/**
 * Most nodes one expansion adds. A node the service names in `hubs` is never expanded, so this
 * only bounds an ordinary node's neighbours (the schema allows 1000).
 */
const EXPAND_LIMIT = 500;
/** Above this many nodes a full layout is concentric (O(n)) instead of force-directed. */
const FORCE_LAYOUT_MAX_NODES = 350;
/**
 * A network view: most members and links drawn. The schema allows 1,000 members and 5,000
 * links, but the service's query-complexity limit lets 800 links with their evidence through.
 */
const NETWORK_MEMBERS = 1000;
const NETWORK_LINKS_MAX = 800;

export interface ExplorerTestApi {
  cy: Core;
  model: GraphModel;
  loadSynthetic(elements: number): Promise<{ layoutMs: number; renderMs: number; nodes: number; edges: number }>;
  panFrames(frames: number): Promise<number[]>;
  expand(id: string): Promise<number>;
}

declare global {
  interface Window {
    __caselinkTest?: { explorer?: ExplorerTestApi | null; [k: string]: unknown };
  }
}

function cyNode(n: GNode): ElementDefinition {
  const classes = [n.hub ? 'hub' : '', n.expanded ? 'expanded' : '', n.keyPlayer ? 'key' : '',
    n.summary.__typename === 'Child' && n.summary.redacted ? 'redacted' : ''].filter(Boolean).join(' ');
  const data: Record<string, unknown> = { id: n.id, label: n.label, kind: n.kind };
  if (n.rank !== undefined) data.size = n.rankSize;
  return { group: 'nodes', data, classes };
}

function cyEdge(e: GEdge, fast: boolean): ElementDefinition {
  const s = edgeStrength(e);
  return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type, width: s.width, strength: s.strength }, classes: fast ? 'fast' : '' };
}

function nextFrame(): Promise<number> {
  return new Promise((r) => requestAnimationFrame(r));
}

export async function renderExplorer(ctx: ViewContext, main: HTMLElement, id: string | null): Promise<Dispose> {
  document.title = 'Explorer · caselink';
  const model = new GraphModel();
  const heading = h('h1', null, 'Explorer');
  const status = h('p', { class: 'status-line', role: 'status', 'aria-live': 'polite', testid: 'explorer-status' });
  const container = h('div', { class: 'graph', role: 'img', 'aria-label': 'Graph of the entities shown; the panel beside it lists them', testid: 'graph' });
  const panel = h('div', { class: 'panel-body', testid: 'explorer-panel' });
  const nodeFilter = h('input', { type: 'search', id: 'node-filter', autocomplete: 'off', testid: 'node-filter' });
  const nodeList = h('ul', { class: 'node-list', testid: 'node-list' });
  const pathBar = h('div', { class: 'path-bar', testid: 'path-bar' });

  if (!id) {
    replace(main, heading,
      h('p', null, 'Start from any entity: search for it at the top and open it, or open a case and choose “Open in explorer”.'),
      h('p', null, 'The explorer shows an entity’s neighbours; click a node to expand it, shift-click two nodes for the shortest paths between them, click a link for its evidence.'));
    return () => undefined;
  }
  const isNetwork = id.startsWith('NW-');

  const button = (label: string, testid: string, onClick: () => void) => {
    const b = h('button', { type: 'button', class: 'small', testid }, label);
    b.addEventListener('click', onClick);
    return b;
  };
  const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' },
    Object.entries(KIND_STYLE).filter(([k]) => k !== 'Network').map(([k, s]) => h('li', null, h('span', { class: 'swatch', 'data-shape': s.shape, style: `background:${s.color}` }), KIND_NAMES[k] ?? k)),
    h('li', null, h('span', { class: 'swatch hub-swatch' }), 'Hub (not expanded)'),
    h('li', null, h('span', { class: 'line solid' }), 'Records (wider: more records)'),
    h('li', null, h('span', { class: 'line dashed' }), 'Derived by caselink'),
    h('li', null, h('span', { class: 'line dotted' }), 'Found in ad text'));

  const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Graph tools' },
    button('Fit', 'fit', () => cy.fit(undefined, 30)),
    button('Re-layout', 'relayout', () => void runLayout(cy.nodes().length)),
    button('Clear path', 'clear-path', () => clearPath()),
    button('Export PNG', 'export-png', () => exportPng()),
    button('Export SVG', 'export-svg', () => exportSvg()),
    button('Export JSON', 'export-json', () => download(`caselink-${fileTag()}.json`, new Blob([toJson(model.snapshot(), { start: id })], { type: 'application/json' }))),
    button('Export GraphML', 'export-graphml', () => download(`caselink-${fileTag()}.graphml`, new Blob([toGraphML(model.snapshot())], { type: 'application/graphml+xml' }))));

  replace(main, heading, status, toolbar, pathBar,
    h('div', { class: 'explorer' },
      container,
      h('aside', { class: 'side', 'aria-label': 'Details' },
        h('h2', { class: 'h3' }, 'Details'), panel,
        h('h2', { class: 'h3' }, 'Nodes shown'),
        h('label', { for: 'node-filter' }, 'Filter nodes'), nodeFilter, nodeList)),
    h('details', { class: 'legend-box' }, h('summary', null, 'Legend'), legend));

  const cy = cytoscape({
    container,
    style: stylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    textureOnViewport: true,
    motionBlur: false,
    pixelRatio: 1,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });

  let selectedId: string | null = null;
  let pathFrom: string | null = null;
  let pathTo: string | null = null;
  let lastExpandMs = 0;
  const inflight = new Set<AbortController>();

  const fileTag = () => (isNetwork ? id : (model.nodes.get(id)?.label ?? 'graph')).replace(/[^\w.-]+/g, '_').slice(0, 60);

  function labelOf(nodeId: string): string {
    return model.nodes.get(nodeId)?.label ?? nodeId;
  }

  function updateStatus(extra = ''): void {
    status.textContent = `${model.nodes.size} nodes, ${model.edges.size} links shown.${extra ? ' ' + extra : ''}`;
    container.setAttribute('aria-label', `Graph of ${model.nodes.size} entities and ${model.edges.size} links; the panel beside it lists them`);
    renderNodeList();
  }

  function renderNodeList(): void {
    const q = nodeFilter.value.trim().toLowerCase();
    const all = [...model.nodes.values()];
    const shown = all.filter((n) => !q || n.label.toLowerCase().includes(q) || n.kind.toLowerCase().includes(q)).slice(0, 60);
    replace(nodeList, shown.map((n) => {
      const b = h('button', {
        type: 'button', class: 'link-button', testid: 'node-item', 'data-id': n.id, 'data-kind': n.kind,
        'data-expanded': String(n.expanded), 'data-hub': String(n.hub), 'aria-pressed': n.id === selectedId ? 'true' : 'false',
      }, kindBadge(n.kind), ' ', n.label, n.hub ? ' (hub)' : '',
      n.expanded || n.hub ? '' : [h('span', { 'aria-hidden': 'true', class: 'muted' }, ' +'), h('span', { class: 'visually-hidden' }, ', not expanded')]);
      b.addEventListener('click', (ev) => void onNode(n.id, (ev as MouseEvent).shiftKey));
      return h('li', null, b);
    }), all.length > shown.length ? h('li', { class: 'muted' }, `${all.length - shown.length} more: filter to find them`) : null);
  }
  nodeFilter.addEventListener('input', renderNodeList);

  function addToCy(nodes: GNode[], edges: GEdge[], around?: string): void {
    const fast = model.edges.size > 800;
    const center = around ? cy.getElementById(around) : null;
    const cpos = center && center.nonempty() ? center.position() : { x: 0, y: 0 };
    const r = 90 + nodes.length * 4;
    const defs: ElementDefinition[] = nodes.map((n, i) => {
      const d = cyNode(n);
      if (center && center.nonempty()) {
        const a = (2 * Math.PI * i) / Math.max(nodes.length, 1);
        d.position = { x: cpos.x + r * Math.cos(a), y: cpos.y + r * Math.sin(a) };
      }
      return d;
    });
    cy.batch(() => {
      cy.add(defs);
      cy.add(edges.map((e) => cyEdge(e, fast)));
    });
  }

  function refreshNode(n: GNode): void {
    const el = cy.getElementById(n.id);
    if (el.empty()) return;
    const d = cyNode(n);
    el.data(d.data);
    el.classes(String(d.classes ?? ''));
  }

  async function runLayout(nodeCount: number): Promise<number> {
    const t0 = performance.now();
    const opts: LayoutOptions = nodeCount <= FORCE_LAYOUT_MAX_NODES
      ? ({ name: 'cose', animate: false, randomize: true, numIter: 600, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, fit: true, padding: 30 } as LayoutOptions)
      : ({ name: 'concentric', animate: false, fit: true, padding: 20, minNodeSpacing: 6, avoidOverlap: false, concentric: (n: NodeSingular) => n.degree(false), levelWidth: () => 2 } as LayoutOptions);
    cy.layout(opts).run();
    return performance.now() - t0;
  }

  function showNode(n: GNode, note?: string): void {
    selectedId = n.id;
    const s = n.summary;
    const links: HTMLElement[] = [];
    if (s.__typename === 'Case') links.push(h('a', { href: caseHref(s.caseNumber), testid: 'panel-case-link' }, 'Open case page'));
    if (['Case', 'Person', 'Child', 'Phone', 'Email', 'Handle', 'Image'].includes(s.__typename)) {
      links.push(h('a', { href: href({ name: 'timeline', id: n.id, label: n.label }) }, 'Ads timeline'));
    }
    if (n.id !== id) links.push(h('a', { href: exploreHref(n.id) }, 'Centre explorer here'));
    replace(panel,
      h('p', null, kindBadge(n.kind), ' ', h('strong', { testid: 'panel-node-label' }, n.label)),
      s.__typename === 'Child' && s.redacted ? h('p', { class: 'reason', testid: 'panel-redaction-reason' }, redactionText(s.redactionReason)) : null,
      n.hub ? h('p', { class: 'alert info', testid: 'hub-note' }, `Hub: more relationships than the service’s hub degree. The service shows hubs but does not expand them: a number or place shared by hundreds of records links nearly everything and explains nothing. Use “Path from/to” to see how it connects two entities.`) : null,
      note ? h('p', { class: 'muted' }, note) : null,
      n.rank !== undefined ? h('p', null, `Rank ${n.rank} in the network by PageRank${n.keyPlayer ? '; a key player' : ''}.`) : null,
      h('p', null, n.expanded ? 'Expanded: its neighbours are shown.' : n.hub ? 'Not expanded (hub).' : 'Click it again to expand it.'),
      h('div', { class: 'row' },
        button('Path from here', 'path-from', () => setEnd('from', n.id)),
        button('Path to here', 'path-to', () => setEnd('to', n.id))),
      links.length ? h('ul', { class: 'plain' }, links.map((a) => h('li', null, a))) : null,
      h('p', { class: 'muted small' }, `${model.degree(n.id)} links shown`));
    renderNodeList();
  }

  function showEdge(e: GEdge): void {
    selectedId = null;
    const st = edgeStrength(e);
    replace(panel,
      h('p', null, h('strong', { testid: 'panel-edge-type' }, e.type.replace(/_/g, ' '))),
      h('p', null, `${labelOf(e.source)} → ${labelOf(e.target)}`),
      h('p', { class: 'muted' }, `${st.records} record${st.records === 1 ? '' : 's'}; ${st.strength === 'derived' ? 'derived by caselink' : st.strength === 'text' ? 'found in an ad’s text' : 'asserted by records'}.`),
      h('h3', { class: 'h4' }, 'Evidence'),
      h('ul', { class: 'evidence', testid: 'edge-evidence' }, e.evidence.map((x) =>
        h('li', { testid: 'evidence' },
          h('div', null, h('span', { class: 'muted' }, 'Source: '), x.source),
          h('div', null, h('span', { class: 'muted' }, 'Record: '), x.recordId ?? '—'),
          h('div', null, h('span', { class: 'muted' }, 'Observed: '), x.observedAt ? fmtDay(x.observedAt) + ' ' + x.observedAt.slice(11, 16) + ' UTC' : '—'),
          x.ingestedAt ? h('div', { class: 'muted small' }, `Stored ${fmtDay(x.ingestedAt)}`) : null))));
  }

  async function request<T>(f: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const ac = new AbortController();
    const onAbort = () => ac.abort();
    ctx.signal.addEventListener('abort', onAbort);
    inflight.add(ac);
    try {
      return await f(ac.signal);
    } finally {
      inflight.delete(ac);
      ctx.signal.removeEventListener('abort', onAbort);
    }
  }

  /** Expands a node (merging its 1-hop neighbourhood); answers the time it took, in ms. */
  async function expand(nodeId: string): Promise<number> {
    const n = model.nodes.get(nodeId);
    if (!n || n.expanded || n.hub) return 0;
    const t0 = performance.now();
    status.textContent = `Expanding ${n.label}…`;
    const r = await request((signal) => ctx.client.data(NEIGHBOURHOOD, { id: nodeId, hops: 1, limit: EXPAND_LIMIT }, signal));
    const nb = r.neighbourhood;
    if (nb.hubs.includes(nodeId)) {
      // Known from a path (which says nothing of hubs): the service expands a start whatever its
      // degree, but the explorer never expands a hub.
      n.hub = true;
      refreshNode(n);
      updateStatus(`${n.label} is a hub: not expanded.`);
      showNode(n);
      return performance.now() - t0;
    }
    const added = model.mergeNeighbourhood(nb);
    n.expanded = true;
    addToCy(added.nodes, added.edges, nodeId);
    refreshNode(n);
    for (const x of added.hubs) refreshNode(x);
    await nextFrame();
    lastExpandMs = performance.now() - t0;
    container.setAttribute('data-last-expand-ms', lastExpandMs.toFixed(1));
    updateStatus((added.nodes.length ? `Expanded ${n.label}: ${added.nodes.length} new nodes.` : `Expanded ${n.label}: nothing new.`) +
      (nb.truncated ? ` More than ${EXPAND_LIMIT} neighbours: only the first ${EXPAND_LIMIT} are shown.` : ''));
    return lastExpandMs;
  }

  async function onNode(nodeId: string, shift: boolean): Promise<void> {
    const n = model.nodes.get(nodeId);
    if (!n) return;
    cy.elements().unselect();
    cy.getElementById(nodeId).select();
    if (shift) {
      setEnd(pathFrom && !pathTo && pathFrom !== nodeId ? 'to' : 'from', nodeId);
      showNode(n);
      return;
    }
    showNode(n);
    if (n.hub || n.expanded) return;
    try {
      await expand(nodeId);
      showNode(n);
    } catch (e) {
      if (!isAbortError(e)) replace(panel, errorBox(e));
    }
  }

  function renderPathBar(extra?: HTMLElement | null): void {
    replace(pathBar,
      h('span', null, 'Path from ', h('strong', { testid: 'path-from-label' }, pathFrom ? labelOf(pathFrom) : '(shift-click a node)'),
        ' to ', h('strong', { testid: 'path-to-label' }, pathTo ? labelOf(pathTo) : '(shift-click another)')),
      extra ?? null);
  }

  function setEnd(which: 'from' | 'to', nodeId: string): void {
    if (which === 'from') pathFrom = nodeId;
    else pathTo = nodeId;
    cy.nodes().removeClass('path-end');
    for (const x of [pathFrom, pathTo]) if (x) cy.getElementById(x).addClass('path-end');
    renderPathBar();
    if (pathFrom && pathTo && pathFrom !== pathTo) void findPaths(pathFrom, pathTo);
  }

  function clearPath(): void {
    pathFrom = null;
    pathTo = null;
    cy.elements().removeClass('onpath path-end');
    renderPathBar();
  }

  async function findPaths(from: string, to: string): Promise<void> {
    renderPathBar(h('span', { class: 'muted' }, ' Finding the shortest paths…'));
    try {
      const r = await request((signal) => ctx.client.data(PATHS, { from, to, maxHops: 6, limit: 10 }, signal));
      const paths: Path[] = r.paths.paths;
      cy.elements().removeClass('onpath');
      if (paths.length === 0) {
        renderPathBar(h('span', { class: 'alert info', testid: 'path-none' }, ' No path within 6 steps in your sight.'));
        return;
      }
      const ids = new Set<string>();
      for (const p of paths) {
        const m = model.mergePath(p);
        addToCy(m.nodes, m.edges, m.nodeIds.find((x) => !m.nodes.some((n) => n.id === x)));
        m.nodeIds.forEach((x) => ids.add(x));
        m.edgeIds.forEach((x) => ids.add(x));
      }
      cy.batch(() => ids.forEach((x) => cy.getElementById(x).addClass('onpath')));
      updateStatus();
      renderPathBar(h('span', { testid: 'path-result' }, ` ${paths.length} shortest path${paths.length === 1 ? '' : 's'} of ${paths[0]!.length} step${paths[0]!.length === 1 ? '' : 's'}${r.paths.truncated ? ' (more exist)' : ''}, highlighted.`));
      replace(panel, h('h3', { class: 'h4' }, `Paths from ${labelOf(from)} to ${labelOf(to)}`),
        paths.map((p, i) => h('div', { class: 'path-box', testid: 'path-detail' }, h('p', null, h('strong', null, `Path ${i + 1}`)), pathView(p))));
    } catch (e) {
      if (!isAbortError(e)) renderPathBar(errorBox(e));
    }
  }

  function exportPng(): void {
    const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
    download(`caselink-${fileTag()}.png`, blob);
  }

  function exportSvg(): void {
    const svg = (cy as unknown as { svg(o: object): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
    download(`caselink-${fileTag()}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
  }

  cy.on('tap', 'node', (ev: EventObject) => {
    const oe = ev.originalEvent as MouseEvent | undefined;
    void onNode(ev.target.id(), !!oe?.shiftKey);
  });
  cy.on('tap', 'edge', (ev: EventObject) => {
    const e = model.edges.get(ev.target.id());
    if (e) showEdge(e);
  });

  async function loadStart(): Promise<void> {
    status.textContent = 'Loading…';
    if (isNetwork) {
      const [r, lr]: [NetworkResult, NetworkLinksResult] = await Promise.all([
        request((signal) => ctx.client.data(NETWORK, { id, first: NETWORK_MEMBERS }, signal)),
        request((signal) => ctx.client.data(NETWORK_LINKS, { id, first: NETWORK_LINKS_MAX }, signal)),
      ]);
      const nw = r.network;
      const links = lr.network?.links ?? { links: [], truncated: false };
      if (!nw) {
        replace(panel, h('p', { class: 'alert info', testid: 'explorer-empty' }, 'No such network in your sight.'));
        status.textContent = 'Nothing to show.';
        return;
      }
      heading.textContent = `Network ${nw.id}`;
      // The network as the API draws it: its members and exactly the links between them
      // (Network.links); a link to a member not listed (members truncated) is left out.
      model.mergeNeighbourhood({ nodes: nw.members.nodes, links: links.links });
      const dropped = links.links.length - model.edges.size;
      container.setAttribute('data-network-links', String(links.links.length));
      container.setAttribute('data-links-truncated', String(links.truncated));
      const total = nw.ranked.length || 1;
      for (const k of nw.ranked) {
        const g = model.nodes.get(k.node.id);
        if (g) {
          g.rank = k.rank;
          g.rankSize = Math.round(16 + 44 * (1 - (k.rank - 1) / total));
        }
      }
      for (const k of nw.keyPlayers) {
        const g = model.nodes.get(k.node.id);
        if (g) g.keyPlayer = true;
      }
      addToCy([...model.nodes.values()], [...model.edges.values()]);
      await runLayout(model.nodes.size);
      replace(panel,
        h('p', null, `${nw.size} members: ${nw.counts.cases} cases, ${nw.counts.children} children, ${nw.counts.persons} people, ${nw.counts.phones} phones, ${nw.counts.ads} ads, ${nw.counts.images} images. Active ${fmtDay(nw.firstSeen)} to ${fmtDay(nw.lastSeen)}.`),
        h('h3', { class: 'h4' }, 'Key players'),
        h('ol', { testid: 'network-key-players' }, nw.keyPlayers.map((k) => {
          const b = h('button', { type: 'button', class: 'link-button', testid: 'network-key-player', 'data-id': k.node.id }, model.nodes.get(k.node.id)?.label ?? k.node.id);
          b.addEventListener('click', () => {
            const g = model.nodes.get(k.node.id);
            if (g) {
              cy.elements().unselect();
              cy.getElementById(g.id).select();
              showNode(g);
            }
          });
          return h('li', null, b, h('span', { class: 'muted' }, ` betweenness ${k.betweenness.toFixed(1)}, PageRank ${k.pageRank.toFixed(3)}`));
        })),
        h('p', { class: 'muted small' }, 'Node size: rank by PageRank inside the network. Orange ring: key players (people, by betweenness).'),
        nw.members.truncated ? h('p', { class: 'muted', testid: 'network-members-truncated' }, `Only the ${NETWORK_MEMBERS} most central members are shown.`) : null,
        links.truncated ? h('p', { class: 'alert info', testid: 'network-links-truncated' }, `The network has more than ${NETWORK_LINKS_MAX} links: only the first ${NETWORK_LINKS_MAX} are drawn.`) : null,
        dropped > 0 ? h('p', { class: 'muted' }, `${dropped} link${dropped === 1 ? '' : 's'} to members not shown left out.`) : null);
      updateStatus([
        links.truncated ? `More than ${NETWORK_LINKS_MAX} links: only the first ${NETWORK_LINKS_MAX} are drawn.` : '',
        nw.members.truncated ? `Only the ${NETWORK_MEMBERS} most central members are shown.` : '',
      ].filter(Boolean).join(' '));
      return;
    }
    const r = await request((signal) => ctx.client.data(NEIGHBOURHOOD, { id, hops: 1, limit: START_LIMIT }, signal));
    const nb = r.neighbourhood;
    if (nb.nodes.length === 0) {
      replace(panel, h('p', { class: 'alert info', testid: 'explorer-empty' }, 'Nothing in your sight has this id.'));
      status.textContent = 'Nothing to show.';
      return;
    }
    const added = model.mergeNeighbourhood(nb);
    const start = model.nodes.get(nb.nodes[0]!.id)!;
    start.expanded = true;
    heading.textContent = `Explorer: ${start.label}`;
    addToCy(added.nodes, added.edges);
    cy.getElementById(start.id).addClass('start');
    await runLayout(model.nodes.size);
    updateStatus(nb.truncated ? `More than ${START_LIMIT} neighbours: only the first ${START_LIMIT} are shown.` : '');
    showNode(start, 'The starting point.');
  }

  renderPathBar();
  try {
    await loadStart();
  } catch (e) {
    if (!isAbortError(e)) replace(panel, errorBox(e));
    status.textContent = 'Could not load.';
  }

  const testApi: ExplorerTestApi = {
    cy,
    model,
    expand,
    async loadSynthetic(elements: number) {
      clearPath();
      model.clear();
      cy.elements().remove();
      const nb = syntheticNeighbourhood(elements);
      model.mergeNeighbourhood(nb);
      const fast = model.edges.size > 800;
      cy.batch(() => {
        cy.add([...model.nodes.values()].map(cyNode));
        cy.add([...model.edges.values()].map((e) => cyEdge(e, fast)));
      });
      const layoutMs = await runLayout(model.nodes.size);
      const t1 = performance.now();
      await nextFrame();
      await nextFrame();
      const renderMs = performance.now() - t1;
      updateStatus('Synthetic graph (test).');
      return { layoutMs, renderMs, nodes: model.nodes.size, edges: model.edges.size };
    },
    panFrames(frames: number) {
      return new Promise<number[]>((resolve) => {
        const intervals: number[] = [];
        let last = performance.now();
        let i = 0;
        const step = (t: number) => {
          intervals.push(t - last);
          last = t;
          cy.panBy({ x: i % 60 < 30 ? 6 : -6, y: i % 40 < 20 ? 3 : -3 });
          if (++i < frames) requestAnimationFrame(step);
          else resolve(intervals.slice(1));
        };
        requestAnimationFrame((t) => {
          last = t;
          requestAnimationFrame(step);
        });
      });
    },
  };
  if (window.__caselinkTest) window.__caselinkTest.explorer = testApi;

  return () => {
    for (const ac of inflight) ac.abort();
    if (window.__caselinkTest?.explorer === testApi) window.__caselinkTest.explorer = null;
    cy.destroy();
    model.clear();
  };
}
