import { describe, expect, it } from 'vitest';
import { normaliseSearch, snippetParts } from './search';

describe('snippetParts', () => {
  it('keeps only <mark> as highlighting and everything else as text', () => {
    expect(snippetParts('Die <mark>Kündigung</mark> kam &amp; ging <script>alert(1)</script>')).toEqual([
      { text: 'Die ', mark: false },
      { text: 'Kündigung', mark: true },
      { text: ' kam & ging alert(1)', mark: false },
    ]);
  });

  it('decodes escaped markup into visible text', () => {
    expect(snippetParts('&lt;b&gt;x&lt;/b&gt; <mark>y</mark>')).toEqual([
      { text: '<b>x</b> ', mark: false },
      { text: 'y', mark: true },
    ]);
  });
});

describe('normaliseSearch', () => {
  it('reads hits under results, items or hits with a message inside or flat', () => {
    const flat = normaliseSearch({ results: [{ messageId: 'a', conversationId: 'c', snippet: '<mark>x</mark>', permalink: '/messages/a' }], total: 1 });
    expect(flat.hits[0]).toMatchObject({ messageId: 'a', conversationId: 'c', snippet: '<mark>x</mark>' });
    expect(flat.total).toBe(1);
    const nested = normaliseSearch({ items: [{ type: 'message', highlight: 'y', message: { id: 'b', conversationId: 'd', authorId: 'p' } }] });
    expect(nested.hits[0]).toMatchObject({ messageId: 'b', conversationId: 'd', authorId: 'p', snippet: 'y' });
    const fromLink = normaliseSearch({ hits: [{ permalink: 'http://x/messages/0f8fad5b-d9cb-469f-a165-70867728950e', snippets: ['a', 'b'] }] });
    expect(fromLink.hits[0].messageId).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(fromLink.hits[0].snippet).toBe('a … b');
  });

  it('copes with an empty or odd answer', () => {
    expect(normaliseSearch(null).hits).toEqual([]);
    expect(normaliseSearch({ results: [null, 3] }).hits).toEqual([]);
  });
});
