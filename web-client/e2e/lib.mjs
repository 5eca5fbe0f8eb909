// Shared fixtures of the browser tests: people and spaces made through the real API, and Chromium
// started from the system's package (no browser is downloaded).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const BASE_URL = (process.env.QF_BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
export const SETUP_TOKEN = process.env.QF_SETUP_TOKEN ?? '';
export const ADMIN_USER = process.env.QF_ADMIN_USER ?? 'ada';
export const PASSWORD = process.env.QF_PASSWORD ?? 'correct horse battery staple';
export const OUT_DIR = process.env.QF_E2E_OUT ?? 'e2e-results';
export const CHROMIUM = process.env.QF_CHROMIUM ?? '/usr/bin/chromium';
/** Generous: the point is that things arrive, not how fast. */
export const LIVE_TIMEOUT = 15_000;

const RUN = Date.now().toString(36).slice(-5);
let sequence = 0;
export const unique = (prefix) => `${prefix}${RUN}${++sequence}`;

/** A signed-in person as the API sees them: the session cookie and the CSRF token. */
export class Person {
  constructor(account, cookie, csrf) {
    this.account = account;
    this.id = account.id;
    this.cookie = cookie;
    this.csrf = csrf;
  }

  async api(method, path, body) {
    const headers = { Accept: 'application/json', Cookie: `qf_session=${this.cookie}` };
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(BASE_URL + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    return { status: response.status, body: json, retryAfter: Number(response.headers.get('Retry-After')) || 1 };
  }

  async ok(method, path, body) {
    const r = await this.api(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** Posts a message; when the server's send rate limit answers 429, waits and retries with the same key. */
  async post(conversationId, text, extra = {}) {
    const request = { body: text, idempotencyKey: unique('key-'), ...extra };
    for (let attempt = 0; ; attempt++) {
      const r = await this.api('POST', `/api/v1/conversations/${conversationId}/messages`, request);
      if (r.status === 429 && attempt < 20) {
        await new Promise((resolve) => setTimeout(resolve, r.retryAfter * 1000));
        continue;
      }
      if (r.status >= 300) throw new Error(`posting answered ${r.status}: ${JSON.stringify(r.body)}`);
      return r.body;
    }
  }

  /** A browser context signed in as this person. */
  async context(browser, options = {}) {
    const context = await browser.newContext({ baseURL: BASE_URL, locale: 'en-GB', timezoneId: 'Europe/Berlin', ...options });
    await context.addCookies([{ name: 'qf_session', value: this.cookie, url: BASE_URL, httpOnly: true, sameSite: 'Lax' }]);
    return context;
  }
}

async function sessionFrom(response, what) {
  const text = await response.text();
  if (response.status !== 201) throw new Error(`${what} answered ${response.status}: ${text}`);
  const cookie = /qf_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`${what} set no session cookie`);
  const session = JSON.parse(text);
  return new Person(session.person, cookie, session.csrfToken);
}

const json = (body) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export function details(username, displayName, language = 'en') {
  return { username, displayName, email: `${username}@example.org`, password: PASSWORD, language, timeZone: 'Europe/Berlin' };
}

export async function login(username, password = PASSWORD) {
  return sessionFrom(await fetch(`${BASE_URL}/api/v1/session`, json({ username, password })), `login of ${username}`);
}

let adminPromise;

/** The administrator: sets the installation up with the setup token on a fresh server, signs in otherwise. */
export function admin() {
  adminPromise ??= (async () => {
    const status = await (await fetch(`${BASE_URL}/api/v1/setup`)).json();
    if (status.setupRequired) {
      if (!SETUP_TOKEN) throw new Error('the server needs setting up: pass QF_SETUP_TOKEN');
      return sessionFrom(await fetch(`${BASE_URL}/api/v1/setup`, json({
        setupToken: SETUP_TOKEN, administrator: details(ADMIN_USER, 'Ada Admin', 'en'),
      })), 'setup');
    }
    return login(ADMIN_USER);
  })();
  return adminPromise;
}

/** A new person, invited by the administrator and signed in. */
export async function invitePerson(prefix, displayName, language = 'en') {
  const invitation = await (await admin()).ok('POST', '/api/v1/invitations', {});
  const username = unique(prefix);
  return sessionFrom(
    await fetch(`${BASE_URL}/api/v1/invitations/by-token/${invitation.token}/accept`, json(details(username, displayName, language))),
    `acceptance of ${username}`,
  );
}

/** An open space with these members, and its channel. */
export async function spaceWith(owner, name, members = []) {
  const space = await owner.ok('POST', '/api/v1/spaces', { name: unique(name + ' '), description: 'Ende-zu-Ende-Test', kind: 'open' });
  for (const m of members) await m.ok('PUT', `/api/v1/spaces/${space.id}/membership`);
  const channel = await owner.ok('GET', `/api/v1/spaces/${space.id}/conversation`);
  return { space, channel };
}

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function outPath(name) {
  mkdirSync(OUT_DIR, { recursive: true });
  return join(OUT_DIR, name);
}

/** Waits until the page's event socket is open: no connection notice is shown and the shell is there. */
export async function openConversation(page, conversationId) {
  await page.goto(`/c/${conversationId}`);
  await page.locator('.composer textarea').waitFor({ timeout: LIVE_TIMEOUT });
  await page.locator('[data-testid="connection-status"]').waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
}

export function message(page, text) {
  return page.locator('article.msg', { hasText: text });
}
