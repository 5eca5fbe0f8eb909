import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { isApiError } from '../../api/http';
import type { Account } from '../../api/types';
import { Link, navigate } from '../../app/router';
import { store, useApp } from '../../app/store';
import { useT } from '../../i18n';
import { Avatar, Button, IconButton, Notice, TextField } from '../../ui';

export default function NewConversation() {
  const t = useT();
  const me = useApp((s) => s.me?.id);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Account[]>([]);
  const [picked, setPicked] = useState<Account[]>([]);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      api.identity.people(query.trim() || undefined, undefined, 20)
        .then((page) => setFound(page.items.filter((p) => p.id !== me && p.active)))
        .catch(() => setFound([]));
    }, 150);
    return () => clearTimeout(timer);
  }, [query, me]);

  const toggle = (p: Account) =>
    setPicked((list) => (list.some((x) => x.id === p.id) ? list.filter((x) => x.id !== p.id) : [...list, p]));

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (picked.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      store.rememberPeople(picked);
      const c = picked.length === 1
        ? await api.chat.direct(picked[0].id)
        : await api.chat.group(picked.map((p) => p.id), title.trim() || undefined);
      store.putConversation(c);
      navigate(`/c/${c.id}`);
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <Link to="/" className="icon-btn back-btn" aria-label={t('app.back')}><span aria-hidden="true">‹</span></Link>
        <h1>{t('conv.new.title')}</h1>
      </div>
      <p className="muted">{t('conv.new.intro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      <form onSubmit={start}>
        {picked.length > 0 && (
          <div className="chips" aria-label={t('conv.new.selected')}>
            {picked.map((p) => (
              <span key={p.id} className="chip">{p.displayName}
                <IconButton icon="close" label={t('conv.new.remove', { name: p.displayName })} onClick={() => toggle(p)} />
              </span>
            ))}
          </div>
        )}
        <TextField label={t('conv.new.search')} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
        <ul className="list-plain card" style={{ padding: 4 }}>
          {found.map((p) => {
            const on = picked.some((x) => x.id === p.id);
            return (
              <li key={p.id}>
                <label className="row checkbox" style={{ padding: '6px 8px', width: '100%' }}>
                  <input type="checkbox" checked={on} onChange={() => toggle(p)} />
                  <Avatar id={p.id} name={p.displayName} small />
                  <span className="grow">{p.displayName} <span className="muted small">@{p.username}</span></span>
                </label>
              </li>
            );
          })}
        </ul>
        {picked.length > 1 && (
          <TextField label={t('conv.new.groupTitle')} value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} />
        )}
        <Button type="submit" busy={busy} disabled={picked.length === 0}>{t('conv.new.start')}</Button>
      </form>
    </div>
  );
}
