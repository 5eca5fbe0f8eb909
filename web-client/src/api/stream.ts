import type { MessageView, Problem } from './types';

/** An event frame from the log, with the cursor that resumes after it. */
export interface StreamEvent<T = Record<string, unknown>> {
  cursor: string;
  event: string;
  data: T;
}

export type ServerFrame =
  | { type: 'hello'; cursor: string; personId: string; presenceEnabled: boolean }
  | ({ type: 'event' } & StreamEvent)
  | { type: 'resync-required'; cursor: string }
  | { type: 'presence'; personId: string; status: PresenceStatus }
  | { type: 'presence-snapshot'; people: Record<string, PresenceStatus> }
  | { type: 'typing'; conversationId: string; personId: string }
  | { type: 'ack'; requestId?: string; message: MessageView }
  | { type: 'error'; requestId?: string; problem: Problem }
  | { type: 'pong'; requestId?: string };

export type PresenceStatus = 'online' | 'away' | 'offline';
export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Close codes with which the server ends a socket for good: signed out, deactivated. */
export const FINAL_CLOSE_CODES = new Set([4401, 4403]);

export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface StreamHandlers {
  /** A log event not seen before, in order. */
  onEvent?(e: StreamEvent): void;
  /**
   * State must be loaded anew: on the first connection (nothing was loaded against a cursor yet)
   * and when the server no longer has the events since our cursor.
   */
  onResync?(reason: 'initial' | 'resync-required'): void;
  onHello?(hello: { personId: string; presenceEnabled: boolean }): void;
  onStatus?(status: StreamStatus): void;
  /** Presence, typing, acknowledgements and errors: frames that are not part of the log. */
  onFrame?(frame: ServerFrame): void;
  /** The server ended the socket because the session ended. */
  onSessionEnded?(code: number): void;
}

export interface EventStreamOptions {
  url: (cursor: string | null) => string;
  createSocket: (url: string) => SocketLike;
  timers?: Timers;
  /** Delays before reconnect attempts, the last one repeated. */
  backoffMs?: number[];
  pingIntervalMs?: number;
  /** A socket with no frame for this long is considered dead and replaced. */
  silenceLimitMs?: number;
  random?: () => number;
}

const OPEN = 1;

