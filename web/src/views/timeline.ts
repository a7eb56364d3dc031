/** A node's ads over time as an SVG chart (one row per place), with the circuit of cities. */
import { TIMELINE } from '../api/operations';
import type { Timeline } from '../api/types';
import { fmtDay, h, replace } from '../dom';
import { exploreHref } from '../router';
import type { ViewContext } from './context';
import { adsTable, errorBox, loading, section } from './common';
import { circuitMap, loadStates } from './circuitMap';
import { s } from './svg';

export function timelineChart(t: Timeline): SVGSVGElement {
  const places: string[] = [];
  for (const e of t.events) {
    const p = e.location ? `${e.location.city}, ${e.location.state}` : 'No place';
    if (!places.includes(p)) places.push(p);
  }
  const times = t.events.map((e) => Date.parse(e.postedAt));
  const min = Math.min(...times);
  const max = Math.max(...times);
  const left = 150, right = 20, top = 20, rowH = 28;
  const width = 900;
  const height = top + places.length * rowH + 40;
  const x = (ms: number) => left + (max === min ? 0.5 : (ms - min) / (max - min)) * (width - left - right);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-labelledby': 'tl-title', class: 'timeline-chart' });
  svg.setAttribute('data-testid', 'timeline-chart');
  svg.append(s('title', { id: 'tl-title' }, `${t.events.length} ads over time in ${places.length} places, from ${fmtDay(new Date(min).toISOString())} to ${fmtDay(new Date(max).toISOString())}`));
  places.forEach((p, i) => {
    const y = top + i * rowH + rowH / 2;
    svg.append(s('line', { x1: left, x2: width - right, y1: y, y2: y, stroke: '#d0d5dd', 'stroke-width': 1 }));
    svg.append(s('text', { x: left - 8, y: y + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#1d2939' }, p));
  });
  const axisY = top + places.length * rowH + 10;
  svg.append(s('line', { x1: left, x2: width - right, y1: axisY, y2: axisY, stroke: '#475467' }));
  for (let i = 0; i <= 4; i++) {
    const ms = min + ((max - min) * i) / 4;
    svg.append(s('text', { x: x(ms), y: axisY + 18, 'text-anchor': 'middle', 'font-size': 11, fill: '#344054' }, fmtDay(new Date(ms).toISOString())));
  }
  // The route between consecutive ads, then the ads.
  let prev: [number, number] | null = null;
  for (const e of t.events) {
    const p = e.location ? `${e.location.city}, ${e.location.state}` : 'No place';
    const pt: [number, number] = [x(Date.parse(e.postedAt)), top + places.indexOf(p) * rowH + rowH / 2];
    if (prev) svg.append(s('line', { x1: prev[0], y1: prev[1], x2: pt[0], y2: pt[1], stroke: '#98a2b3', 'stroke-width': 1 }));
    prev = pt;
  }
  for (const e of t.events) {
    const p = e.location ? `${e.location.city}, ${e.location.state}` : 'No place';
    const c = s('circle', { cx: x(Date.parse(e.postedAt)), cy: top + places.indexOf(p) * rowH + rowH / 2, r: 5, fill: '#155eef', stroke: '#fff', 'stroke-width': 1.5 });
    c.append(s('title', {}, `${fmtDay(e.postedAt)} · ${e.ad.adId} · ${e.ad.site} · ${p}`));
    svg.append(c);
  }
  return svg;
}

export async function renderTimeline(ctx: ViewContext, main: HTMLElement, id: string, label: string): Promise<void> {
  document.title = 'Timeline · caselink';
  const body = h('div', null, loading('Loading the timeline…'));
  replace(main, h('h1', null, `Timeline${label ? ` of ${label}` : ''}`), body);
  try {
    const r = await ctx.client.data(TIMELINE, { id, first: 500 }, ctx.signal);
    const t = r.timeline;
    if (t.events.length === 0) {
      replace(body, h('p', { testid: 'timeline-empty' }, 'No ads in your sight for this.'));
      return;
    }
    const map = h('div', { class: 'circuit-map-box', testid: 'circuit-map-box' }, loading('Loading the map…'));
    replace(body,
      t.truncated ? h('p', { class: 'muted' }, 'Only the oldest 500 ads are shown.') : null,
      section('Ads over time', 'timeline', timelineChart(t)),
      section('Circuit', 'circuit',
        map,
        h('p', { class: 'muted' }, 'Each stop sits at the centre of its state (the records give no coordinates); numbers follow the order of the circuit.'),
        h('ol', { testid: 'circuit-list' }, t.circuit.map((c) =>
          h('li', null, `${c.location.city}, ${c.location.state}: ${c.ads} ads, ${fmtDay(c.from)} to ${fmtDay(c.to)}`)))),
      section('Ads', 'timeline-ads', adsTable(t.events)));
    // The state outlines come in a chunk of their own, the first time a map is drawn.
    loadStates()
      .then((states) => replace(map, circuitMap(states, t.circuit)))
      .catch((e: unknown) => replace(map, errorBox(e)));
  } catch (e) {
    replace(body, errorBox(e));
  }
}
