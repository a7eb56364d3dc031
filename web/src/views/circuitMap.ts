/**
 * The travel circuit on a map of the United States, drawn from bundled state outlines (us-atlas's
 * states, already projected to Albers USA on a 975 x 610 plane; topojson-client turns them into
 * shapes): no tile server, nothing fetched. The data has no coordinates for a city, so each stop
 * sits at its state's centre, several cities of one state on a small ring around it.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CircuitStop } from '../api/types';
import { fmtDay } from '../dom';
import { s } from './svg';

export interface StateShape {
  code: string;
  name: string;
  /** SVG path data, in the map's 975 x 610 plane. */
  path: string;
  /** The centre of its largest part (where its stops go). */
  centre: [number, number];
}

export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;

/** State names as us-atlas gives them, to the two-letter codes the API uses. */
const CODES: Record<string, string> = {
  Alabama: 'AL', Alaska: 'AK', Arizona: 'AZ', Arkansas: 'AR', California: 'CA', Colorado: 'CO', Connecticut: 'CT',
  Delaware: 'DE', 'District of Columbia': 'DC', Florida: 'FL', Georgia: 'GA', Hawaii: 'HI', Idaho: 'ID', Illinois: 'IL',
  Indiana: 'IN', Iowa: 'IA', Kansas: 'KS', Kentucky: 'KY', Louisiana: 'LA', Maine: 'ME', Maryland: 'MD',
  Massachusetts: 'MA', Michigan: 'MI', Minnesota: 'MN', Mississippi: 'MS', Missouri: 'MO', Montana: 'MT', Nebraska: 'NE',
  Nevada: 'NV', 'New Hampshire': 'NH', 'New Jersey': 'NJ', 'New Mexico': 'NM', 'New York': 'NY', 'North Carolina': 'NC',
  'North Dakota': 'ND', Ohio: 'OH', Oklahoma: 'OK', Oregon: 'OR', Pennsylvania: 'PA', 'Rhode Island': 'RI',
  'South Carolina': 'SC', 'South Dakota': 'SD', Tennessee: 'TN', Texas: 'TX', Utah: 'UT', Vermont: 'VT', Virginia: 'VA',
  Washington: 'WA', 'West Virginia': 'WV', Wisconsin: 'WI', Wyoming: 'WY', 'Puerto Rico': 'PR',
};

type Ring = number[][];

/** Twice the signed area of a ring and its area centre (shoelace formula). */
function ringCentre(ring: Ring): { area: number; centre: [number, number] } {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) {
    const [x, y] = (ring[0] ?? [0, 0]) as [number, number];
    return { area: 0, centre: [x, y] };
  }
  return { area: Math.abs(a), centre: [cx / (3 * a), cy / (3 * a)] };
}

function ringPath(ring: Ring): string {
  return ring.map((p, i) => `${i === 0 ? 'M' : 'L'}${(p[0] ?? 0).toFixed(1)},${(p[1] ?? 0).toFixed(1)}`).join('') + 'Z';
}

/** The states of a us-atlas topology (its `states` object), with their paths and centres. */
export function statesFrom(topology: Topology): StateShape[] {
  const collection = feature(topology, topology.objects.states as GeometryCollection<{ name: string }>);
  const out: StateShape[] = [];
  for (const f of collection.features) {
    const name = f.properties?.name ?? '';
    const code = CODES[name];
    const g = f.geometry;
    if (!code || !g) continue;
    const polygons: Ring[][] = g.type === 'Polygon' ? [g.coordinates as Ring[]] : g.type === 'MultiPolygon' ? (g.coordinates as Ring[][]) : [];
    let best = { area: -1, centre: [0, 0] as [number, number] };
    const path: string[] = [];
    for (const polygon of polygons) {
      polygon.forEach((ring) => path.push(ringPath(ring)));
      const outer = polygon[0];
      if (outer) {
        const c = ringCentre(outer);
        if (c.area > best.area) best = c;
      }
    }
    out.push({ code, name, path: path.join(''), centre: best.centre });
  }
  return out;
}

/** The state outlines, loaded once, when a map is first drawn (a chunk of its own). */
let loaded: Promise<StateShape[]> | null = null;
export function loadStates(): Promise<StateShape[]> {
  loaded ??= import('us-atlas/states-albers-10m.json').then((m) => statesFrom((m.default ?? m) as unknown as Topology));
  return loaded;
}