/** Compares two decimal cursors without losing precision on large positions. */
export function compareCursors(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The one socket to the server. It remembers the cursor of the last event it handed on, so that a
 * reconnect receives exactly what was missed; events at or below that cursor (replayed twice
 * around a reconnect) are dropped; a `resync-required` answer asks the app to reload its state.
 */
export class EventStream {
  private socket: SocketLike | null = null;
  private cursor: string | null = null;
  private status: StreamStatus = 'closed';
  private attempt = 0;
  private reconnectTimer: unknown = null;
  private pingTimer: unknown = null;
  private lastFrameAt = 0;
  private stopped = true;
  private needsInitialLoad = true;
  private readonly timers: Timers;
  private readonly backoff: number[];
  private readonly pingInterval: number;
  private readonly silenceLimit: number;
  private readonly random: () => number;

  constructor(private readonly options: EventStreamOptions, private readonly handlers: StreamHandlers = {}) {
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (h) => globalThis.clearTimeout(h as number),
      setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
      clearInterval: (h) => globalThis.clearInterval(h as number),
    };
    this.backoff = options.backoffMs ?? [250, 1000, 2000, 5000, 10000];
    this.pingInterval = options.pingIntervalMs ?? 25000;
    this.silenceLimit = options.silenceLimitMs ?? 60000;
    this.random = options.random ?? Math.random;
  }

  get lastCursor(): string | null {
    return this.cursor;
  }

  get currentStatus(): StreamStatus {
    return this.status;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  /** Closes for good (sign-out). */
  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.close(1000, 'bye');
    }
    this.setStatus('closed');
  }

  /** Drops the current socket and reconnects at once, e.g. when the browser comes back online. */
  reconnectNow(): void {
    if (this.stopped) return;
    this.attempt = 0;
    this.dropSocket();
    this.open();
  }

  /** Drops the socket because the network is gone; reconnecting waits for {@link reconnectNow}. */
  suspend(): void {
    if (this.stopped) return;
    this.dropSocket();
    this.setStatus('reconnecting');
  }

  /** Sends a client frame; false when no socket is open (typing and presence are best effort). */
  send(frame: Record<string, unknown>): boolean {
    if (this.socket && this.socket.readyState === OPEN && this.status === 'open') {
      this.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  private open(): void {
    this.clearTimers();
    this.setStatus(this.cursor === null && this.attempt === 0 ? 'connecting' : 'reconnecting');
    let socket: SocketLike;
    try {
      socket = this.options.createSocket(this.options.url(this.cursor));
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.lastFrameAt = Date.now();
      if (typeof ev.data !== 'string') return;
      let frame: ServerFrame;
      try {
        frame = JSON.parse(ev.data) as ServerFrame;
      } catch {
        return;
      }
      this.handle(frame);
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimers();
      if (FINAL_CLOSE_CODES.has(ev.code)) {
        this.stopped = true;
        this.setStatus('closed');
        this.handlers.onSessionEnded?.(ev.code);
        return;
      }
      this.scheduleReconnect();
    };
    socket.onerror = () => {
      // onclose follows and decides
    };
    socket.onopen = () => {
      this.lastFrameAt = Date.now();
    };
  }

  private handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'hello': {
        this.attempt = 0;
        if (this.cursor === null) this.cursor = frame.cursor;
        this.setStatus('open');
        this.startPing();
        this.handlers.onHello?.({ personId: frame.personId, presenceEnabled: frame.presenceEnabled });
        if (this.needsInitialLoad) {
          this.needsInitialLoad = false;
          this.handlers.onResync?.('initial');
        }
        break;
      }
      case 'resync-required':
        this.cursor = frame.cursor;
        this.handlers.onResync?.('resync-required');
        break;
      case 'event': {
        if (this.cursor !== null && compareCursors(frame.cursor, this.cursor) <= 0) return;
        this.cursor = frame.cursor;
        this.handlers.onEvent?.({ cursor: frame.cursor, event: frame.event, data: frame.data });
        break;
      }
      default:
        this.handlers.onFrame?.(frame);
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.setStatus('reconnecting');
    const base = this.backoff[Math.min(this.attempt, this.backoff.length - 1)];
    this.attempt++;
    const delay = Math.round(base * (0.75 + this.random() * 0.5));
    this.reconnectTimer = this.timers.setTimeout(() => {
      this.reconnectTimer = null;
      this.open();
    }, delay);
  }

  private startPing(): void {
    if (this.pingTimer !== null) this.timers.clearInterval(this.pingTimer);
    this.pingTimer = this.timers.setInterval(() => {
      if (Date.now() - this.lastFrameAt > this.silenceLimit) {
        this.dropSocket();
        this.scheduleReconnect();
        return;
      }
      this.send({ type: 'ping' });
    }, this.pingInterval);
  }

  private dropSocket(): void {
    this.clearTimers();
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      try {
        s.close(4000, 'reconnect');
      } catch {
        // already closed
      }
    }
  }

  private clearTimers(): void {
    if (this.reconnectTimer !== null) this.timers.clearTimeout(this.reconnectTimer);
    if (this.pingTimer !== null) this.timers.clearInterval(this.pingTimer);
    this.reconnectTimer = null;
    this.pingTimer = null;
  }

  private setStatus(status: StreamStatus): void {
    if (this.status !== status) {
      this.status = status;
      this.handlers.onStatus?.(status);
    }
  }
}

/** The socket address on the page's own origin. */
export function streamUrl(location: { protocol: string; host: string }, cursor: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/stream${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`;
}
