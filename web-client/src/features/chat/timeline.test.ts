import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../api/types';
import { applyChange, chatChange, inMainLine, mergeMessages, timeline } from './timeline';

const msg = (seq: number, extra: Partial<MessageView> = {}): MessageView => ({
  id: `m${seq}`, conversationId: 'c1', seq, authorId: 'alice', body: `text ${seq}`, html: `<p>text ${seq}</p>`,
  createdAt: new Date(Date.UTC(2026, 2, 2, 10, seq)).toISOString(), deleted: false, inChannel: false,
  reactions: [], pinned: false, ...extra,
});

describe('mergeMessages', () => {
  it('keeps each message once, in sequence order, preferring the newer copy', () => {
    const list = mergeMessages([msg(2), msg(1)], [msg(3), msg(2, { body: 'edited' }), msg(1)]);
    expect(list.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(list[1].body).toBe('edited');
  });
});

describe('applyChange', () => {
  it('adds a posted message once even when the event arrives twice', () => {
    const change = chatChange('MessagePosted', { message: msg(3), mentionedIds: [] })!;
    let list = [msg(1), msg(2)];
    list = applyChange(list, change, inMainLine);
    list = applyChange(list, change, inMainLine);
    expect(list.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('keeps thread replies out of the main line unless also sent to the channel', () => {
    const reply = chatChange('MessagePosted', { message: msg(4, { threadRootId: 'm1' }) })!;
    const shared = chatChange('MessagePosted', { message: msg(5, { threadRootId: 'm1', inChannel: true }) })!;
    const list = applyChange(applyChange([msg(1)], reply, inMainLine), shared, inMainLine);
    expect(list.map((m) => m.id)).toEqual(['m1', 'm5']);
  });

  it('counts a reaction once per person and removes it again', () => {
    const add = chatChange('ReactionAdded', { messageId: 'm1', conversationId: 'c1', emoji: '👍', personId: 'bob' })!;
    let list = applyChange([msg(1)], add, inMainLine);
    list = applyChange(list, add, inMainLine);
    expect(list[0].reactions).toEqual([{ emoji: '👍', count: 1, personIds: ['bob'] }]);
    list = applyChange(list, chatChange('ReactionRemoved', { messageId: 'm1', conversationId: 'c1', emoji: '👍', personId: 'bob' })!, inMainLine);
    expect(list[0].reactions).toEqual([]);
  });

  it('empties a deleted message and updates threads and pins', () => {
    let list = [msg(1), msg(2)];
    list = applyChange(list, chatChange('MessageDeleted', { messageId: 'm2', conversationId: 'c1' })!, inMainLine);
    list = applyChange(list, chatChange('ThreadUpdated', { rootId: 'm1', conversationId: 'c1', replyCount: 2, participantIds: ['bob'] })!, inMainLine);
    list = applyChange(list, chatChange('MessagePinned', { messageId: 'm1', conversationId: 'c1' })!, inMainLine);
    expect(list[1]).toMatchObject({ deleted: true, body: '', html: '' });
    expect(list[0].thread?.replyCount).toBe(2);
    expect(list[0].pinned).toBe(true);
  });

  it('ignores edits of messages it does not hold', () => {
    const list = [msg(1)];
    expect(applyChange(list, chatChange('MessageEdited', { message: msg(9) })!, inMainLine)).toBe(list);
  });
});

describe('timeline', () => {
  const dayKey = (iso: string) => iso.slice(0, 10);
  it('separates days, marks the first unread message of someone else and groups an author’s run', () => {
    const messages = [
      msg(1, { createdAt: '2026-03-01T10:00:00Z' }),
      msg(2, { createdAt: '2026-03-02T10:00:00Z' }),
      msg(3, { createdAt: '2026-03-02T10:01:00Z', authorId: 'me' }),
      msg(4, { createdAt: '2026-03-02T10:02:00Z', authorId: 'bob' }),
      msg(5, { createdAt: '2026-03-02T10:03:00Z', authorId: 'bob' }),
    ];
    const items = timeline(messages, { dayKey, dayLabel: dayKey, lastReadSeq: 2, me: 'me' });
    expect(items.map((i) => (i.type === 'message' ? `${i.message.id}${i.continued ? '+' : ''}` : i.type))).toEqual([
      'day', 'm1', 'day', 'm2', 'm3', 'unread', 'm4', 'm5+',
    ]);
  });

  it('shows no unread line without a read position', () => {
    const items = timeline([msg(1)], { dayKey, dayLabel: dayKey, lastReadSeq: null });
    expect(items.some((i) => i.type === 'unread')).toBe(false);
  });
});
