import { useEffect, useState } from 'react';
import { api } from '../../api';
import { isApiError } from '../../api/http';
import type { SpaceInfo } from '../../api/types';
import { Link, navigate } from '../../app/router';
import { store } from '../../app/store';
import { useT } from '../../i18n';
import { Button, Notice, Spinner, TextField } from '../../ui';
import { SpaceCard } from './SpaceCard';

export default function BrowseSpaces() {
  const t = useT();
  const [query, setQuery] = useState('');
  const [spaces, setSpaces] = useState<SpaceInfo[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [joining, setJoining] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      api.spaces.browse(query.trim() || undefined).then((page) => {
        setSpaces(page.items);
        setCursor(page.nextCursor ?? null);
      }).catch((e) => setError(isApiError(e) ? e.message : String(e)));
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);

  const more = async () => {
    if (!cursor) return;
    const page = await api.spaces.browse(query.trim() || undefined, cursor);
    setSpaces((s) => [...(s ?? []), ...page.items]);
    setCursor(page.nextCursor ?? null);
  };

  const join = async (space: SpaceInfo) => {
    setJoining(space.id);
    try {
      const joined = await api.spaces.join(space.id);
      store.putSpace(joined);
      setSpaces((list) => (list ?? []).map((s) => (s.id === joined.id ? joined : s)));
      const channel = await api.chat.channel(space.id);
      store.putConversation(channel);
      navigate(`/c/${channel.id}`);
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setJoining(null);
    }
  };

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <Link to="/" className="icon-btn back-btn" aria-label={t('app.back')}><span aria-hidden="true">‹</span></Link>
        <h1>{t('spaces.browse.title')}</h1>
        <Link to="/spaces/new" className="btn btn-secondary btn-small">+ {t('nav.createSpace')}</Link>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <TextField label={t('spaces.browse.search')} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      {spaces === null && <Spinner label={t('app.loading')} />}
      {spaces?.length === 0 && <p className="muted">{t('spaces.browse.empty')}</p>}
      <ul className="list-plain">
        {spaces?.map((s) => <SpaceCard key={s.id} space={s} busy={joining === s.id} onJoin={() => join(s)} />)}
      </ul>
      {cursor && <Button variant="secondary" onClick={more}>{t('app.loadMore')}</Button>}
    </div>
  );
}
