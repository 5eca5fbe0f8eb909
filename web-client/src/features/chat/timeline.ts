import type { MessageView, ReactionView } from '../../api/types';

/** The loaded part of one conversation's history, oldest first, each message once. */
export interface MessageWindow {
  messages: MessageView[];
  moreBefore: boolean;
  moreAfter: boolean;
}

export const emptyWindow: MessageWindow = { messages: [], moreBefore: false, moreAfter: false };

/**
 * Adds messages to a list, once each (by id), in sequence order. A message that is already there
 * is replaced by the newer copy (edited, deleted, reacted), which the server's `editedAt`,
 * `deleted`, reactions and thread fields describe completely.
 */
export function mergeMessages(current: MessageView[], incoming: MessageView[]): MessageView[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** Is this message part of the channel's main line (not a reply shown only in its thread)? */
export function inMainLine(m: MessageView): boolean {
  return !m.threadRootId || m.inChannel;
}

export function updateMessage(list: MessageView[], id: string, change: (m: MessageView) => MessageView): MessageView[] {
  let changed = false;
  const next = list.map((m) => {
    if (m.id !== id) return m;
    changed = true;
    return change(m);
  });
  return changed ? next : list;
}

export function withReaction(m: MessageView, emoji: string, personId: string, added: boolean): MessageView {
  const reactions: ReactionView[] = [...(m.reactions ?? [])];
  const i = reactions.findIndex((r) => r.emoji === emoji);
  if (added) {
    if (i < 0) reactions.push({ emoji, count: 1, personIds: [personId] });
    else if (!reactions[i].personIds.includes(personId)) {
      reactions[i] = { emoji, count: reactions[i].count + 1, personIds: [...reactions[i].personIds, personId] };
    }
  } else if (i >= 0 && reactions[i].personIds.includes(personId)) {
    const personIds = reactions[i].personIds.filter((p) => p !== personId);
    if (personIds.length === 0) reactions.splice(i, 1);
    else reactions[i] = { emoji, count: reactions[i].count - 1, personIds };
  }
  return { ...m, reactions };
}

/** What the chat views need from one log event. */
export type ChatChange =
  | { kind: 'posted'; message: MessageView; mentionedIds: string[] }
  | { kind: 'edited'; message: MessageView }
  | { kind: 'deleted'; messageId: string; conversationId: string; threadRootId?: string }
  | { kind: 'reaction'; messageId: string; conversationId: string; emoji: string; personId: string; added: boolean }
  | { kind: 'thread'; rootId: string; conversationId: string; replyCount: number; lastReplyAt?: string; participantIds: string[] }
  | { kind: 'pin'; messageId: string; conversationId: string; pinned: boolean };

type Data = Record<string, unknown>;

/** Reads a chat event from the socket; null for events that are not about messages. */
export function chatChange(event: string, data: Data): ChatChange | null {
  const s = (k: string) => data[k] as string;
  switch (event) {
    case 'MessagePosted':
      return { kind: 'posted', message: data.message as MessageView, mentionedIds: (data.mentionedIds as string[]) ?? [] };
    case 'MessageEdited':
      return { kind: 'edited', message: data.message as MessageView };
    case 'MessageDeleted':
      return { kind: 'deleted', messageId: s('messageId'), conversationId: s('conversationId'), threadRootId: s('threadRootId') ?? undefined };
    case 'ReactionAdded':
    case 'ReactionRemoved':
      return {
        kind: 'reaction', messageId: s('messageId'), conversationId: s('conversationId'), emoji: s('emoji'),
        personId: s('personId'), added: event === 'ReactionAdded',
      };
    case 'ThreadUpdated':
      return {
        kind: 'thread', rootId: s('rootId'), conversationId: s('conversationId'), replyCount: data.replyCount as number,
        lastReplyAt: s('lastReplyAt') ?? undefined, participantIds: (data.participantIds as string[]) ?? [],
      };
    case 'MessagePinned':
    case 'MessageUnpinned':
      return { kind: 'pin', messageId: s('messageId'), conversationId: s('conversationId'), pinned: event === 'MessagePinned' };
    default:
      return null;
  }
}

/**
 * Applies a change to a list of messages. `accept` decides which new messages belong to the list
 * (the channel's main line, or one thread). Replayed events change nothing twice: posting is
 * keyed by id, and reactions by person.
 */
export function applyChange(list: MessageView[], change: ChatChange, accept: (m: MessageView) => boolean): MessageView[] {
  switch (change.kind) {
    case 'posted':
      return accept(change.message) ? mergeMessages(list, [change.message]) : list;
    case 'edited':
      return list.some((m) => m.id === change.message.id) ? mergeMessages(list, [change.message]) : list;
    case 'deleted':
      return updateMessage(list, change.messageId, (m) => ({ ...m, deleted: true, body: '', html: '', reactions: [] }));
    case 'reaction':
      return updateMessage(list, change.messageId, (m) => withReaction(m, change.emoji, change.personId, change.added));
    case 'thread':
      return updateMessage(list, change.rootId, (m) => ({
        ...m,
        thread: { replyCount: change.replyCount, lastReplyAt: change.lastReplyAt, participantIds: change.participantIds },
      }));
    case 'pin':
      return updateMessage(list, change.messageId, (m) => ({ ...m, pinned: change.pinned }));
  }
}

export type TimelineItem =
  | { type: 'day'; key: string; label: string }
  | { type: 'unread'; key: string }
  | { type: 'message'; key: string; message: MessageView; continued: boolean };

/**
 * The rows of a channel: a separator before each new day, the "new messages" line before the
 * first message after the read position that someone else wrote, and a flag for messages that
 * continue the previous one's author within five minutes (shown without a name).
 */
export function timeline(
  messages: MessageView[],
  options: { dayKey: (iso: string) => string; dayLabel: (iso: string) => string; lastReadSeq?: number | null; me?: string },
): TimelineItem[] {
  const items: TimelineItem[] = [];
  let day = '';
  let unreadShown = options.lastReadSeq == null;
  let previous: MessageView | null = null;
  for (const m of messages) {
    const key = options.dayKey(m.createdAt);
    let separated = false;
    if (key !== day) {
      day = key;
      items.push({ type: 'day', key: `day-${key}`, label: options.dayLabel(m.createdAt) });
      separated = true;
    }
    if (!unreadShown && m.seq > (options.lastReadSeq ?? 0) && m.authorId !== options.me) {
      unreadShown = true;
      items.push({ type: 'unread', key: 'unread' });
      separated = true;
    }
    const continued = !separated && previous !== null && previous.authorId === m.authorId && !previous.deleted
      && Date.parse(m.createdAt) - Date.parse(previous.createdAt) < 5 * 60_000;
    items.push({ type: 'message', key: m.id, message: m, continued });
    previous = m;
  }
  return items;
}
