// First run and joining: the administrator sets the installation up through the setup form (on a
// fresh server), creates an invitation link in the profile, and a new person accepts it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { admin, ADMIN_USER, BASE_URL, launch, LIVE_TIMEOUT, PASSWORD, SETUP_TOKEN, unique } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const options = { baseURL: BASE_URL, locale: 'en-GB', timezoneId: 'Europe/Berlin' };

test('first-run setup, an invitation link and its acceptance', async () => {
  const status = await (await fetch(`${BASE_URL}/api/v1/setup`)).json();
  let adminPage;
  if (status.setupRequired) {
    assert.ok(SETUP_TOKEN, 'a fresh server needs QF_SETUP_TOKEN');
    adminPage = await (await browser.newContext(options)).newPage();
    await adminPage.goto('/');
    await adminPage.getByRole('heading', { name: 'Set up Querfunk' }).waitFor({ timeout: LIVE_TIMEOUT });
    await adminPage.getByLabel('Setup token').fill(SETUP_TOKEN);
    await adminPage.getByLabel('Username').fill(ADMIN_USER);
    await adminPage.getByLabel('Display name').fill('Ada Admin');
    await adminPage.getByLabel('E-mail').fill(`${ADMIN_USER}@example.org`);
    await adminPage.getByLabel('Password').fill(PASSWORD);
    await adminPage.getByRole('button', { name: 'Create administrator' }).click();
    await adminPage.getByRole('complementary', { name: 'Main navigation' }).waitFor({ timeout: LIVE_TIMEOUT });
    assert.equal(new URL(adminPage.url()).pathname, '/');
  } else {
    adminPage = await (await (await admin()).context(browser)).newPage();
  }

  await adminPage.goto('/profile');
  await adminPage.getByRole('button', { name: 'Create invitation link' }).click();
  const link = adminPage.getByTestId('invite-url');
  await link.waitFor({ timeout: LIVE_TIMEOUT });
  const url = new URL(await link.inputValue());
  assert.match(url.pathname, /^\/invite\/.+/);

  const page = await (await browser.newContext(options)).newPage();
  await page.goto(url.pathname);
  await page.getByRole('heading', { name: 'Join Querfunk' }).waitFor({ timeout: LIVE_TIMEOUT });
  const username = unique('nina');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Display name').fill('Nina Neu');
  await page.getByLabel('E-mail').fill(`${username}@example.org`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('link', { name: 'Profile: Nina Neu' }).waitFor({ timeout: LIVE_TIMEOUT });
  assert.equal(new URL(page.url()).pathname, '/', 'the new person lands in the app');

  // The link works once.
  const again = await (await browser.newContext(options)).newPage();
  await again.goto(url.pathname);
  await again.getByText('This invitation link is no longer valid').waitFor({ timeout: LIVE_TIMEOUT });
});
