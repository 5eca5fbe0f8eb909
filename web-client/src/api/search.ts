import type { ApiClient } from './http';

/** One hit, normalised from whatever the search answer names its fields. */
export interface SearchHit {
  key: string;
  type: string;
  messageId?: string;
  conversationId?: string;
  spaceId?: string;
  authorId?: string;
  title?: string;
  /** Text with `<mark>` around the matches; everything else in it is text, never markup. */
  snippet: string;
  createdAt?: string;
  permalink?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  total?: number;
  nextCursor?: string | null;
}

type Raw = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function first(o: Raw, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = str(o[n]);
    if (v) return v;
  }
  return undefined;
}

function snippetOf(o: Raw): string {
  const direct = first(o, 'snippet', 'highlight', 'excerpt', 'html', 'fragment', 'text', 'body');
  if (direct) return direct;
  for (const n of ['snippets', 'highlights', 'fragments']) {
    const v = o[n];
    if (Array.isArray(v)) return v.filter((x) => typeof x === 'string').join(' … ');
  }
  const message = o.message;
  if (message && typeof message === 'object') return snippetOf(message as Raw);
  return '';
}

/** Accepts the search answer in the shapes a server is likely to choose, and reads it defensively. */
export function normaliseSearch(raw: unknown): SearchResult {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Raw;
  const list = Array.isArray(raw)
    ? raw
    : ((['results', 'items', 'hits'].map((k) => body[k]).find(Array.isArray) as unknown[]) ?? []);
  const hits = list
    .filter((x): x is Raw => !!x && typeof x === 'object')
    .map((o, i) => {
      const message = (o.message && typeof o.message === 'object' ? o.message : {}) as Raw;
      const type = first(o, 'type', 'kind') ?? 'message';
      const messageId = first(o, 'messageId') ?? first(message, 'id') ?? (type === 'message' ? first(o, 'id') : undefined);
      const permalink = first(o, 'permalink', 'url', 'link');
      return {
        key: first(o, 'id', 'messageId') ?? `${i}`,
        type,
        messageId: messageId ?? permalink?.match(/\/messages\/([0-9a-f-]{36})/i)?.[1],
        conversationId: first(o, 'conversationId') ?? first(message, 'conversationId'),
        spaceId: first(o, 'spaceId') ?? first(message, 'spaceId'),
        authorId: first(o, 'authorId', 'personId') ?? first(message, 'authorId'),
        title: first(o, 'title', 'spaceName', 'conversationTitle'),
        snippet: snippetOf(o),
        createdAt: first(o, 'createdAt', 'timestamp', 'date') ?? first(message, 'createdAt'),
        permalink,
      } satisfies SearchHit;
    });
  const total = typeof body.total === 'number' ? body.total : typeof body.totalHits === 'number' ? body.totalHits : undefined;
  return { hits, total, nextCursor: str(body.nextCursor) ?? null };
}

export function searchApi(c: ApiClient) {
  return {
    search: async (q: string, cursor?: string, signal?: AbortSignal) =>
      normaliseSearch(await c.get<unknown>('/api/v1/search', { q, cursor }, signal)),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * Splits a highlighted snippet into text and marked parts. Only `<mark>` is understood; any other
 * tag is dropped and entities are decoded, so the parts are rendered as text and nothing the
 * snippet contains can become markup.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  for (const piece of snippet.split(/(<\/?mark\b[^>]*>)/i)) {
    if (/^<mark\b/i.test(piece)) mark = true;
    else if (/^<\/mark/i.test(piece)) mark = false;
    else if (piece) {
      const text = decodeEntities(piece.replace(/<[^>]*>/g, ''));
      if (text) parts.push({ text, mark });
    }
  }
  return parts;
}
