import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { isApiError } from '../../api/http';
import { snippetParts, type SearchHit, type SearchResult } from '../../api/search';
import { conversationTitle, personName, useFormats } from '../../app/hooks';
import { Link, navigate, useLocation } from '../../app/router';
import { store, useApp } from '../../app/store';
import { useT } from '../../i18n';
import { Button, Icon, IconButton, Notice, SelectField, Spinner, TextField } from '../../ui';
import { buildQuery, parseQuery, type Filter, type FilterKey } from './searchQuery';

function Snippet({ text }: { text: string }) {
  return (
    <p className="msg-body" style={{ margin: '4px 0 0' }}>
      {snippetParts(text).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const t = useT();
  const fmt = useFormats();
  const where = useApp((s) => {
    const c = hit.conversationId ? s.conversations[hit.conversationId] : undefined;
    if (c) return conversationTitle(c, s, t);
    if (hit.spaceId && s.spaces[hit.spaceId]) return s.spaces[hit.spaceId].name;
    return hit.title ?? '';
  });
  const author = useApp((s) => (hit.authorId ? personName(s, hit.authorId, t) : ''));
  useEffect(() => {
    if (hit.authorId) store.ensurePerson(hit.authorId);
  }, [hit.authorId]);
  const to = hit.messageId ? `/messages/${hit.messageId}` : hit.permalink?.replace(/^https?:\/\/[^/]+/, '') ?? '';
  return (
    <li>
      <Link to={to} className="card hit" aria-label={`${t('search.open')}: ${[where, author].filter(Boolean).join(', ')}`}>
        <div className="row small muted">
          <Icon name="hash" />
          <span className="grow"><strong>{where}</strong>{author && ` · ${author}`}</span>
          {hit.createdAt && <time dateTime={hit.createdAt}>{fmt.dateTime(hit.createdAt)}</time>}
        </div>
        <Snippet text={hit.snippet} />
      </Link>
    </li>
  );
}

export default function SearchScreen() {
  const t = useT();
  const { query: params } = useLocation();
  const q = params.get('q') ?? '';
  const parsed = useMemo(() => parseQuery(q), [q]);
  const [text, setText] = useState(parsed.text);
  const [filters, setFilters] = useState<Filter[]>(parsed.filters);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const spaceMap = useApp((s) => s.spaces);
  const spaces = useMemo(() => Object.values(spaceMap).sort((a, b) => a.name.localeCompare(b.name, t.locale)), [spaceMap, t]);
  const [draft, setDraft] = useState<Record<FilterKey, string>>({ in: '', from: '', after: '', before: '', has: '', type: '' });

  useEffect(() => {
    setText(parsed.text);
    setFilters(parsed.filters);
    if (!q.trim()) {
      setResult(null);
      return;
    }
    const ctrl = new AbortController();
    setBusy(true);
    setError(null);
    api.search.search(q, undefined, ctrl.signal)
      .then((r) => { setResult(r); setUnavailable(false); })
      .catch((e) => {
        if (ctrl.signal.aborted) return;
        if (isApiError(e) && e.status === 404) setUnavailable(true);
        else setError(isApiError(e) ? e.message : String(e));
      })
      .finally(() => !ctrl.signal.aborted && setBusy(false));
    return () => ctrl.abort();
  }, [q, parsed]);

  const run = (nextText: string, nextFilters: Filter[]) => {
    const next = buildQuery(nextText, nextFilters);
    navigate(next ? `/search?q=${encodeURIComponent(next)}` : '/search', { replace: true });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = parseQuery(text);
    const added = (Object.entries(draft) as [FilterKey, string][]).filter(([, v]) => v).map(([key, value]) => ({ key, value }));
    setDraft({ in: '', from: '', after: '', before: '', has: '', type: '' });
    run(typed.text, [...filters, ...typed.filters, ...added]);
  };

  const remove = (f: Filter) => run(text, filters.filter((x) => x !== f));
  const setDraftKey = (key: FilterKey) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <Link to="/" className="icon-btn back-btn" aria-label={t('app.back')}><span aria-hidden="true">‹</span></Link>
        <h1>{t('search.title')}</h1>
      </div>
      <form onSubmit={submit} role="search">
        <div className="search-form">
          <label htmlFor="search-q" className="visually-hidden">{t('search.label')}</label>
          <input id="search-q" className="input" type="search" name="q" autoFocus value={text}
            placeholder={t('search.placeholder')} onChange={(e) => setText(e.target.value)} aria-describedby="search-hint" />
          <Button type="submit">{t('search.submit')}</Button>
        </div>
        <p id="search-hint" className="small muted">{t('search.hint')}</p>
        <details>
          <summary className="small" style={{ cursor: 'pointer', marginBottom: 8 }}>{t('search.filters')}</summary>
          <div className="filters">
            <SelectField label={t('search.filter.in')} value={draft.in} onChange={(e) => setDraftKey('in')(e.target.value)}>
              <option value="">{t('search.filter.anySpace')}</option>
              {spaces.map((s) => <option key={s.id} value={s.name}>{s.name}</option>)}
            </SelectField>
            <TextField label={t('search.filter.from')} value={draft.from} placeholder="@name" onChange={(e) => setDraftKey('from')(e.target.value.replace(/^@/, ''))} />
            <TextField label={t('search.filter.after')} type="date" value={draft.after} onChange={(e) => setDraftKey('after')(e.target.value)} />
            <TextField label={t('search.filter.before')} type="date" value={draft.before} onChange={(e) => setDraftKey('before')(e.target.value)} />
            <SelectField label={t('search.filter.type')} value={draft.type} onChange={(e) => setDraftKey('type')(e.target.value)}>
              <option value="">{t('search.filter.anyType')}</option>
              <option value="message">{t('search.type.message')}</option>
            </SelectField>
          </div>
        </details>
      </form>
      <div className="chips" aria-label={t('search.filters')}>
        {filters.map((f, i) => (
          <span key={`${f.key}-${i}`} className="chip">
            {f.key}:{f.value}
            <IconButton icon="close" label={t('search.removeFilter', { filter: `${f.key}:${f.value}` })} onClick={() => remove(f)} />
          </span>
        ))}
      </div>
      {busy && <Spinner label={t('app.loading')} />}
      {unavailable && <Notice kind="warning">{t('search.unavailable')}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {result && !busy && (
        <section aria-live="polite" aria-label={t('search.title')}>
          <p className="small muted">{t.n('search.results', result.total ?? result.hits.length)}</p>
          {result.hits.length === 0 && <p>{t('search.noResults')}</p>}
          <ul className="list-plain">
            {result.hits.map((h) => <Hit key={h.key} hit={h} />)}
          </ul>
        </section>
      )}
    </div>
  );
}
