import { beforeEach, describe, expect, it } from 'vitest';
import { compareCursors, EventStream, type SocketLike, type StreamEvent, streamUrl } from './stream';

class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  sent: string[] = [];
  closed = false;

  constructor(readonly url: string) {}

  send(data: string) {
    this.sent.push(data);
  }

  close() {
    this.closed = true;
    this.readyState = 3;
  }

  open() {
    this.readyState = 1;
    this.onopen?.({});
  }

  frame(f: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify(f) });
  }

  serverClose(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

class ManualTimers {
  private next = 1;
  pending = new Map<number, () => void>();
  delays: number[] = [];
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.pending.set(id, fn);
    this.delays.push(ms);
    return id;
  };
  clearTimeout = (h: unknown) => void this.pending.delete(h as number);
  setInterval = () => 0;
  clearInterval = () => undefined;
  runAll() {
    const fns = [...this.pending.values()];
    this.pending.clear();
    fns.forEach((f) => f());
  }
}

const hello = (cursor: string) => ({ type: 'hello', cursor, personId: 'me', presenceEnabled: true });
const event = (cursor: number, id: string) => ({
  type: 'event', cursor: String(cursor), event: 'MessagePosted', data: { message: { id } },
});

describe('EventStream', () => {
  let sockets: FakeSocket[];
  let timers: ManualTimers;
  let events: StreamEvent[];
  let resyncs: string[];
  let statuses: string[];
  let stream: EventStream;

  beforeEach(() => {
    sockets = [];
    timers = new ManualTimers();
    events = [];
    resyncs = [];
    statuses = [];
    stream = new EventStream(
      {
        url: (cursor) => streamUrl({ protocol: 'http:', host: 'qf.test' }, cursor),
        createSocket: (url) => {
          const s = new FakeSocket(url);
          sockets.push(s);
          return s;
        },
        timers,
        random: () => 0.5,
      },
      {
        onEvent: (e) => events.push(e),
        onResync: (r) => resyncs.push(r),
        onStatus: (s) => statuses.push(s),
      },
    );
  });

  it('connects without a cursor, adopts the hello cursor and asks for the initial load', () => {
    stream.start();
    expect(sockets[0].url).toBe('ws://qf.test/api/v1/stream');
    sockets[0].open();
    sockets[0].frame(hello('41'));
    expect(stream.lastCursor).toBe('41');
    expect(resyncs).toEqual(['initial']);
    expect(statuses).toEqual(['connecting', 'open']);
  });

  it('reconnects with the cursor of the last event and drops events it already handed on', () => {
    stream.start();
    sockets[0].open();
    sockets[0].frame(hello('10'));
    sockets[0].frame(event(11, 'a'));
    sockets[0].frame(event(12, 'b'));
    sockets[0].serverClose(1006);
    expect(statuses.at(-1)).toBe('reconnecting');
    timers.runAll();
    expect(sockets[1].url).toBe('ws://qf.test/api/v1/stream?cursor=12');
    sockets[1].open();
    sockets[1].frame(hello('12'));
    // a replay that overlaps what was seen must not be handed on twice
    sockets[1].frame(event(12, 'b'));
    sockets[1].frame(event(13, 'c'));
    expect(events.map((e) => e.data.message)).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(resyncs).toEqual(['initial']);
    expect(statuses.at(-1)).toBe('open');
  });

  it('adopts the cursor of a resync and asks the app to reload', () => {
    stream.start();
    sockets[0].open();
    sockets[0].frame(hello('5'));
    sockets[0].frame(event(6, 'a'));
    sockets[0].serverClose();
    timers.runAll();
    sockets[1].open();
    sockets[1].frame(hello('900'));
    sockets[1].frame({ type: 'resync-required', cursor: '900' });
    expect(resyncs).toEqual(['initial', 'resync-required']);
    expect(stream.lastCursor).toBe('900');
    sockets[1].frame(event(901, 'b'));
    sockets[1].serverClose();
    timers.runAll();
    expect(sockets[2].url).toContain('cursor=901');
  });

  it('backs off between failed attempts and starts over after a hello', () => {
    stream.start();
    sockets[0].serverClose();
    timers.runAll();
    sockets[1].serverClose();
    timers.runAll();
    sockets[2].serverClose();
    expect(timers.delays).toEqual([250, 1000, 2000]);
    timers.runAll();
    sockets[3].open();
    sockets[3].frame(hello('1'));
    sockets[3].serverClose();
    expect(timers.delays.at(-1)).toBe(250);
  });

  it('stops for good when the server ends the session', () => {
    let ended = 0;
    const s = new EventStream(
      { url: () => 'ws://x', createSocket: (u) => { const f = new FakeSocket(u); sockets.push(f); return f; }, timers },
      { onSessionEnded: () => ended++ },
    );
    s.start();
    sockets[0].open();
    sockets[0].frame(hello('1'));
    sockets[0].serverClose(4401);
    expect(ended).toBe(1);
    expect(timers.pending.size).toBe(0);
    expect(s.currentStatus).toBe('closed');
  });

  it('suspends while offline and reconnects at once with the cursor when back online', () => {
    stream.start();
    sockets[0].open();
    sockets[0].frame(hello('7'));
    sockets[0].frame(event(8, 'x'));
    stream.suspend();
    expect(sockets[0].closed).toBe(true);
    expect(stream.currentStatus).toBe('reconnecting');
    stream.reconnectNow();
    expect(sockets[1].url).toContain('cursor=8');
  });

  it('hands presence, typing and acknowledgements to onFrame and sends only when open', () => {
    const frames: unknown[] = [];
    const s = new EventStream(
      { url: () => 'ws://x', createSocket: (u) => { const f = new FakeSocket(u); sockets.push(f); return f; }, timers },
      { onFrame: (f) => frames.push(f) },
    );
    s.start();
    expect(s.send({ type: 'typing', conversationId: 'c' })).toBe(false);
    sockets[0].open();
    sockets[0].frame(hello('1'));
    sockets[0].frame({ type: 'typing', conversationId: 'c', personId: 'p' });
    expect(frames).toEqual([{ type: 'typing', conversationId: 'c', personId: 'p' }]);
    expect(s.send({ type: 'typing', conversationId: 'c' })).toBe(true);
    expect(sockets[0].sent).toEqual(['{"type":"typing","conversationId":"c"}']);
  });
});

describe('compareCursors', () => {
  it('compares decimal positions beyond the safe integer range', () => {
    expect(compareCursors('9', '10')).toBe(-1);
    expect(compareCursors('90071992547409930', '90071992547409929')).toBe(1);
    expect(compareCursors('12', '12')).toBe(0);
  });
});
