import { useEffect, useState } from 'react';
import { api } from '../../api';
import { navigate } from '../../app/router';
import { useT } from '../../i18n';
import { Notice, Spinner } from '../../ui';

/** `/messages/{id}`: finds the message's conversation and opens it around the message (or its thread). */
export default function PermalinkView({ messageId }: { messageId: string }) {
  const t = useT();
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let cancelled = false;
    api.chat.message(messageId).then((m) => {
      if (cancelled) return;
      const reply = m.threadRootId && !m.inChannel;
      const target = reply ? `?around=${m.threadRootId}&thread=${m.threadRootId}` : `?around=${m.id}`;
      navigate(`/c/${m.conversationId}${target}`, { replace: true });
    }).catch(() => !cancelled && setMissing(true));
    return () => {
      cancelled = true;
    };
  }, [messageId]);
  return (
    <div className="page">
      {missing ? <Notice kind="error">{t('chat.permalinkMissing')}</Notice> : <Spinner label={t('app.loading')} />}
    </div>
  );
}
