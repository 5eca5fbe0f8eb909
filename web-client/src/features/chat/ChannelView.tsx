import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api';
import { isApiError } from '../../api/http';
import type { ConversationView, MessageView } from '../../api/types';
import { conversationTitle, directPartner, useFormats } from '../../app/hooks';
import { Link, navigate } from '../../app/router';
import { store, useApp } from '../../app/store';
import { useT } from '../../i18n';
import { Button, IconButton, Notice, Spinner } from '../../ui';
import { Composer } from './Composer';
import { MessageItem, PendingItem } from './MessageItem';
import { applyChange, emptyWindow, inMainLine, mergeMessages, timeline, type MessageWindow } from './timeline';
import { useSender } from './useSender';

const ThreadPanel = lazy(() => import('./ThreadPanel'));
const PinsPanel = lazy(() => import('./PinsPanel'));
const MembersPanel = lazy(() => import('./MembersPanel'));

const PAGE = 50;

function TypingLine({ conversationId }: { conversationId: string }) {
  const t = useT();
  const names = useApp((s) => {
    const people = Object.keys(s.typing[conversationId] ?? {}).filter((p) => p !== s.me?.id);
    return people.map((p) => s.people[p]?.displayName ?? t('chat.unknownPerson')).join(', ');
  });
  const count = names ? names.split(', ').length : 0;
  return (
    <div className="typing" aria-live="polite">
      {count === 1 ? t('chat.typing.one', { name: names }) : count > 1 ? t('chat.typing.many', { names }) : ''}
    </div>
  );
}

