// A German-speaking person on a 375 px phone: signs in through the form, reads German, opens the
// channel without horizontal scrolling, and signs out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { admin, BASE_URL, invitePerson, launch, LIVE_TIMEOUT, outPath, PASSWORD, spaceWith } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the German phone layout: sign-in, conversation list, channel without horizontal scroll, sign-out', async () => {
  const ada = await admin();
  const greta = await invitePerson('greta', 'Greta Groß', 'de');
  const { channel, space } = await spaceWith(ada, 'Kundenservice', [greta]);
  await ada.post(channel.id, 'Guten Morgen! Die neue **Kündigungsvorlage** liegt im Wiki. Eine sehr lange Zeile ohne Umbruch: https://example.org/ein/sehr/langer/pfad/der/nicht/umbrechen/will/und/trotzdem/passen/muss');
  await greta.post(channel.id, 'Danke, ich schaue sie mir gleich an.');

  const context = await browser.newContext({
    baseURL: BASE_URL, viewport: { width: 375, height: 740 }, locale: 'de-DE', timezoneId: 'Europe/Berlin',
    hasTouch: true, isMobile: true,
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('heading', { name: 'Bei Querfunk anmelden' }).waitFor({ timeout: LIVE_TIMEOUT });
  await page.getByLabel('Benutzername').fill(greta.account.username);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();

  await page.getByRole('heading', { name: 'Kanäle' }).waitFor({ timeout: LIVE_TIMEOUT });
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.getByRole('link', { name: space.name }).click();
  await page.locator('article.msg', { hasText: 'Kündigungsvorlage' }).waitFor({ timeout: LIVE_TIMEOUT });
  await page.getByRole('combobox', { name: 'Nachricht schreiben' }).waitFor();
  await page.screenshot({ path: outPath('channel-375-de.png') });

  const widths = await page.evaluate(() => {
    const d = document.documentElement;
    const history = document.querySelector('.history');
    return { scroll: d.scrollWidth, client: d.clientWidth, historyScroll: history.scrollWidth, historyClient: history.clientWidth };
  });
  assert.ok(widths.scroll <= widths.client, `the page does not scroll sideways: ${JSON.stringify(widths)}`);
  assert.ok(widths.historyScroll <= widths.historyClient, `the history does not scroll sideways: ${JSON.stringify(widths)}`);

  await page.getByRole('link', { name: 'Zurück' }).click();
  await page.getByRole('link', { name: /Profil/ }).click();
  await page.getByRole('heading', { name: 'Wo du angemeldet bist' }).waitFor({ timeout: LIVE_TIMEOUT });
  await page.getByRole('button', { name: 'Abmelden' }).first().click();
  await page.getByRole('heading', { name: 'Bei Querfunk anmelden' }).waitFor({ timeout: LIVE_TIMEOUT });
});
