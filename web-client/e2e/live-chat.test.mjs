// Two people in two browsers: a message, a reaction and a thread reply travel live both ways.
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

test('a message, a reaction and a thread reply travel live between two people', async () => {
  const ada = await admin();
  const bob = await invitePerson('bob', 'Bob Becker');
  const { channel } = await spaceWith(ada, 'Kundenservice', [bob]);

  const adaPage = await (await ada.context(browser)).newPage();
  const bobPage = await (await bob.context(browser)).newPage();
  await openConversation(adaPage, channel.id);
  await openConversation(bobPage, channel.id);

  const text = unique('Wer kennt die Kündigungsfrist? ');
  await adaPage.locator('.composer textarea').fill(text);
  await adaPage.locator('.composer textarea').press('Enter');
  const atBob = message(bobPage, text);
  await atBob.waitFor({ timeout: LIVE_TIMEOUT });
  assert.equal(await message(adaPage, text).count(), 1, 'the sender sees the message once');

  // Bob reacts; Ada sees the reaction.
  await atBob.hover();
  await atBob.getByRole('button', { name: 'Add reaction' }).click();
  await atBob.getByRole('button', { name: 'React with 👍' }).click();
  const reactionAtAda = message(adaPage, text).locator('.reaction', { hasText: '👍' });
  await reactionAtAda.waitFor({ timeout: LIVE_TIMEOUT });
  await expect(() => reactionAtAda.textContent(), (t) => t.includes('1'));

  // Bob answers in a thread; Ada sees the reply count and the reply in the thread panel.
  await atBob.hover();
  await atBob.getByRole('button', { name: 'Reply in thread' }).click();
  const reply = unique('Drei Monate zum Monatsende. ');
  const threadComposer = bobPage.locator('aside.panel .composer textarea');
  await threadComposer.fill(reply);
  await threadComposer.press('Enter');
  await bobPage.locator('aside.panel article.msg', { hasText: reply }).waitFor({ timeout: LIVE_TIMEOUT });

  const threadLink = message(adaPage, text).locator('.thread-link');
  await threadLink.waitFor({ timeout: LIVE_TIMEOUT });
  await expect(() => threadLink.textContent(), (t) => t.includes('1 reply'));
  assert.equal(await message(adaPage, reply).count(), 0, 'a thread reply stays out of the channel');
  await threadLink.click();
  await adaPage.locator('aside.panel article.msg', { hasText: reply }).waitFor({ timeout: LIVE_TIMEOUT });
});
