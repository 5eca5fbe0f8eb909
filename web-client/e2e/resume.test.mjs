// The socket is cut while someone else keeps posting; when it is back, every message is there once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expect } from './expect.mjs';
import { admin, invitePerson, launch, LIVE_TIMEOUT, message, openConversation, spaceWith, unique } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('messages posted while the connection was cut arrive once each after it is restored', async () => {
  const ada = await admin();
  const carl = await invitePerson('carl', 'Carl Clausen');
  const { channel } = await spaceWith(ada, 'Technik', [carl]);
  const context = await ada.context(browser);
  const page = await context.newPage();
  await openConversation(page, channel.id);

  const first = unique('vor der Unterbrechung ');
  await carl.post(channel.id, first);
  await message(page, first).waitFor({ timeout: LIVE_TIMEOUT });

  await context.setOffline(true);
  await page.locator('[data-testid="connection-status"]').waitFor({ timeout: LIVE_TIMEOUT });
  const missed = [];
  for (let i = 1; i <= 3; i++) {
    const text = unique(`während der Unterbrechung ${i} `);
    missed.push(text);
    await carl.post(channel.id, text);
  }
  await page.waitForTimeout(500);
  for (const text of missed) assert.equal(await message(page, text).count(), 0, 'nothing arrives while offline');

  await context.setOffline(false);
  for (const text of missed) await message(page, text).waitFor({ timeout: LIVE_TIMEOUT });
  await page.locator('[data-testid="connection-status"]').waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });

  const after = unique('nach der Unterbrechung ');
  await carl.post(channel.id, after);
  await message(page, after).waitFor({ timeout: LIVE_TIMEOUT });
  for (const text of [first, ...missed, after]) {
    await expect(() => message(page, text).count(), (n) => n === 1);
  }
  const order = await page.locator('article.msg .msg-body').allTextContents();
  const positions = [first, ...missed, after].map((t) => order.findIndex((o) => o.includes(t)));
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'messages keep their order');
});

test('a message sent while offline shows as not sent, and its retry posts it exactly once', async () => {
  const ada = await admin();
  const dora = await invitePerson('dora', 'Dora Dietz');
  const { channel } = await spaceWith(ada, 'Rückrufe', [dora]);
  const context = await ada.context(browser);
  const page = await context.newPage();
  const doraPage = await (await dora.context(browser)).newPage();
  await openConversation(page, channel.id);
  await openConversation(doraPage, channel.id);

  await context.setOffline(true);
  const text = unique('Bitte Rückruf bis 16 Uhr ');
  await page.locator('.composer textarea').fill(text);
  await page.locator('.composer textarea').press('Enter');
  const failed = page.locator('article[data-pending="failed"]', { hasText: text });
  await failed.waitFor({ timeout: LIVE_TIMEOUT });

  await context.setOffline(false);
  await page.locator('[data-testid="connection-status"]').waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
  await failed.getByRole('button', { name: 'Retry' }).click();
  await message(doraPage, text).waitFor({ timeout: LIVE_TIMEOUT });
  await expect(() => page.locator('article[data-pending]').count(), (n) => n === 0);
  await expect(() => message(page, text).count(), (n) => n === 1);
  await page.waitForTimeout(500);
  assert.equal(await message(doraPage, text).count(), 1, 'the other person sees it once');
  const history = await dora.ok('GET', `/api/v1/conversations/${channel.id}/messages?limit=10`);
  assert.equal(history.messages.filter((m) => m.body === text).length, 1, 'the server stored it once');
});
