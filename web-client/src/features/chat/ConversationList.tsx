import type { ConversationView } from '../../api/types';
import { conversationTitle, directPartner, useFormats } from '../../app/hooks';
import { Link } from '../../app/router';
import { useApp, type AppState } from '../../app/store';
import { useT, type Translate } from '../../i18n';
import { Avatar, Badge, Icon } from '../../ui';

interface Row {
  c: ConversationView;
  title: string;
}

function rowsOf(s: AppState, t: Translate): Row[] {
  return Object.values(s.conversations)
    .map((c) => ({ c, title: conversationTitle(c, s, t) }))
    .sort((a, b) => a.title.localeCompare(b.title, t.locale));
}

function Item({ row, active }: { row: Row; active: boolean }) {
  const t = useT();
  const fmt = useFormats();
  const { c, title } = row;
  const me = useApp((s) => s.me?.id);
  const partner = directPartner(c, me);
  const presenceEnabled = useApp((s) => s.presenceEnabled);
  const status = useApp((s) => (partner ? s.presence[partner] : undefined)) ?? 'offline';
  const kind = useApp((s) => (c.spaceId ? s.spaces[c.spaceId]?.kind : undefined));
  const unread = c.unreadCount > 0 && !c.muted;
  return (
    <li className={`conv-item${unread ? ' unread' : ''}${c.muted ? ' muted' : ''}`}>
      <Link to={`/c/${c.id}`} aria-current={active ? 'page' : undefined}>
        {c.kind === 'channel' ? (
          <span className="hash" aria-hidden="true"><Icon name={kind === 'closed' ? 'lock' : kind === 'announcement' ? 'megaphone' : 'hash'} /></span>
        ) : c.kind === 'direct' && partner ? (
          <Avatar id={partner} name={title} small presence={presenceEnabled ? status : null}
            presenceLabel={presenceEnabled ? t(`presence.${status}`) : undefined} />
        ) : (
          <span className="hash" aria-hidden="true"><Icon name="users" /></span>
        )}
        <span className="name">{title}</span>
        {c.muted && <span aria-label={t('conv.muted')} title={t('conv.muted')}><Icon name="bellOff" /></span>}
        {c.mentionCount > 0 && <Badge mention count={fmt.badge(c.mentionCount)} label={t('conv.mentions', { count: c.mentionCount })} />}
        {c.mentionCount === 0 && unread && <Badge count={fmt.badge(c.unreadCount)} label={t('conv.unread', { count: c.unreadCount })} />}
      </Link>
    </li>
  );
}

function Section({ id, title, rows, activeId }: { id: string; title: string; rows: Row[]; activeId: string | null }) {
  if (rows.length === 0) return null;
  return (
    <section className="conv-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="conv-list">
        {rows.map((r) => <Item key={r.c.id} row={r} active={r.c.id === activeId} />)}
      </ul>
    </section>
  );
}

/** Favourites first, then channels of the person's spaces, then direct and group conversations. */
export function ConversationList({ activeId }: { activeId: string | null }) {
  const t = useT();
  const state = useApp((s) => s);
  const loaded = state.loaded;
  const rows = rowsOf(state, t);
  const starred = rows.filter((r) => r.c.starred);
  const channels = rows.filter((r) => !r.c.starred && r.c.kind === 'channel');
  const others = rows.filter((r) => !r.c.starred && r.c.kind !== 'channel');
  return (
    <nav aria-label={t('conv.list')}>
      <Section id="sec-fav" title={t('conv.favourites')} rows={starred} activeId={activeId} />
      <Section id="sec-channels" title={t('conv.channels')} rows={channels} activeId={activeId} />
      <Section id="sec-direct" title={t('conv.direct')} rows={others} activeId={activeId} />
      {loaded && rows.length === 0 && <p className="small" style={{ padding: '8px', color: 'var(--c-sidebar-muted)' }}>{t('conv.empty')}</p>}
    </nav>
  );
}
