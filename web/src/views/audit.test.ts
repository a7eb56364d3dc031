import { describe, expect, it } from 'vitest';
import { detailsSummary } from './audit';

describe('audit details summary', () => {
  it('names the operation, what was returned and why it failed', () => {
    expect(detailsSummary({ operation: 'CasePage', returnedCount: 12, returnedIds: ['a'], errors: [] })).toBe('operation CasePage · 12 returned');
    expect(detailsSummary({ operation: '', returnedCount: 1 })).toBe('unnamed operation · 1 returned');
    expect(detailsSummary({ reason: 'bad password', errors: ['x', 'y'] })).toBe('2 errors · bad password');
    expect(detailsSummary({ a: 1, b: 2 })).toBe('a, b');
    expect(detailsSummary({})).toBe('—');
    expect(detailsSummary(null)).toBe('');
  });
});
