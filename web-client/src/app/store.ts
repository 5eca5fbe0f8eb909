import { useSyncExternalStore } from 'react';
import { api, client } from '../api';
import { EventStream, streamUrl, type PresenceStatus, type SocketLike, type ServerFrame, type StreamEvent, type StreamStatus } from '../api/stream';
import type { Account, ConversationView, Language, SpaceInfo } from '../api/types';
import { browserLanguage } from '../i18n';
import { chatChange, inMainLine, type ChatChange } from '../features/chat/timeline';

export interface PersonLite {
  id: string;
  username: string;
  displayName: string;
  active?: boolean;
}

export interface AppState {
  /** null while signed out; undefined while the session is being checked. */
  me: Account | null | undefined;
  language: Language;
  conversations: Record<string, ConversationView>;
  spaces: Record<string, SpaceInfo>;
  people: Record<string, PersonLite>;
  presence: Record<string, PresenceStatus>;
  presenceEnabled: boolean;
  /** conversation id → person id → until when (ms) they count as typing. */
  typing: Record<string, Record<string, number>>;
  stream: StreamStatus;
  online: boolean;
  loaded: boolean;
  sessionEnded: boolean;
}

type Listener = () => void;
type ChatListener = (change: ChatChange) => void;

const TYPING_SHOWN_MS = 6000;

/**
 * The app's shared state: who is signed in, their conversations and spaces, the people seen so far,
 * presence and typing, fed by the REST API on (re)load and by the event socket in between.
 */
export class AppStore {
  private state: AppState = {
    me: undefined,
    language: browserLanguage(),
    conversations: {},
    spaces: {},
    people: {},
    presence: {},
    presenceEnabled: false,
    typing: {},
    stream: 'closed',
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
    loaded: false,
    sessionEnded: false,
  };
  private readonly listeners = new Set<Listener>();
  private readonly chatListeners = new Set<ChatListener>();
  private readonly resyncListeners = new Set<Listener>();
  private stream: EventStream | null = null;
  private readonly pendingPeople = new Set<string>();
  private typingTimer: ReturnType<typeof setInterval> | null = null;
  /** The conversation on screen, whose new messages count as read. */
  activeConversationId: string | null = null;