export function ChannelView({ conversationId, threadId, around, panel }: {
  conversationId: string; threadId: string | null; around: string | null; panel: string | null;
}) {
  const t = useT();
  const fmt = useFormats();
  const conversation = useApp((s) => s.conversations[conversationId]) as ConversationView | undefined;
  const title = useApp((s) => (conversation ? conversationTitle(conversation, s, t) : ''));
  const space = useApp((s) => (conversation?.spaceId ? s.spaces[conversation.spaceId] : undefined));
  const me = useApp((s) => s.me?.id);
  const partner = conversation ? directPartner(conversation, me) : undefined;
  const presenceEnabled = useApp((s) => s.presenceEnabled);
  const partnerPresence = useApp((s) => (partner ? s.presence[partner] : undefined));

  const [win, setWin] = useState<MessageWindow>(emptyWindow);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [older, setOlder] = useState(false);
  const [newer, setNewer] = useState(false);
  const [atBottom, setAtBottom] = useState(true);
  const [readLine, setReadLine] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const topSentinel = useRef<HTMLLIElement>(null);
  const bottomSentinel = useRef<HTMLLIElement>(null);
  const keepOffset = useRef<number | null>(null);
  const stick = useRef(true);
  const winRef = useRef(win);
  winRef.current = win;

  const sender = useSender(conversationId, (m) => {
    setWin((w) => (w.moreAfter ? w : { ...w, messages: mergeMessages(w.messages, [m]) }));
    stick.current = true;
  });

  // --- loading ---------------------------------------------------------------------------
  const load = useCallback(async (aroundId: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const h = await api.chat.history(conversationId, aroundId ? { around: aroundId, limit: PAGE } : { limit: PAGE });
      const messages = [...h.messages].reverse().filter(inMainLine);
      messages.forEach((m) => store.ensurePerson(m.authorId));
      stick.current = !aroundId;
      setWin({ messages, moreBefore: h.moreBefore, moreAfter: h.moreAfter });
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, [conversationId]);

  useEffect(() => {
    load(around);
  }, [load, around]);

  useEffect(() => {
    if (!conversation) store.refreshConversation(conversationId);
  }, [conversation, conversationId]);

  // The "new messages" line stays where the read position was when the conversation opened.
  useEffect(() => {
    if (conversation && readLine === null) setReadLine(conversation.lastReadSeq);
  }, [conversation, readLine]);

  useEffect(() => {
    store.activeConversationId = conversationId;
    return () => {
      if (store.activeConversationId === conversationId) store.activeConversationId = null;
    };
  }, [conversationId]);

  // --- live changes --------------------------------------------------------------------------
  useEffect(() => store.onChatChange((change) => {
    const convId = change.kind === 'posted' || change.kind === 'edited' ? change.message.conversationId : change.conversationId;
    if (convId !== conversationId) return;
    if (change.kind === 'posted') {
      if (change.message.authorId === store.getState().me?.id) sender.arrived(change.message);
      store.ensurePerson(change.message.authorId);
    }
    setWin((w) => ({ ...w, messages: applyChange(w.messages, change, (m) => inMainLine(m) && !w.moreAfter) }));
  }), [conversationId, sender.arrived]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => store.onResync(() => load(null)), [load]);

  // --- older and newer pages ---------------------------------------------------------------
  const loadOlder = useCallback(async () => {
    const w = winRef.current;
    if (!w.moreBefore || older || w.messages.length === 0) return;
    setOlder(true);
    try {
      const h = await api.chat.history(conversationId, { before: w.messages[0].id, limit: PAGE });
      const el = scroller.current;
      keepOffset.current = el ? el.scrollHeight - el.scrollTop : null;
      setWin((cur) => ({ ...cur, messages: mergeMessages(cur.messages, h.messages.filter(inMainLine)), moreBefore: h.moreBefore }));
    } catch {
      // the sentinel asks again when it comes back into view
    } finally {
      setOlder(false);
    }
  }, [conversationId, older]);

  const loadNewer = useCallback(async () => {
    const w = winRef.current;
    if (!w.moreAfter || newer || w.messages.length === 0) return;
    setNewer(true);
    try {
      const h = await api.chat.history(conversationId, { after: w.messages[w.messages.length - 1].id, limit: PAGE });
      setWin((cur) => ({ ...cur, messages: mergeMessages(cur.messages, h.messages.filter(inMainLine)), moreAfter: h.moreAfter }));
    } finally {
      setNewer(false);
    }
  }, [conversationId, newer]);

  useEffect(() => {
    const root = scroller.current;
    if (!root || loading) return;
    const io = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        if (e.target === topSentinel.current) loadOlder();
        if (e.target === bottomSentinel.current) loadNewer();
      }
    }, { root, rootMargin: '300px 0px' });
    if (topSentinel.current) io.observe(topSentinel.current);
    if (bottomSentinel.current) io.observe(bottomSentinel.current);
    return () => io.disconnect();
  }, [loading, loadOlder, loadNewer, win.moreBefore, win.moreAfter]);

  // --- scrolling ----------------------------------------------------------------------------
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (keepOffset.current !== null) {
      el.scrollTop = el.scrollHeight - keepOffset.current;
      keepOffset.current = null;
    } else if (stick.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [win, sender.pending]);

  // The header, the typing line, fonts and a turned phone change the history's size: keep the newest in view.
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    ro.observe(el);
    const list = el.querySelector('.history-list');
    if (list) ro.observe(list);
    return () => ro.disconnect();
  }, [loading]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    stick.current = bottom && !winRef.current.moreAfter;
    if (bottom !== atBottom) setAtBottom(bottom);
  };

  // --- read position -------------------------------------------------------------------------
  useEffect(() => {
    if (loading || win.moreAfter || !conversation) return;
    const newest = [...win.messages].reverse().find((m) => !m.deleted) ?? win.messages[win.messages.length - 1];
    if (!newest || newest.seq <= conversation.lastReadSeq) return;
    if (!atBottom && !stick.current) return;
    const mark = () => {
      if (document.visibilityState !== 'visible') return;
      api.chat.markRead(conversationId, newest.id).then(() => store.markedRead(conversationId, newest.seq)).catch(() => undefined);
    };
    const timer = setTimeout(mark, 400);
    document.addEventListener('visibilitychange', mark);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', mark);
    };
  }, [win, loading, atBottom, conversation, conversationId]);

  const items = useMemo(
    () => timeline(win.messages, { dayKey: fmt.dayKey, dayLabel: (iso) => fmt.day(iso), lastReadSeq: readLine, me }),
    [win.messages, fmt, readLine, me],
  );

  const updateOne = useCallback((m: MessageView) => setWin((w) => ({ ...w, messages: mergeMessages(w.messages, [m]) })), []);
  const openThread = useCallback((rootId: string) => navigate(`/c/${conversationId}?thread=${rootId}`), [conversationId]);
  const setPanel = (p: string | null) => navigate(p ? `/c/${conversationId}?panel=${p}` : `/c/${conversationId}`);

  const toggle = async (pref: 'starred' | 'muted') => {
    if (!conversation) return;
    const updated = await api.chat.preferences(conversationId, { [pref]: !conversation[pref] });
    store.putConversation(updated);
  };

  const canPost = conversation?.kind !== 'channel' || (space ? space.canPost : false);
  const canModerate = !!space?.canModerate;
  const sidePanel = threadId ? 'thread' : panel;
  const subtitle = conversation?.kind === 'channel'
    ? (space ? t(`spaces.kind.${space.kind}`) + ' · ' + t.n('spaces.members', space.memberCount) : '')
    : partner && presenceEnabled ? t(`presence.${partnerPresence ?? 'offline'}`) : '';

  return (
    <div className={`channel${sidePanel ? ' with-panel' : ''}`}>
      <section className="channel-main" aria-labelledby="channel-title">
        <header className="channel-header">
          <Link to="/" className="icon-btn back-btn" aria-label={t('app.back')} title={t('app.back')}>
            <span aria-hidden="true">‹</span>
          </Link>
          <h1 id="channel-title">
            {title}
            {subtitle && <span className="sub">{subtitle}</span>}
          </h1>
          {conversation && (
            <>
              <IconButton icon="star" filled={conversation.starred} pressed={conversation.starred}
                label={conversation.starred ? t('conv.unstar') : t('conv.star')} onClick={() => toggle('starred')} />
              <IconButton icon="bellOff" pressed={conversation.muted}
                label={conversation.muted ? t('conv.unmute') : t('conv.mute')} onClick={() => toggle('muted')} />
              <IconButton icon="pin" pressed={panel === 'pins'} label={t('conv.pins')}
                onClick={() => setPanel(panel === 'pins' ? null : 'pins')} />
              <IconButton icon="users" pressed={panel === 'members'} label={t('conv.members')}
                onClick={() => setPanel(panel === 'members' ? null : 'members')} />
            </>
          )}
        </header>
        <div className="history" ref={scroller} onScroll={onScroll} role="log" aria-label={t('chat.history')} aria-busy={loading}>
          {error && <Notice kind="error">{error} <Button small variant="secondary" onClick={() => load(around)}>{t('app.retry')}</Button></Notice>}
          {loading && win.messages.length === 0 && <div className="history-status"><Spinner label={t('app.loading')} /></div>}
          <ul className="history-list">
            <li ref={topSentinel} aria-hidden={!older}>
              {older ? <div className="history-status">{t('chat.loadingOlder')}</div>
                : !win.moreBefore && !loading && <div className="history-status">{t('chat.start')}</div>}
            </li>
            {items.map((item) => (
              <li key={item.key}>
                {item.type === 'day' ? (
                  <div className="day-sep" role="separator">{item.label}</div>
                ) : item.type === 'unread' ? (
                  <div className="unread-line" role="separator">{t('chat.newMessages')}</div>
                ) : (
                  <MessageItem message={item.message} continued={item.continued} highlighted={item.message.id === around}
                    canModerate={canModerate} onOpenThread={openThread} onUpdated={updateOne} />
                )}
              </li>
            ))}
            {sender.pending.filter((p) => !p.threadRootId).map((p) => (
              <li key={p.key}>
                <PendingItem p={p} onRetry={() => sender.retry(p.key)} onDiscard={() => sender.discard(p.key)} />
              </li>
            ))}
            <li ref={bottomSentinel} aria-hidden="true" />
          </ul>
        </div>
        {win.moreAfter && (
          <Button className="jump-latest" small onClick={() => navigate(`/c/${conversationId}`)}>{t('chat.jumpLatest')}</Button>
        )}
        <TypingLine conversationId={conversationId} />
        {conversation && !canPost ? (
          <div className="composer-note">{space && !space.myRole ? t('chat.joinToPost') : t('chat.cannotPost')}</div>
        ) : (
          <Composer
            key={conversationId}
            label={t('composer.label')}
            placeholder={t('composer.placeholder', { name: conversation?.kind === 'channel' ? `#${title}` : title })}
            onSend={(body) => {
              stick.current = true;
              if (winRef.current.moreAfter) navigate(`/c/${conversationId}`);
              sender.send(body);
            }}
            onTyping={() => store.sendTyping(conversationId)}
          />
        )}
      </section>
      {sidePanel && (
        <Suspense fallback={<aside className="panel"><Spinner label={t('app.loading')} /></aside>}>
          {sidePanel === 'thread' && threadId && (
            <ThreadPanel key={threadId} rootId={threadId} conversationId={conversationId} canModerate={canModerate}
              onClose={() => navigate(`/c/${conversationId}`)} />
          )}
          {sidePanel === 'pins' && <PinsPanel conversationId={conversationId} onClose={() => setPanel(null)} />}
          {sidePanel === 'members' && conversation && <MembersPanel conversation={conversation} onClose={() => setPanel(null)} />}
        </Suspense>
      )}
    </div>
  );
}
