import { useCallback, useRef, useState } from 'react';
import { api } from '../../api';
import { isApiError, newIdempotencyKey } from '../../api/http';
import type { MessageView } from '../../api/types';
import type { PendingMessage } from './MessageItem';

/**
 * Optimistic sending: a message shows at once as "sending", turns into the real message when the
 * server answers, or stays as "not sent" with a retry that reuses its idempotency key, so that a
 * retry after a lost answer never posts twice.
 */
export function useSender(conversationId: string, onSent: (m: MessageView) => void) {
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const sent = useRef(onSent);
  sent.current = onSent;

  const post = useCallback(async (p: PendingMessage) => {
    try {
      const m = await api.chat.post(conversationId, {
        body: p.body, idempotencyKey: p.key, threadRootId: p.threadRootId, alsoInChannel: p.alsoInChannel,
      });
      setPending((ps) => ps.filter((x) => x.key !== p.key));
      sent.current(m);
    } catch (e) {
      const error = isApiError(e) && e.status !== 0 ? e.message : undefined;
      setPending((ps) => ps.map((x) => (x.key === p.key ? { ...x, status: 'failed', error } : x)));
    }
  }, [conversationId]);

  const send = useCallback((body: string, options: { threadRootId?: string; alsoInChannel?: boolean } = {}) => {
    const p: PendingMessage = { key: newIdempotencyKey(), body, status: 'sending', ...options };
    setPending((ps) => [...ps, p]);
    post(p);
  }, [post]);

  const retry = useCallback((key: string) => {
    setPending((ps) => {
      const p = ps.find((x) => x.key === key);
      if (p) post({ ...p, status: 'sending' });
      return ps.map((x) => (x.key === key ? { ...x, status: 'sending', error: undefined } : x));
    });
  }, [post]);

  const discard = useCallback((key: string) => setPending((ps) => ps.filter((x) => x.key !== key)), []);

  /** A message of mine arrived over the socket before the POST answered: it replaces its placeholder. */
  const arrived = useCallback((m: MessageView) => {
    setPending((ps) => {
      const i = ps.findIndex((x) => x.status === 'sending' && x.body.trim() === (m.body ?? '').trim());
      return i < 0 ? ps : [...ps.slice(0, i), ...ps.slice(i + 1)];
    });
  }, []);

  return { pending, send, retry, discard, arrived };
}