export interface PlacedStop {
  stop: CircuitStop;
  order: number;
  at: [number, number] | null;
}

/** Where each stop goes: its state's centre, cities of one state spread on a ring around it. */
export function place(states: StateShape[], circuit: CircuitStop[]): PlacedStop[] {
  const byCode = new Map(states.map((s) => [s.code, s]));
  const citiesOf = new Map<string, string[]>();
  for (const c of circuit) {
    const code = c.location.state.toUpperCase();
    const list = citiesOf.get(code) ?? [];
    if (!list.includes(c.location.city)) list.push(c.location.city);
    citiesOf.set(code, list);
  }
  return circuit.map((stop, i) => {
    const code = stop.location.state.toUpperCase();
    const state = byCode.get(code);
    if (!state) return { stop, order: i + 1, at: null };
    const cities = citiesOf.get(code) ?? [];
    const k = cities.indexOf(stop.location.city);
    if (cities.length < 2) return { stop, order: i + 1, at: state.centre };
    const angle = (2 * Math.PI * k) / cities.length;
    return { stop, order: i + 1, at: [state.centre[0] + 14 * Math.cos(angle), state.centre[1] + 14 * Math.sin(angle)] };
  });
}

/** The circuit drawn on the map: visited states shaded, stops numbered in order, the route between them. */
export function circuitMap(states: StateShape[], circuit: CircuitStop[]): SVGSVGElement {
  const placed = place(states, circuit);
  const visited = new Set(circuit.map((c) => c.location.state.toUpperCase()));
  const svg = s('svg', { viewBox: `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`, width: '100%', role: 'img', 'aria-labelledby': 'map-title', class: 'circuit-map' });
  svg.setAttribute('data-testid', 'circuit-map');
  const places = [...new Set(circuit.map((c) => `${c.location.city}, ${c.location.state}`))];
  svg.append(s('title', { id: 'map-title' }, `Travel circuit: ${circuit.length} stops in ${places.length} places (${places.join('; ')})`));
  const defs = s('defs', {});
  const marker = s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(s('path', { d: 'M0,0L10,5L0,10Z', fill: '#c4320a' }));
  defs.append(marker);
  svg.append(defs);
  for (const st of states) {
    const p = s('path', { d: st.path, fill: visited.has(st.code) ? '#d1e0ff' : '#f2f4f7', stroke: '#98a2b3', 'stroke-width': 0.6 });
    p.setAttribute('data-state', st.code);
    p.append(s('title', {}, st.name));
    svg.append(p);
  }
  const shown = placed.filter((p): p is PlacedStop & { at: [number, number] } => p.at !== null);
  for (let i = 1; i < shown.length; i++) {
    const a = shown[i - 1]!.at, b = shown[i]!.at;
    if (a[0] === b[0] && a[1] === b[1]) continue;
    // Stop short of the next stop's circle so the arrow head shows.
    const dx = b[0] - a[0], dy = b[1] - a[1], len = Math.hypot(dx, dy), cut = Math.min(10, len / 3);
    svg.append(s('line', { x1: a[0], y1: a[1], x2: b[0] - (dx / len) * cut, y2: b[1] - (dy / len) * cut, stroke: '#c4320a', 'stroke-width': 2, 'marker-end': 'url(#arrow)', opacity: 0.8 }));
  }
  for (const p of shown) {
    const g = s('g', { class: 'stop' });
    g.setAttribute('data-testid', 'circuit-stop');
    g.append(s('circle', { cx: p.at[0], cy: p.at[1], r: 7 + Math.min(8, Math.sqrt(p.stop.ads) * 2), fill: '#155eef', stroke: '#fff', 'stroke-width': 1.5 }));
    g.append(s('text', { x: p.at[0], y: p.at[1] + 4, 'text-anchor': 'middle', 'font-size': 11, fill: '#fff', 'font-weight': 'bold' }, String(p.order)));
    g.append(s('title', {}, `${p.order}. ${p.stop.location.city}, ${p.stop.location.state}: ${p.stop.ads} ads, ${fmtDay(p.stop.from)} to ${fmtDay(p.stop.to)}`));
    svg.append(g);
  }
  return svg;
}
