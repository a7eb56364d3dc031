import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './router';

describe('router', () => {
  it('parses and builds hash routes', () => {
    expect(parseRoute('#/case/MC-2023-000100')).toEqual({ name: 'case', caseNumber: 'MC-2023-000100' });
    expect(parseRoute('#/search?q=tom%20garland')).toEqual({ name: 'search', q: 'tom garland' });
    expect(parseRoute('#/explore/abc_-Z')).toEqual({ name: 'explore', id: 'abc_-Z' });
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/nope')).toEqual({ name: 'notfound', path: '/nope' });
    for (const r of [
      { name: 'case', caseNumber: 'MC-1/2' },
      { name: 'search', q: 'a&b=c' },
      { name: 'explore', id: 'NW-91D17E0BDA2D' },
      { name: 'timeline', id: 'x y', label: 'Phone +1' },
      { name: 'proposals', status: 'CONFIRMED', kind: '' },
      { name: 'audit', caseNumber: 'MC-2023-000100', returnedId: '', user: 'case manager' },
      { name: 'audit', caseNumber: '', returnedId: 'a+b/c=', user: '' },
    ] as const) {
      expect(parseRoute(href(r))).toEqual(r);
    }
  });
});
