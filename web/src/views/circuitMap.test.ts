import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import type { CircuitStop } from '../api/types';
import { MAP_HEIGHT, MAP_WIDTH, circuitMap, place, statesFrom } from './circuitMap';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('us-atlas/states-albers-10m.json'), 'utf8')) as Topology;
const states = statesFrom(topology);
const stop = (city: string, state: string, ads = 2): CircuitStop => ({
  location: { city, state }, ads, from: '2024-03-01T00:00:00Z', to: '2024-03-02T00:00:00Z',
});

describe('the circuit map', () => {
  it('has every state and DC, each with an outline and a centre on the map', () => {
    expect(states.length).toBeGreaterThanOrEqual(51);
    for (const code of ['VA', 'NC', 'GA', 'TX', 'DC', 'AK', 'HI']) {
      const s = states.find((x) => x.code === code);
      expect(s, code).toBeDefined();
      expect(s!.path.startsWith('M')).toBe(true);
      expect(s!.centre[0]).toBeGreaterThan(0);
      expect(s!.centre[0]).toBeLessThan(MAP_WIDTH);
      expect(s!.centre[1]).toBeGreaterThan(0);
      expect(s!.centre[1]).toBeLessThan(MAP_HEIGHT);
    }
    // Albers USA: Virginia east of Texas and north of Georgia; Washington north-west of Florida.
    const at = (c: string) => states.find((x) => x.code === c)!.centre;
    expect(at('VA')[0]).toBeGreaterThan(at('TX')[0]);
    expect(at('VA')[1]).toBeLessThan(at('GA')[1]);
    expect(at('WA')[0]).toBeLessThan(at('FL')[0]);
    expect(at('WA')[1]).toBeLessThan(at('FL')[1]);
  });

  it('puts each stop at its state, two cities of one state apart, and leaves out unknown states', () => {
    const placed = place(states, [stop('Richmond', 'VA'), stop('Norfolk', 'va'), stop('Atlantis', 'ZZ'), stop('Richmond', 'VA')]);
    const va = states.find((x) => x.code === 'VA')!.centre;
    expect(placed.map((p) => p.order)).toEqual([1, 2, 3, 4]);
    expect(Math.hypot(placed[0]!.at![0] - va[0], placed[0]!.at![1] - va[1])).toBeCloseTo(14, 5);
    expect(placed[1]!.at).not.toEqual(placed[0]!.at);
    expect(placed[2]!.at).toBeNull();
    expect(placed[3]!.at).toEqual(placed[0]!.at);
  });

  it('draws the states, the visited ones shaded, numbered stops and the route between them', () => {
    const dom = new JSDOM('<!doctype html><body></body>');
    const g = globalThis as unknown as { document: Document };
    const before = g.document;
    g.document = dom.window.document;
    try {
      const svg = circuitMap(states, [stop('Raleigh', 'NC', 3), stop('Atlanta', 'GA', 4), stop('Houston', 'TX', 2)]);
      expect(svg.querySelectorAll('path[data-state]').length).toBe(states.length);
      expect(svg.querySelector('path[data-state="GA"]')!.getAttribute('fill')).toBe('#d1e0ff');
      expect(svg.querySelector('path[data-state="CA"]')!.getAttribute('fill')).toBe('#f2f4f7');
      const stops = [...svg.querySelectorAll('[data-testid="circuit-stop"]')];
      expect(stops.map((s) => s.querySelector('text')!.textContent)).toEqual(['1', '2', '3']);
      expect(svg.querySelectorAll('line').length).toBe(2);
      expect(svg.querySelector('title')!.textContent).toContain('Raleigh, NC');
    } finally {
      g.document = before;
    }
  });
});
