import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { isApiError } from '../../api/http';
import type { MessageView } from '../../api/types';
import { store } from '../../app/store';
import { useT } from '../../i18n';
import { Checkbox, IconButton, Notice, Spinner } from '../../ui';
import { Composer } from './Composer';
import { MessageItem, PendingItem } from './MessageItem';
import { applyChange, mergeMessages } from './timeline';
import { useSender } from './useSender';

/** A thread beside the channel: its root, the replies, and a composer that replies. */
export default function ThreadPanel({ rootId, conversationId, canModerate, onClose }: {
  rootId: string; conversationId: string; canModerate: boolean; onClose: () => void;
}) {
  const t = useT();
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [alsoInChannel, setAlsoInChannel] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const belongs = useCallback((m: MessageView) => m.id === rootId || m.threadRootId === rootId, [rootId]);

  const sender = useSender(conversationId, (m) => setMessages((list) => mergeMessages(list, [m])));

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.chat.message(rootId), api.chat.replies(rootId)])
      .then(([root, replies]) => {
        if (cancelled) return;
        [root, ...replies.messages].forEach((m) => store.ensurePerson(m.authorId));
        setMessages(mergeMessages([root], replies.messages));
      })
      .catch((e) => !cancelled && setError(isApiError(e) ? e.message : String(e)))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [rootId]);

  useEffect(() => store.onChatChange((change) => {
    if (change.kind === 'posted' && change.message.threadRootId === rootId && change.message.authorId === store.getState().me?.id) {
      sender.arrived(change.message);
    }
    setMessages((list) => applyChange(list, change, belongs));
  }), [rootId, belongs, sender.arrived]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const el = body.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, sender.pending.length]);

  const update = useCallback((m: MessageView) => setMessages((list) => mergeMessages(list, [m])), []);

  return (
    <aside className="panel" aria-labelledby="thread-title">
      <header className="panel-header">
        <h2 id="thread-title">{t('chat.thread')}</h2>
        <IconButton icon="close" label={t('chat.threadClose')} onClick={onClose} />
      </header>
      <div className="panel-body" ref={body} role="log" aria-label={t('chat.thread')}>
        {loading && <Spinner label={t('app.loading')} />}
        {error && <Notice kind="error">{error}</Notice>}
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} continued={false} highlighted={false} canModerate={canModerate} inThread onUpdated={update} />
        ))}
        {sender.pending.map((p) => (
          <PendingItem key={p.key} p={p} onRetry={() => sender.retry(p.key)} onDiscard={() => sender.discard(p.key)} />
        ))}
      </div>
      <Composer
        key={rootId}
        label={t('chat.reply')}
        placeholder={t('composer.placeholderThread')}
        autoFocus
        onSend={(text) => sender.send(text, { threadRootId: rootId, alsoInChannel })}
        onTyping={() => store.sendTyping(conversationId)}
        extra={<Checkbox label={t('chat.alsoInChannel')} checked={alsoInChannel} onChange={(e) => setAlsoInChannel(e.target.checked)} />}
      />
    </aside>
  );
}
