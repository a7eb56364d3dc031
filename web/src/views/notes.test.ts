import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';

beforeAll(() => {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { document: window.document, Node: window.Node, HTMLElement: window.HTMLElement });
});

describe('case notes and redaction', () => {
  it('shows a note as text, never as markup', async () => {
    const { noteItem } = await import('./case');
    const text = 'called the <b>shelter</b> & <img src=x onerror=alert(1)>\nsecond line';
    const li = noteItem({ text, author: 'casemanager', createdAt: '2026-01-02T03:04:05Z' });
    expect(li.querySelector('[data-testid="note-text"]')!.textContent).toBe(text);
    expect(li.querySelector('b, img')).toBeNull();
    expect(li.textContent).toContain('casemanager');
    expect(li.querySelector('time')!.getAttribute('datetime')).toBe('2026-01-02T03:04:05Z');
  });

  it('says why an identity is withheld in the API’s words', async () => {
    const { redactionText } = await import('./common');
    expect(redactionText('you are not assigned to a case of this child')).toBe('Identity withheld: you are not assigned to a case of this child.');
    expect(redactionText('no need-to-know.')).toBe('Identity withheld: no need-to-know.');
    expect(redactionText(null)).toBe('Identity withheld.');
  });
});
