// Refreshes docs/screenshots: German demo data on a running server, then the main screens on a
// desktop and a phone. Usage: QF_BASE_URL=http://localhost:8080 QF_SETUP_TOKEN=... npm run screenshots
// (or QF_ADMIN_USER / QF_PASSWORD for an installation that is already set up). Safe to run again:
// people and spaces that exist are reused.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { admin, BASE_URL, details, launch, login, Person } from './lib.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });

async function person(username, displayName) {
  try {
    return await login(username);
  } catch {
    const invitation = await (await admin()).ok('POST', '/api/v1/invitations', {});
    const r = await fetch(`${BASE_URL}/api/v1/invitations/by-token/${invitation.token}/accept`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(details(username, displayName, 'de')),
    });
    if (r.status !== 201) throw new Error(`cannot create ${username}: ${await r.text()}`);
    const cookie = /qf_session=([^;]+)/.exec(r.headers.get('set-cookie'))[1];
    const s = await r.json();
    return new Person(s.person, cookie, s.csrfToken);
  }
}

async function space(owner, name, description, kind, members) {
  const found = (await owner.ok('GET', `/api/v1/spaces?query=${encodeURIComponent(name)}`)).items.find((s) => s.name === name);
  const s = found ?? await owner.ok('POST', '/api/v1/spaces', { name, description, kind });
  for (const m of members) await m.ok('PUT', `/api/v1/spaces/${s.id}/membership`);
  return { space: s, channel: await owner.ok('GET', `/api/v1/spaces/${s.id}/conversation`) };
}

const greta = await person('greta', 'Greta Groß');
const jonas = await person('jonas', 'Jonas Becker');
const aylin = await person('aylin', 'Aylin Demir');
const ks = await space(jonas, 'Kundenservice', 'Fragen aus der Hotline, Antworten von allen, die es wissen.', 'open', [greta, aylin]);
await space(aylin, 'IT-Support', 'Störungen, Zugänge und Geräte.', 'open', [greta]);
await space(jonas, 'Betriebsrat', 'Informationen und Fragen an den Betriebsrat.', 'closed', []);
await space(aylin, 'Ankündigungen', 'Was alle wissen müssen.', 'announcement', [greta, jonas]);

let root;
const history = await greta.ok('GET', `/api/v1/conversations/${ks.channel.id}/messages?limit=5`);
if (history.messages.length === 0) {
  await jonas.post(ks.channel.id, 'Guten Morgen zusammen! ☕ Die neue **Kündigungsvorlage** liegt ab heute im Wiki.');
  root = await aylin.post(ks.channel.id, 'Kurze Frage: Ein Kunde will per E-Mail kündigen, hat aber am Telefon schon eine Vertragsverlängerung zugesagt. Was gilt?');
  await greta.post(ks.channel.id, `@jonas weißt du das? Der Kunde wartet in der Leitung.`);
  await jonas.post(ks.channel.id, 'Die Kündigung per E-Mail gilt, wenn sie vor der Bestätigung der Verlängerung eingegangen ist.', { threadRootId: root.id });
  await aylin.post(ks.channel.id, 'Danke, dann schicke ich die Kündigungsbestätigung raus. 👍', { threadRootId: root.id });
  await greta.ok('PUT', `/api/v1/messages/${root.id}/reactions/${encodeURIComponent('👍')}`);
  await jonas.ok('PUT', `/api/v1/messages/${root.id}/reactions/${encodeURIComponent('🙏')}`);
  const pinned = await jonas.post(ks.channel.id, 'Merkliste für Rückrufe:\n- Kundennummer notieren\n- Rückrufzeit bestätigen\n- Ticket verlinken');
  await jonas.ok('PUT', `/api/v1/messages/${pinned.id}/pin`);
  await aylin.post(ks.channel.id, 'Top, danke! Das hilft gerade in der Spätschicht.');
} else {
  root = history.messages.find((m) => m.thread?.replyCount > 0) ?? history.messages[0];
}
const direct = await greta.ok('POST', '/api/v1/conversations/direct', { personId: jonas.id });
if ((await greta.ok('GET', `/api/v1/conversations/${direct.id}/messages?limit=1`)).messages.length === 0) {
  await jonas.post(direct.id, 'Hast du kurz Zeit für die Schichtplanung?');
}

const browser = await launch();
const shoot = async (viewport, name, path, prepare) => {
  const context = await greta.context(browser, { viewport, locale: 'de-DE', deviceScaleFactor: 1, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
  const page = await context.newPage();
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  if (prepare) await prepare(page);
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  await context.close();
  console.log(`docs/screenshots/${name}.png`);
};
const desktop = { width: 1280, height: 800 };
const phone = { width: 375, height: 812 };
const threadPath = `/c/${ks.channel.id}?thread=${root.id}`;

await shoot(desktop, 'desktop-channel', `/c/${ks.channel.id}`);
await shoot(desktop, 'desktop-thread', threadPath);
await shoot(desktop, 'desktop-spaces', '/spaces');
await shoot(desktop, 'desktop-search', `/search?q=${encodeURIComponent('Kündigung in:Kundenservice')}`);
await shoot(desktop, 'desktop-profile', '/profile');
await shoot(phone, 'phone-conversations', '/');
await shoot(phone, 'phone-channel', `/c/${ks.channel.id}`);
await shoot(phone, 'phone-thread', threadPath);
const anonymous = await browser.newContext({ viewport: phone, locale: 'de-DE', baseURL: BASE_URL });
const loginPage = await anonymous.newPage();
await loginPage.goto('/login');
await loginPage.getByRole('button', { name: 'Anmelden' }).waitFor();
await loginPage.screenshot({ path: join(OUT, 'phone-login.png') });
console.log('docs/screenshots/phone-login.png');
await browser.close();

