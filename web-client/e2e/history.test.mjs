// Reading history: the "new messages" line at the read position, scrolling back page by page,
// a permalink that opens the conversation around its message, and @ and : autocomplete.
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

test('unread line, infinite scroll back, permalink jump and autocomplete', async () => {
  const ada = await admin();
  const emil = await invitePerson('emil', 'Emil Engel');
  const { channel } = await spaceWith(ada, 'Archiv', [emil]);
  const tag = unique('h');
  const posted = [];
  for (let i = 1; i <= 80; i++) posted.push(await ada.post(channel.id, `Eintrag ${i} ${tag}`));
  // Emil has read up to entry 75; 76 to 80 are new for him.
  await emil.ok('PUT', `/api/v1/conversations/${channel.id}/read-position`, { messageId: posted[74].id });

  const page = await (await emil.context(browser)).newPage();
  await openConversation(page, channel.id);
  await message(page, `Eintrag 80 ${tag}`).waitFor({ timeout: LIVE_TIMEOUT });
  const rows = await page.locator('.history-list > li').evaluateAll((lis) =>
    lis.map((li) => (li.querySelector('.unread-line') ? 'UNREAD' : li.querySelector('.msg-body')?.textContent?.trim() ?? '')));
  const line = rows.indexOf('UNREAD');
  assert.ok(line > 0, 'the new-messages line is shown');
  assert.ok(rows[line - 1].startsWith('Eintrag 75 '), `the line follows the last read message: ${rows[line - 1]}`);
  assert.ok(rows[line + 1].startsWith('Eintrag 76 '), `the line precedes the first unread message: ${rows[line + 1]}`);
  assert.ok(await page.locator('.day-sep').count() >= 1, 'a day separator is shown');
  assert.equal(await message(page, `Eintrag 1 ${tag}`).count(), 0, 'the first page holds only the newest messages');

  // Scrolling up loads older pages until the beginning.
  await expect(async () => {
    await page.locator('.history').evaluate((el) => { el.scrollTop = 0; });
    return message(page, `Eintrag 1 ${tag}`).count();
  }, (n) => n === 1, 30_000);
  await page.getByText('This is the beginning of the conversation.').waitFor({ timeout: LIVE_TIMEOUT });
  assert.equal(await page.locator('article.msg', { hasText: tag }).count(), 80, 'every message once');

  // A permalink opens the conversation around its message, highlighted.
  await page.goto(`/messages/${posted[9].id}`);
  await page.waitForURL(new RegExp(`/c/${channel.id}\\?around=${posted[9].id}`), { timeout: LIVE_TIMEOUT });
  const target = page.locator(`article.msg.highlight[data-message-id="${posted[9].id}"]`);
  await target.waitFor({ timeout: LIVE_TIMEOUT });
  assert.ok(await target.isVisible());
  await page.getByRole('button', { name: 'Jump to the latest messages' }).click();
  await message(page, `Eintrag 80 ${tag}`).waitFor({ timeout: LIVE_TIMEOUT });

  // @ suggests people, : suggests emoji; choosing inserts them.
  const composer = page.locator('.composer textarea');
  await composer.fill('');
  await composer.pressSequentially(`Frage an @${ada.account.username.slice(0, 3)}`);
  await page.getByRole('option', { name: /Ada Admin/ }).waitFor({ timeout: LIVE_TIMEOUT });
  await composer.press('Enter');
  await composer.pressSequentially('danke :thumbs');
  await page.getByRole('option', { name: /:thumbsup:/ }).waitFor({ timeout: LIVE_TIMEOUT });
  await composer.press('Enter');
  assert.equal(await composer.inputValue(), `Frage an @${ada.account.username} danke 👍 `);
});
