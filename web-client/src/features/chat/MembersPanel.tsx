import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { ConversationView } from '../../api/types';
import { Link } from '../../app/router';
import { store, useApp, type PersonLite } from '../../app/store';
import { useT } from '../../i18n';
import { Avatar, IconButton, Spinner } from '../../ui';

export function PersonRow({ person, note }: { person: PersonLite; note?: string }) {
  const t = useT();
  const presenceEnabled = useApp((s) => s.presenceEnabled);
  const status = useApp((s) => s.presence[person.id]) ?? 'offline';
  return (
    <li className="row" style={{ padding: '6px 12px' }}>
      <Avatar id={person.id} name={person.displayName} presence={presenceEnabled ? status : null}
        presenceLabel={presenceEnabled ? t(`presence.${status}`) : undefined} />
      <span className="grow">
        {person.displayName} <span className="muted small">@{person.username}</span>
      </span>
      {note && <span className="muted small">{note}</span>}
    </li>
  );
}

export default function MembersPanel({ conversation, onClose }: { conversation: ConversationView; onClose: () => void }) {
  const t = useT();
  const [members, setMembers] = useState<(PersonLite & { note?: string })[] | null>(null);
  const people = useApp((s) => s.people);

  useEffect(() => {
    if (conversation.kind === 'channel' && conversation.spaceId) {
      api.spaces.members(conversation.spaceId, undefined, 100).then((page) => {
        const list = page.items.map((m) => ({ id: m.personId, username: m.username, displayName: m.displayName,
          note: m.role === 'moderator' ? t('spaces.role.moderator') : undefined }));
        store.rememberPeople(list);
        setMembers(list);
      }).catch(() => setMembers([]));
    } else {
      (conversation.participantIds ?? []).forEach((id) => store.ensurePerson(id));
      setMembers(null);
    }
  }, [conversation.kind, conversation.spaceId, conversation.participantIds, t]);

  const list = members ?? (conversation.participantIds ?? []).map((id) => people[id]).filter(Boolean);
  return (
    <aside className="panel" aria-labelledby="members-title">
      <header className="panel-header">
        <h2 id="members-title">{t('conv.members')}</h2>
        <IconButton icon="close" label={t('app.close')} onClick={onClose} />
      </header>
      <div className="panel-body">
        {conversation.kind === 'channel' && members === null && <Spinner label={t('app.loading')} />}
        <ul className="list-plain">
          {list.map((p) => <PersonRow key={p.id} person={p} note={'note' in p ? (p.note as string | undefined) : undefined} />)}
        </ul>
        {conversation.spaceId && (
          <p style={{ padding: '8px 12px' }}><Link to={`/spaces/${conversation.spaceId}`}>{t('spaces.details')}</Link></p>
        )}
      </div>
    </aside>
  );
}
