import type { Problem } from './types';

/** The header the server compares with the session's CSRF token on every changing request. */
export const CSRF_HEADER = 'X-CSRF-Token';

/** A problem the client makes up when no answer arrived at all. */
export const NETWORK_PROBLEM_TYPE = '/problems/network';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A failed request, carrying the server's RFC 9457 problem (or one made up for it). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get type(): string {
    return this.problem.type;
  }

  /** The message for one field of a validation problem, if the server named it. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field || e.field.endsWith('.' + field))?.message;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/**
 * Reads a problem from any error response: problem+json as the server sends it, plain JSON from a
 * proxy, or text; always returns a problem with at least a type, a title and the status.
 */
export async function parseProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  };
  let text = '';
  try {
    text = await response.text();
  } catch {
    return fallback;
  }
  const contentType = response.headers.get('Content-Type') ?? '';
  if (text && (contentType.includes('json') || text.trimStart().startsWith('{'))) {
    try {
      const body = JSON.parse(text) as Partial<Problem> & Record<string, unknown>;
      if (body && typeof body === 'object') {
        return {
          ...body,
          type: typeof body.type === 'string' && body.type ? body.type : fallback.type,
          title: typeof body.title === 'string' && body.title ? body.title : fallback.title,
          status: typeof body.status === 'number' ? body.status : response.status,
          detail: typeof body.detail === 'string' ? body.detail : undefined,
          errors: Array.isArray(body.errors)
            ? body.errors.filter((e): e is { field: string; message: string } => !!e && typeof e === 'object')
            : undefined,
        };
      }
    } catch {
      // not JSON after all: fall through to the text
    }
  }
  return text && text.length < 500 && !text.includes('<') ? { ...fallback, detail: text.trim() } : fallback;
}

/** A fresh key for one new message; a retry of the same message sends the same key. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') {
    return c.randomUUID();
  }
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') {
    c.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
}

/**
 * The one HTTP client of the app: JSON in and out, the session cookie sent by the browser, the CSRF
 * token added to every changing request, and every failure turned into an {@link ApiError}.
 */
export class ApiClient {
  private csrfToken: string | null = null;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly unauthorizedListeners = new Set<() => void>();

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  getCsrfToken(): string | null {
    return this.csrfToken;
  }

  /** Called when a request answers 401, i.e. the session ended elsewhere. */
  onUnauthorized(listener: () => void): () => void {
    this.unauthorizedListeners.add(listener);
    return () => this.unauthorizedListeners.delete(listener);
  }

  url(path: string, query?: Query): string {
    let url = this.baseUrl + path;
    if (query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
      }
      const qs = params.toString();
      if (qs) url += (url.includes('?') ? '&' : '?') + qs;
    }
    return url;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin', signal: options.signal };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    if (!SAFE_METHODS.has(method.toUpperCase()) && this.csrfToken) {
      headers[CSRF_HEADER] = this.csrfToken;
    }
    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path, options.query), init);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError({
        type: NETWORK_PROBLEM_TYPE,
        title: 'Network error',
        status: 0,
        detail: e instanceof Error ? e.message : String(e),
      });
    }
    if (!response.ok) {
      const problem = await parseProblem(response);
      if (response.status === 401) this.unauthorizedListeners.forEach((l) => l());
      throw new ApiError(problem);
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path, { query, signal });
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, { body });
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, { body });
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body });
  }

  delete<T = void>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }
}
