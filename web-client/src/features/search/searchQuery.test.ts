import { describe, expect, it } from 'vitest';
import { buildQuery, parseQuery } from './searchQuery';

describe('search query', () => {
  it('separates words from filters, with quoted values', () => {
    expect(parseQuery('Kündigung in:"Kunden Service" from:bob after:2026-01-31 Vertrag')).toEqual({
      text: 'Kündigung Vertrag',
      filters: [
        { key: 'in', value: 'Kunden Service' },
        { key: 'from', value: 'bob' },
        { key: 'after', value: '2026-01-31' },
      ],
    });
  });

  it('builds the query back, one value per filter', () => {
    expect(buildQuery('Kündigung', [
      { key: 'in', value: 'Alt' }, { key: 'in', value: 'Kunden Service' }, { key: 'type', value: 'message' },
    ])).toBe('Kündigung in:"Kunden Service" type:message');
    expect(buildQuery('', [{ key: 'from', value: ' ' }])).toBe('');
  });

  it('round-trips', () => {
    const q = 'Rückruf in:Kundenservice from:ada before:2026-12-01';
    const p = parseQuery(q);
    expect(buildQuery(p.text, p.filters)).toBe(q);
  });
});
