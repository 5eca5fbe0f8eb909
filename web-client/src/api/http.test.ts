import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, CSRF_HEADER, NETWORK_PROBLEM_TYPE, newIdempotencyKey, parseProblem } from './http';
import { identityApi } from './identity';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return respond(call);
  }) as typeof fetch;
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const header = (call: Call, name: string) => (call.init.headers as Record<string, string>)[name];

describe('ApiClient', () => {
  it('sends the CSRF token on changing requests only', async () => {
    const { calls, fetchImpl } = fakeFetch(() => json(200, {}));
    const client = new ApiClient({ fetch: fetchImpl });
    client.setCsrfToken('tok-1');
    await client.get('/api/v1/me');
    await client.post('/api/v1/spaces', { name: 'x' });
    await client.put('/api/v1/spaces/1/membership');
    await client.patch('/api/v1/me', {});
    await client.delete('/api/v1/session');
    expect(header(calls[0], CSRF_HEADER)).toBeUndefined();
    expect(calls.slice(1).map((c) => header(c, CSRF_HEADER))).toEqual(['tok-1', 'tok-1', 'tok-1', 'tok-1']);
    expect(calls.every((c) => c.init.credentials === 'same-origin')).toBe(true);
  });

  it('adopts the CSRF token from the answer that opens a session and forgets it on logout', async () => {
    const { calls, fetchImpl } = fakeFetch((call) =>
      call.init.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : json(201, { person: { id: 'p1' }, csrfToken: 'fresh-token', expiresAt: null }),
    );
    const client = new ApiClient({ fetch: fetchImpl });
    const identity = identityApi(client);
    await identity.login('ada', 'secret');
    expect(header(calls[0], CSRF_HEADER)).toBeUndefined();
    expect(client.getCsrfToken()).toBe('fresh-token');
    await identity.logout();
    expect(header(calls[1], CSRF_HEADER)).toBe('fresh-token');
    expect(client.getCsrfToken()).toBeNull();
  });

  it('sends JSON bodies and query parameters, leaving out empty ones', async () => {
    const { calls, fetchImpl } = fakeFetch(() => json(200, { items: [] }));
    const client = new ApiClient({ fetch: fetchImpl });
    await client.get('/api/v1/people', { query: 'ä b', cursor: undefined, limit: 20 });
    expect(calls[0].url).toBe('/api/v1/people?query=%C3%A4+b&limit=20');
    await client.post('/api/v1/x', { a: 1 });
    expect(calls[1].init.body).toBe('{"a":1}');
    expect(header(calls[1], 'Content-Type')).toBe('application/json');
  });

  it('turns a problem+json answer into an ApiError with type, status and field errors', async () => {
    const problem = {
      type: '/problems/validation', title: 'Invalid request', status: 400, detail: 'name is too short',
      errors: [{ field: 'create.request.name', message: 'must have 2 to 80 characters' }],
    };
    const { fetchImpl } = fakeFetch(() => json(400, problem, 'application/problem+json'));
    const client = new ApiClient({ fetch: fetchImpl });
    const error = await client.post('/api/v1/spaces', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(400);
    expect(e.type).toBe('/problems/validation');
    expect(e.message).toBe('name is too short');
    expect(e.fieldError('name')).toBe('must have 2 to 80 characters');
  });

  it('reports 401 to listeners so that the app can ask to sign in again', async () => {
    const { fetchImpl } = fakeFetch(() => json(401, { type: '/problems/unauthenticated', title: 'Sign in', status: 401 }, 'application/problem+json'));
    const client = new ApiClient({ fetch: fetchImpl });
    let told = 0;
    client.onUnauthorized(() => told++);
    await expect(client.get('/api/v1/me')).rejects.toMatchObject({ status: 401 });
    expect(told).toBe(1);
  });

  it('makes up a network problem when no answer arrived', async () => {
    const client = new ApiClient({ fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch });
    await expect(client.get('/api/v1/me')).rejects.toMatchObject({ status: 0, type: NETWORK_PROBLEM_TYPE });
  });

  it('answers undefined for 204', async () => {
    const { fetchImpl } = fakeFetch(() => new Response(null, { status: 204 }));
    await expect(new ApiClient({ fetch: fetchImpl }).delete('/api/v1/messages/1')).resolves.toBeUndefined();
  });
});

describe('parseProblem', () => {
  it('fills in type and title when a proxy answers with HTML', async () => {
    const p = await parseProblem(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(p).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
  });

  it('keeps short plain text as the detail', async () => {
    const p = await parseProblem(new Response('Request Entity Too Large', { status: 413 }));
    expect(p.status).toBe(413);
    expect(p.detail).toBe('Request Entity Too Large');
  });

  it('uses the HTTP status when the body has none', async () => {
    const p = await parseProblem(json(409, { type: '/problems/conflict', title: 'Conflict' }));
    expect(p).toMatchObject({ type: '/problems/conflict', title: 'Conflict', status: 409 });
  });
});

describe('newIdempotencyKey', () => {
  it('makes a different key every time, short enough for the server', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(100);
    for (const k of keys) expect(k.length).toBeLessThanOrEqual(100);
  });
});
