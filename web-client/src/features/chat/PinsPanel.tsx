import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import type { MessageView } from '../../api/types';
import { navigate } from '../../app/router';
import { store } from '../../app/store';
import { useT } from '../../i18n';
import { IconButton, Spinner } from '../../ui';
import { MessageItem } from './MessageItem';

export default function PinsPanel({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const t = useT();
  const [pins, setPins] = useState<MessageView[] | null>(null);

  const load = useCallback(() => {
    api.chat.pins(conversationId).then((list) => {
      list.forEach((m) => store.ensurePerson(m.authorId));
      setPins(list);
    }).catch(() => setPins([]));
  }, [conversationId]);

  useEffect(load, [load]);
  useEffect(() => store.onChatChange((c) => {
    if (c.kind === 'pin' && c.conversationId === conversationId) load();
  }), [conversationId, load]);

  return (
    <aside className="panel" aria-labelledby="pins-title">
      <header className="panel-header">
        <h2 id="pins-title">{t('conv.pins')}</h2>
        <IconButton icon="close" label={t('app.close')} onClick={onClose} />
      </header>
      <div className="panel-body">
        {pins === null && <Spinner label={t('app.loading')} />}
        {pins?.length === 0 && <p className="empty-state">{t('conv.noPins')}</p>}
        {pins?.map((m) => (
          <div key={m.id} onDoubleClick={() => navigate(`/messages/${m.id}`)}>
            <MessageItem message={m} continued={false} highlighted={false} canModerate={false} inThread
              onUpdated={(u) => setPins((list) => (list ?? []).map((x) => (x.id === u.id ? u : x)).filter((x) => x.pinned))} />
          </div>
        ))}
      </div>
    </aside>
  );
}
