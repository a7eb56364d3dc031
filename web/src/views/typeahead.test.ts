import { describe, expect, it } from 'vitest';
import type { NodeSummary } from '../api/types';
import { groupResults } from './typeahead';

const kase = (id: string): NodeSummary => ({ __typename: 'Case', id, caseNumber: id, status: 'OPEN', caseState: null, type: 'RUNAWAY' });
const person = (id: string): NodeSummary => ({ __typename: 'Person', id, firstName: id, lastName: null });
const phone = (id: string): NodeSummary => ({ __typename: 'Phone', id, e164: '+1', national: '1' });

describe('groupResults', () => {
  it('groups by kind in a fixed order, exact lookups first, without duplicates', () => {
    const g = groupResults([phone('ph'), kase('c1'), null, undefined], [
      { score: 3, node: person('p1') },
      { score: 2, node: kase('c2') },
      { score: 1, node: kase('c1') },
    ]);
    expect(g.map((x) => x.kind)).toEqual(['Case', 'Person', 'Phone']);
    expect(g[0]!.nodes.map((n) => n.id)).toEqual(['c1', 'c2']);
  });
});
