import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { DevicesSection } from './pages/devices-section';
import { PasskeysSection } from './pages/passkeys-section';
import { e2eEnvironment } from './support/environment';
import { decodeSession } from './support/session-cookie';
import { VirtualAuthenticator } from './support/virtual-authenticator';

// The session's tokens live in the encrypted cookie and on the server only. This signs in,
// visits every page, runs every Security-page action, and scans every response the browser
// received (HTML, RSC payloads, JS, action results) and every cookie for the tokens in clear.

const env = e2eEnvironment();

/** Collects the text of every response the page receives from the portal. */
function recordResponses(page: Page): { bodies: Promise<{ url: string; text: string }>[] } {
  const record = { bodies: [] as Promise<{ url: string; text: string }>[] };
  page.on('response', (response: Response) => {
    if (!response.url().startsWith(env.portalUrl)) return;
    if (response.status() >= 300 && response.status() < 400) return; // redirects have no body
    record.bodies.push(
      response.text().then(
        (text) => ({ url: response.url(), text }),
        () => ({ url: response.url(), text: '' }),
      ),
    );
  });
  return record;
}

test('no response body and no cookie carries the access, ID or refresh token in clear', async ({ page, context, user, homePage, poolSignInPage }) => {
  const record = recordResponses(page);
  await homePage.goto();
  await homePage.signInButton.click();
  await poolSignInPage.signIn(user);
  await expect(page).toHaveURL(/\/security$/);
  const session = await decodeSession(context);
  expect(session, 'signed in').not.toBeNull();
  const tokens = { access: session!.cognito.accessToken, refresh: session!.cognito.refreshToken };
  expect(tokens.access.split('.')).toHaveLength(3);

  // Every page and every action.
  await VirtualAuthenticator.attach(page);
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();
  await passkeys.addAndExpectAdded();
  await passkeys.expectCount(1);
  await passkeys.delete('Passkey');
  await passkeys.expectCount(0);
  const devices = new DevicesSection(page);
  const [deviceName] = await devices.deviceNames();
  await devices.stopRemembering(deviceName);
  await expect(devices.detail(deviceName, 'Remembered')).toHaveText('No');
  await devices.remember(deviceName);
  await expect(devices.detail(deviceName, 'Remembered')).toHaveText('Yes');
  for (const path of ['/', '/security', '/sign-in', '/no-such-page']) {
    // Settled before the next one: a page's own late requests would otherwise abort the next navigation.
    await page.goto(path, { waitUntil: 'networkidle' });
  }
  // next-auth's JSON endpoints, as the page's own scripts fetch them.
  const apiBodies = await page.evaluate(async (paths) => Promise.all(paths.map(async (path) => ({ url: path, text: await (await fetch(path)).text() }))), [
    '/api/auth/session',
    '/api/auth/csrf',
    '/api/auth/providers',
  ]);

  const bodies = [...(await Promise.all(record.bodies)), ...apiBodies];
  expect(bodies.length).toBeGreaterThan(10);
  expect(bodies.some((b) => b.text.includes('"ok":true')), 'action results were scanned').toBe(true);
  // Whole tokens, and each JWT's signature alone (a token split across chunks still shows it).
  const needles = [tokens.access, tokens.refresh, tokens.access.split('.')[2]];
  for (const { url, text } of bodies) {
    for (const needle of needles) expect(text.includes(needle), `token found in ${url}`).toBe(false);
  }
  for (const cookie of await context.cookies()) {
    for (const needle of needles) expect(cookie.value.includes(needle), `token found in cookie ${cookie.name}`).toBe(false);
  }
  const sessionJson = await (await page.request.get('/api/auth/session')).json();
  expect(Object.keys(sessionJson).sort()).toEqual(['expires', 'user']);
});

test('a server action called from another origin is refused and changes nothing', async ({ page, user, homePage, poolSignInPage, pool }) => {
  await homePage.goto();
  await homePage.signInButton.click();
  await poolSignInPage.signIn(user);
  const devices = new DevicesSection(page);
  const [deviceName] = await devices.deviceNames();

  // The remember/stop-remembering action's ID and arguments, as the page's own call sends them.
  let actionId: string | undefined;
  let actionBody: string | undefined;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.headers()['next-action']) {
      actionId = request.headers()['next-action'];
      actionBody = request.postData() ?? undefined;
    }
  });
  await devices.stopRemembering(deviceName);
  await expect(devices.detail(deviceName, 'Remembered')).toHaveText('No');
  expect(actionId).toBeDefined();
  const before = await pool.deviceStates(user.username);

  // The same call, as a page on another site would make it with the person's cookies.
  const forged = await page.request.post('/security', {
    headers: { 'next-action': actionId!, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin: 'https://evil.example' },
    data: actionBody,
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await forged.text()).not.toContain('"ok":true');
  expect(await pool.deviceStates(user.username)).toEqual(before);
});
