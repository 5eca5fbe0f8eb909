import { useEffect, useState } from 'react';
import { api } from '../../api';
import { isApiError } from '../../api/http';
import type { MemberInfo, SpaceInfo } from '../../api/types';
import { Link, navigate } from '../../app/router';
import { store } from '../../app/store';
import { useT } from '../../i18n';
import { Button, ConfirmDialog, Icon, Notice, Spinner } from '../../ui';
import { PersonRow } from '../chat/MembersPanel';
import { kindIcon } from './SpaceCard';

export default function SpaceDetails({ spaceId }: { spaceId: string }) {
  const t = useT();
  const [space, setSpace] = useState<SpaceInfo | null>(null);
  const [members, setMembers] = useState<MemberInfo[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const [s, page] = await Promise.all([api.spaces.get(spaceId), api.spaces.members(spaceId)]);
      setSpace(s);
      setMembers(page.items);
      setCursor(page.nextCursor ?? null);
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    }
  };

  useEffect(() => {
    load();
  }, [spaceId]); // eslint-disable-line react-hooks/exhaustive-deps

  const more = async () => {
    if (!cursor) return;
    const page = await api.spaces.members(spaceId, cursor);
    setMembers((m) => [...m, ...page.items]);
    setCursor(page.nextCursor ?? null);
  };

  const openChannel = async () => {
    const c = await api.chat.channel(spaceId);
    store.putConversation(c);
    navigate(`/c/${c.id}`);
  };

  const join = async () => {
    setBusy(true);
    try {
      const s = await api.spaces.join(spaceId);
      store.putSpace(s);
      await store.reload();
      await load();
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const leave = async () => {
    setConfirmLeave(false);
    setBusy(true);
    try {
      await api.spaces.leave(spaceId);
      await store.reload();
      navigate('/spaces');
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
      setBusy(false);
    }
  };

  if (!space) {
    return <div className="page">{error ? <Notice kind="error">{error}</Notice> : <Spinner label={t('app.loading')} />}</div>;
  }
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <Link to="/spaces" className="icon-btn back-btn" aria-label={t('app.back')}><span aria-hidden="true">‹</span></Link>
        <Icon name={kindIcon(space.kind)} />
        <h1>{space.name}</h1>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <section className="section" aria-labelledby="about">
        <h2 id="about">{t('spaces.details')}</h2>
        <p>{space.description || <span className="muted">{t('spaces.noDescription')}</span>}</p>
        <p className="small muted">{t(`spaces.kind.${space.kind}`)}: {t(`spaces.kind.${space.kind}.hint`)}</p>
        <div className="form-actions">
          {(space.myRole || space.kind !== 'closed') && <Button onClick={openChannel}>{t('spaces.openChannel')}</Button>}
          {!space.myRole && space.canJoin && <Button variant="secondary" busy={busy} onClick={join}>{t('spaces.join')}</Button>}
          {space.myRole && <Button variant="danger" busy={busy} onClick={() => setConfirmLeave(true)}>{t('spaces.leave')}</Button>}
        </div>
      </section>
      <section className="section" aria-labelledby="members">
        <h2 id="members">{t('spaces.memberList')} <span className="muted small">({t.n('spaces.members', space.memberCount)})</span></h2>
        <ul className="list-plain card" style={{ padding: 0 }}>
          {members.map((m) => (
            <PersonRow key={m.personId} person={{ id: m.personId, username: m.username, displayName: m.displayName }}
              note={m.role === 'moderator' ? t('spaces.role.moderator') : undefined} />
          ))}
        </ul>
        {cursor && <Button variant="secondary" onClick={more}>{t('app.loadMore')}</Button>}
      </section>
      <ConfirmDialog open={confirmLeave} title={t('spaces.leave')} message={t('spaces.leaveConfirm', { name: space.name })}
        confirmLabel={t('spaces.leave')} cancelLabel={t('app.cancel')} danger onCancel={() => setConfirmLeave(false)} onConfirm={leave} />
    </div>
  );
}
