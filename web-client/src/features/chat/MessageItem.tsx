import { memo, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { isApiError } from '../../api/http';
import type { MessageView } from '../../api/types';
import { personName, useFormats, usePerson } from '../../app/hooks';
import { store, useApp } from '../../app/store';
import { useT } from '../../i18n';
import { Avatar, ConfirmDialog, Icon, IconButton } from '../../ui';
import { Composer } from './Composer';
import { QUICK_REACTIONS } from './emoji';

export function permalink(id: string): string {
  return `${location.origin}/messages/${id}`;
}

function ReactionButton({ emoji, count, personIds, me, onToggle }: {
  emoji: string; count: number; personIds: string[]; me?: string; onToggle: (emoji: string, mine: boolean) => void;
}) {
  const t = useT();
  const names = useApp((s) => personIds.map((p) => (p === me ? t('chat.you') : personName(s, p, t))).join(', '));
  const mine = !!me && personIds.includes(me);
  const fmt = useFormats();
  return (
    <button type="button" className="reaction" aria-pressed={mine} title={t('chat.reactionBy', { emoji, names })}
      aria-label={t('chat.reactionBy', { emoji, names })} onClick={() => onToggle(emoji, mine)}>
      <span aria-hidden="true">{emoji}</span>
      <span aria-hidden="true">{fmt.number(count)}</span>
    </button>
  );
}

export const MessageItem = memo(function MessageItem({
  message: m, continued, highlighted, canModerate, inThread = false, onOpenThread, onUpdated,
}: {
  message: MessageView;
  continued: boolean;
  highlighted: boolean;
  canModerate: boolean;
  inThread?: boolean;
  onOpenThread?: (rootId: string) => void;
  onUpdated: (m: MessageView) => void;
}) {
  const t = useT();
  const fmt = useFormats();
  const me = useApp((s) => s.me?.id);
  const author = usePerson(m.authorId);
  const presenceEnabled = useApp((s) => s.presenceEnabled);
  const presence = useApp((s) => s.presence[m.authorId]);
  const [menu, setMenu] = useState<'none' | 'react' | 'more'>('none');
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const ref = useRef<HTMLElement>(null);
  const mine = m.authorId === me;
  const name = author?.displayName ?? t('chat.unknownPerson');

  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'center' });
  }, [highlighted]);

  useEffect(() => {
    if (menu === 'none') return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setMenu('none');
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [menu]);

  const act = async (f: () => Promise<MessageView | void>) => {
    setMenu('none');
    try {
      const updated = await f();
      if (updated) onUpdated(updated);
    } catch (e) {
      setNote(isApiError(e) ? e.message : String(e));
    }
  };

  const toggleReaction = (emoji: string, already: boolean) =>
    act(() => (already ? api.chat.unreact(m.id, emoji) : api.chat.react(m.id, emoji)));

  const copyLink = async () => {
    setMenu('none');
    try {
      await navigator.clipboard.writeText(permalink(m.id));
      setNote(t('chat.linkCopied'));
    } catch {
      setNote(permalink(m.id));
    }
  };

  const time = fmt.time(m.createdAt);
  const showHeader = !continued || inThread;
  return (
    <article
      ref={ref}
      className={`msg${continued && !inThread ? ' continued' : ''}${highlighted ? ' highlight' : ''}`}
      tabIndex={0}
      aria-label={`${name}, ${fmt.dateTime(m.createdAt)}`}
      data-message-id={m.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setMenu('none');
      }}
    >
      <div>
        {showHeader ? (
          <Avatar id={m.authorId} name={name} presence={presenceEnabled ? (presence ?? 'offline') : null}
            presenceLabel={presenceEnabled ? t(`presence.${presence ?? 'offline'}`) : undefined} />
        ) : (
          <div className="msg-gutter-time" aria-hidden="true">{time}</div>
        )}
      </div>
      <div className="msg-content">
        {showHeader && (
          <div className="msg-meta">
            <span className="msg-author">{name}</span>
            <time className="msg-time" dateTime={m.createdAt} title={fmt.dateTime(m.createdAt)}>{time}</time>
            {m.pinned && <span className="msg-flag"><Icon name="pin" />{t('chat.pinned')}</span>}
          </div>
        )}
        {m.deleted ? (
          <p className="msg-deleted">{t('chat.deleted')}</p>
        ) : editing ? (
          <Composer
            label={t('chat.editLabel')}
            placeholder=""
            initial={m.body ?? ''}
            autoFocus
            submitLabel={t('chat.saveEdit')}
            onCancel={() => setEditing(false)}
            onSend={async (body) => {
              setEditing(false);
              await act(() => api.chat.edit(m.id, body));
            }}
          />
        ) : (
          <div className="msg-body">
            {/* The server renders Markdown to HTML and sanitises it; this is the only HTML the client inserts. */}
            <div dangerouslySetInnerHTML={{ __html: m.html ?? '' }} />
            {m.editedAt && <span className="msg-edited" title={fmt.dateTime(m.editedAt)}> {t('chat.edited')}</span>}
            {!showHeader && m.pinned && <span className="msg-flag"> <Icon name="pin" />{t('chat.pinned')}</span>}
          </div>
        )}
        {!m.deleted && (m.reactions?.length ?? 0) > 0 && (
          <div className="reactions">
            {m.reactions!.map((r) => (
              <ReactionButton key={r.emoji} emoji={r.emoji} count={r.count} personIds={r.personIds} me={me} onToggle={toggleReaction} />
            ))}
          </div>
        )}
        {!inThread && m.thread && m.thread.replyCount > 0 && (
          <button type="button" className="thread-link" onClick={() => onOpenThread?.(m.id)}>
            <Icon name="thread" />
            {t.n('chat.replies', m.thread.replyCount)}
            {m.thread.lastReplyAt && <span className="muted small">· {t('chat.lastReply', { date: fmt.time(m.thread.lastReplyAt) })}</span>}
          </button>
        )}
        {note && <div className="small muted" role="status">{note}</div>}
      </div>
      {!m.deleted && !editing && (
        <div className={`msg-actions${menu !== 'none' ? ' open' : ''}`} role="toolbar" aria-label={t('chat.actions')}>
          <IconButton icon="smile" label={t('chat.react')} aria-expanded={menu === 'react'} aria-haspopup="true"
            onClick={() => setMenu(menu === 'react' ? 'none' : 'react')} />
          {!inThread && onOpenThread && <IconButton icon="thread" label={t('chat.reply')} onClick={() => onOpenThread(m.id)} />}
          <IconButton icon="more" label={t('chat.actions')} aria-expanded={menu === 'more'} aria-haspopup="menu"
            onClick={() => setMenu(menu === 'more' ? 'none' : 'more')} />
          {menu === 'react' && (
            <div className="menu emoji-picker" role="group" aria-label={t('chat.react')}>
              {QUICK_REACTIONS.map((e) => (
                <button key={e} type="button" aria-label={t('chat.reactWith', { emoji: e })} title={t('chat.reactWith', { emoji: e })}
                  onClick={() => toggleReaction(e, !!me && !!m.reactions?.find((r) => r.emoji === e)?.personIds.includes(me))}>
                  {e}
                </button>
              ))}
            </div>
          )}
          {menu === 'more' && (
            <ul className="menu" role="menu">
              {mine && (
                <li role="none"><button role="menuitem" type="button" onClick={() => { setMenu('none'); setEditing(true); }}>
                  <Icon name="edit" />{t('chat.edit')}</button></li>
              )}
              <li role="none"><button role="menuitem" type="button"
                onClick={() => act(() => (m.pinned ? api.chat.unpin(m.id) : api.chat.pin(m.id)))}>
                <Icon name="pin" />{m.pinned ? t('chat.unpin') : t('chat.pin')}</button></li>
              <li role="none"><button role="menuitem" type="button" onClick={copyLink}><Icon name="link" />{t('chat.copyLink')}</button></li>
              {(mine || canModerate) && (
                <li role="none"><button role="menuitem" type="button" onClick={() => { setMenu('none'); setConfirmDelete(true); }}>
                  <Icon name="trash" />{t('chat.delete')}</button></li>
              )}
            </ul>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={t('chat.delete')}
        message={t('chat.deleteConfirm')}
        confirmLabel={t('chat.delete')}
        cancelLabel={t('app.cancel')}
        danger
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => {
          setConfirmDelete(false);
          act(async () => {
            await api.chat.remove(m.id);
            onUpdated({ ...m, deleted: true, body: '', html: '', reactions: [] });
          });
        }}
      />
    </article>
  );
});

export interface PendingMessage {
  key: string;
  body: string;
  status: 'sending' | 'failed';
  error?: string;
  threadRootId?: string;
  alsoInChannel?: boolean;
}

export function PendingItem({ p, onRetry, onDiscard }: { p: PendingMessage; onRetry: () => void; onDiscard: () => void }) {
  const t = useT();
  const me = useApp((s) => s.me);
  return (
    <article className={`msg msg-pending${p.status === 'failed' ? ' msg-failed' : ''}`} aria-live="polite" data-pending={p.status}>
      <div>{me && <Avatar id={me.id} name={me.displayName} />}</div>
      <div className="msg-content">
        <div className="msg-meta">
          <span className="msg-author">{me?.displayName}</span>
          <span className="msg-time">{p.status === 'sending' ? t('chat.sending') : t('chat.failed')}</span>
        </div>
        <div className="msg-body" style={{ whiteSpace: 'pre-wrap' }}>{p.body}</div>
        {p.status === 'failed' && (
          <div className="form-actions small">
            {p.error && <span className="muted">{p.error}</span>}
            <button type="button" className="btn btn-small btn-secondary" onClick={onRetry}>{t('chat.retry')}</button>
            <button type="button" className="btn btn-small btn-ghost" onClick={onDiscard}>{t('chat.discard')}</button>
          </div>
        )}
      </div>
    </article>
  );
}

/** Keeps a person's name in the store fresh when a message mentions someone not seen yet. */
export function rememberAuthor(id: string): void {
  store.ensurePerson(id);
}
