import { describe, expect, it } from 'vitest';
import { inlineTokens } from './markdownPreview';
import { findEmoji, replaceShortcodes } from './emoji';

describe('inlineTokens', () => {
  it('recognises code, emphasis, links and mentions and keeps markup as text', () => {
    expect(inlineTokens('Hi @bob, see **this** and `x<y>` at https://example.org.')).toEqual([
      { t: 'text', v: 'Hi ' },
      { t: 'mention', v: '@bob' },
      { t: 'text', v: ', see ' },
      { t: 'strong', v: 'this' },
      { t: 'text', v: ' and ' },
      { t: 'code', v: 'x<y>' },
      { t: 'text', v: ' at ' },
      { t: 'link', v: 'https://example.org', href: 'https://example.org' },
      { t: 'text', v: '.' },
    ]);
    expect(inlineTokens('<img src=x onerror=alert(1)>')).toEqual([{ t: 'text', v: '<img src=x onerror=alert(1)>' }]);
  });

  it('links only http, https and mailto targets', () => {
    expect(inlineTokens('[a](javascript:alert(1))')).toEqual([{ t: 'text', v: '[a](javascript:alert(1))' }]);
    expect(inlineTokens('[Doku](https://example.org/x)')).toEqual([{ t: 'link', v: 'Doku', href: 'https://example.org/x' }]);
  });
});

describe('emoji', () => {
  it('finds emoji by name and by German or English keyword', () => {
    expect(findEmoji('thu').map((e) => e.char)).toEqual(['👍', '👎']);
    expect(findEmoji('danke').map((e) => e.char)).toContain('🙏');
    expect(replaceShortcodes('ok :thumbsup: :nope:')).toBe('ok 👍 :nope:');
  });
});
