/** The filters the search understands inside its query text, e.g. `Kündigung in:Kundenservice from:bob`. */
export const FILTER_KEYS = ['in', 'from', 'after', 'before', 'has', 'type'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface Filter {
  key: FilterKey;
  value: string;
}

export interface ParsedQuery {
  text: string;
  filters: Filter[];
}

const TOKEN = /(?:^|\s)(in|from|after|before|has|type):("([^"]*)"|\S+)/gi;

export function parseQuery(q: string): ParsedQuery {
  const filters: Filter[] = [];
  const text = q.replace(TOKEN, (_all, key: string, raw: string, quoted: string | undefined) => {
    const value = quoted ?? raw;
    if (value) filters.push({ key: key.toLowerCase() as FilterKey, value });
    return ' ';
  });
  return { text: text.replace(/\s+/g, ' ').trim(), filters };
}

function quote(v: string): string {
  return /\s/.test(v) ? `"${v.replace(/"/g, '')}"` : v;
}

/** Words first, then one token per filter; a later filter of the same key (but `has`) replaces the earlier. */
export function buildQuery(text: string, filters: Filter[]): string {
  const kept: Filter[] = [];
  for (const f of filters) {
    if (!f.value.trim()) continue;
    const i = f.key === 'has' ? -1 : kept.findIndex((k) => k.key === f.key);
    if (i >= 0) kept[i] = f;
    else kept.push(f);
  }
  return [text.trim(), ...kept.map((f) => `${f.key}:${quote(f.value.trim())}`)].filter(Boolean).join(' ');
}