  getState = (): AppState => this.state;

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private set(patch: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void {
    const p = typeof patch === 'function' ? patch(this.state) : patch;
    this.state = { ...this.state, ...p };
    this.listeners.forEach((l) => l());
  }

  onChatChange(l: ChatListener): () => void {
    this.chatListeners.add(l);
    return () => this.chatListeners.delete(l);
  }

  /** Called after the socket had to give up on replay: views reload what they show. */
  onResync(l: Listener): () => void {
    this.resyncListeners.add(l);
    return () => this.resyncListeners.delete(l);
  }

  // --- session ------------------------------------------------------------------------------

  async restoreSession(): Promise<void> {
    try {
      const s = await api.identity.currentSession();
      this.signedIn(s.person);
    } catch {
      this.set({ me: null });
    }
  }

  signedIn(me: Account): void {
    this.rememberPeople([me]);
    this.set({ me, language: me.language ?? this.state.language, sessionEnded: false });
    this.startStream();
  }

  updateMe(me: Account): void {
    this.rememberPeople([me]);
    this.set({ me, language: me.language });
  }

  setLanguage(language: Language): void {
    this.set({ language });
  }

  async logout(): Promise<void> {
    try {
      await api.identity.logout();
    } finally {
      this.signedOut(false);
    }
  }

  signedOut(ended: boolean): void {
    this.stream?.stop();
    this.stream = null;
    client.setCsrfToken(null);
    this.set({ me: null, conversations: {}, spaces: {}, presence: {}, typing: {}, loaded: false, sessionEnded: ended });
  }

  // --- loading -----------------------------------------------------------------------------

  async reload(): Promise<void> {
    const [conversations, spaces] = await Promise.all([api.chat.conversations(), api.spaces.mine()]);
    this.set({
      conversations: Object.fromEntries(conversations.map((c) => [c.id, c])),
      spaces: Object.fromEntries(spaces.map((s) => [s.id, s])),
      loaded: true,
    });
    for (const c of conversations) (c.participantIds ?? []).forEach((id) => this.ensurePerson(id));
  }

  async reloadSpaces(): Promise<void> {
    const spaces = await api.spaces.mine();
    this.set({ spaces: Object.fromEntries(spaces.map((s) => [s.id, s])) });
  }

  async refreshConversation(id: string): Promise<ConversationView | null> {
    try {
      const c = await api.chat.conversation(id);
      this.putConversation(c);
      return c;
    } catch {
      return null;
    }
  }

  putConversation(c: ConversationView): void {
    this.set((s) => ({ conversations: { ...s.conversations, [c.id]: c } }));
    (c.participantIds ?? []).forEach((id) => this.ensurePerson(id));
  }

  putSpace(space: SpaceInfo): void {
    this.set((s) => {
      const spaces = { ...s.spaces };
      if (space.myRole) spaces[space.id] = space;
      else delete spaces[space.id];
      return { spaces };
    });
  }

  /** The read position moved to a message: nothing before it counts as unread any more. */
  markedRead(conversationId: string, seq: number): void {
    const c = this.state.conversations[conversationId];
    if (!c || c.lastReadSeq >= seq) return;
    this.putConversation({ ...c, lastReadSeq: seq, unreadCount: seq >= c.lastSeq ? 0 : c.unreadCount, mentionCount: seq >= c.lastSeq ? 0 : c.mentionCount });
  }

  rememberPeople(people: PersonLite[]): void {
    const known = this.state.people;
    const fresh = people.filter((p) => {
      const k = known[p.id];
      return !k || k.displayName !== p.displayName || k.username !== p.username;
    });
    if (fresh.length === 0) return;
    this.set((s) => ({ people: { ...s.people, ...Object.fromEntries(fresh.map((p) => [p.id, { id: p.id, username: p.username, displayName: p.displayName, active: p.active }])) } }));
  }

  ensurePerson(id: string): void {
    if (!id || this.state.people[id] || this.pendingPeople.has(id)) return;
    this.pendingPeople.add(id);
    api.identity.person(id)
      .then((p) => this.rememberPeople([p]))
      .catch(() => undefined)
      .finally(() => this.pendingPeople.delete(id));
  }

  // --- realtime ----------------------------------------------------------------------------

  private startStream(): void {
    if (this.stream || typeof WebSocket === 'undefined') return;
    this.stream = new EventStream(
      {
        url: (cursor) => streamUrl(location, cursor),
        createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      },
      {
        onStatus: (stream) => this.set({ stream }),
        onHello: ({ presenceEnabled }) => this.set({ presenceEnabled }),
        onResync: (reason) => {
          this.reload().catch(() => undefined);
          if (reason === 'resync-required') this.resyncListeners.forEach((l) => l());
        },
        onEvent: (e) => this.handleEvent(e),
        onFrame: (f) => this.handleFrame(f),
        onSessionEnded: () => this.signedOut(true),
      },
    );
    this.stream.start();
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.wentOnline);
      window.addEventListener('offline', this.wentOffline);
      document.addEventListener('visibilitychange', this.visibilityChanged);
    }
    if (!this.typingTimer) this.typingTimer = setInterval(() => this.expireTyping(), 2000);
  }

  private wentOnline = () => {
    this.set({ online: true });
    this.stream?.reconnectNow();
  };

  private wentOffline = () => {
    this.set({ online: false });
    this.stream?.suspend();
  };

  private visibilityChanged = () => {
    this.stream?.send({ type: 'presence', status: document.visibilityState === 'hidden' ? 'away' : 'online' });
  };

  sendTyping(conversationId: string): void {
    this.stream?.send({ type: 'typing', conversationId });
  }

  private handleFrame(f: ServerFrame): void {
    switch (f.type) {
      case 'presence-snapshot':
        this.set({ presence: { ...f.people } });
        break;
      case 'presence':
        this.set((s) => ({ presence: { ...s.presence, [f.personId]: f.status } }));
        break;
      case 'typing':
        this.set((s) => ({
          typing: { ...s.typing, [f.conversationId]: { ...(s.typing[f.conversationId] ?? {}), [f.personId]: Date.now() + TYPING_SHOWN_MS } },
        }));
        break;
      default:
        break;
    }
  }

  private expireTyping(): void {
    const now = Date.now();
    let changed = false;
    const typing: AppState['typing'] = {};
    for (const [conv, people] of Object.entries(this.state.typing)) {
      const left = Object.fromEntries(Object.entries(people).filter(([, until]) => until > now));
      if (Object.keys(left).length !== Object.keys(people).length) changed = true;
      if (Object.keys(left).length) typing[conv] = left;
    }
    if (changed) this.set({ typing });
  }

  private stopTyping(conversationId: string, personId: string): void {
    const people = this.state.typing[conversationId];
    if (!people?.[personId]) return;
    const rest = { ...people };
    delete rest[personId];
    this.set((s) => ({ typing: { ...s.typing, [conversationId]: rest } }));
  }

  private handleEvent(e: StreamEvent): void {
    const me = this.state.me?.id;
    const data = e.data as Record<string, unknown>;
    const change = chatChange(e.event, data);
    if (change) {
      if (change.kind === 'posted') this.countNewMessage(change.message, change.mentionedIds, me);
      this.chatListeners.forEach((l) => l(change));
      return;
    }
    switch (e.event) {
      case 'ConversationStarted':
      case 'ParticipantAdded':
        this.refreshConversation(data.conversationId as string);
        break;
      case 'ReadPositionMoved':
        this.markedRead(data.conversationId as string, data.seq as number);
        break;
      case 'ConversationPreferencesChanged': {
        const c = this.state.conversations[data.conversationId as string];
        if (c) this.putConversation({ ...c, muted: data.muted as boolean, starred: data.starred as boolean });
        break;
      }
      case 'MemberJoined':
      case 'MemberAdded':
      case 'MemberLeft':
      case 'MemberRemoved':
      case 'MemberRoleChanged':
        if (data.personId === me) this.reload().catch(() => undefined);
        else this.bumpSpace(data.spaceId as string);
        break;
      case 'SpaceCreated':
      case 'SpaceUpdated':
      case 'SpaceKindChanged':
      case 'SpaceArchived':
      case 'SpaceUnarchived':
        this.reloadSpaces().catch(() => undefined);
        break;
      case 'PersonProfileChanged':
        if (typeof data.personId === 'string' && typeof data.displayName === 'string') {
          const p = this.state.people[data.personId];
          if (p) this.rememberPeople([{ ...p, displayName: data.displayName }]);
        }
        break;
      default:
        break;
    }
  }

  private bumpSpace(spaceId: string): void {
    if (!this.state.spaces[spaceId]) return;
    api.spaces.get(spaceId).then((s) => this.putSpace(s)).catch(() => undefined);
  }

  private countNewMessage(m: { id: string; conversationId: string; seq: number; authorId: string; threadRootId?: string; inChannel: boolean },
    mentionedIds: string[], me: string | undefined): void {
    this.stopTyping(m.conversationId, m.authorId);
    this.ensurePerson(m.authorId);
    const c = this.state.conversations[m.conversationId];
    if (!c) {
      this.refreshConversation(m.conversationId);
      return;
    }
    if (m.seq <= c.lastSeq) return;
    const visible = this.activeConversationId === m.conversationId && typeof document !== 'undefined' && document.visibilityState === 'visible';
    const counts = m.authorId !== me && !visible && inMainLine(m as never);
    this.putConversation({
      ...c,
      lastSeq: m.seq,
      lastReadSeq: m.authorId === me ? m.seq : c.lastReadSeq,
      unreadCount: m.authorId === me ? 0 : c.unreadCount + (counts ? 1 : 0),
      mentionCount: c.mentionCount + (counts && me && mentionedIds.includes(me) ? 1 : 0),
    });
  }
}

export const store = new AppStore();

client.onUnauthorized(() => {
  if (store.getState().me) store.signedOut(true);
});

export function useApp<T>(select: (s: AppState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()), () => select(store.getState()));
}
