import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, isolatedTest as test } from './fixtures';
import { DevicesSection } from './pages/devices-section';
import { PasskeysSection } from './pages/passkeys-section';
import { PoolSignInPage } from './pages/pool-sign-in-page';
import { PortalSignInPage } from './pages/portal-sign-in-page';
import { SecurityPage } from './pages/security-page';
import type { IsolatedPortal } from './support/isolated-portal';
import { decodeSession } from './support/session-cookie';
import { VirtualAuthenticator } from './support/virtual-authenticator';

// A pool that stalls or is gone, against a pool and portal of this file's own (the global pair
// serves the other specs, which must not see it stop). Everything is real: the production portal,
// the pool over HTTP, Chromium's WebAuthn with a virtual authenticator. Throttling and internal
// errors are covered in passkeys.spec.ts and devices.spec.ts.

/** The injected stall: longer than the portal's SDK request timeout (lib/cognito/client.ts). */
const STALL_MS = 5_000;
/**
 * By when each message must be on screen: a bound on the timeouts and retries the portal
 * configures (two 4 s attempts at most), with room for a busy machine; not a speed figure.
 */
const MESSAGE_BOUND_MS = 20_000;

const TIMED_OUT = 'The sign-in service took too long to answer. Please try again in a moment.';
const OUTCOME_UNKNOWN =
  'The sign-in service took too long to answer, so we cannot tell whether the change was made. Reload the page to see how things stand now before trying again.';
const UNREACHABLE = 'The sign-in service cannot be reached right now. Please try again in a moment.';
const THIS_BROWSER = 'Chrome on Windows';

type PoolUser = {
  credentials: { credentialId: string; friendlyName: string }[];
  devices: { deviceKey: string; name: string; remembered: string }[];
  activeSessions: number;
};

/** What the pool holds for the user: the truth the page is checked against. */
async function atPool(pair: IsolatedPortal, username: string): Promise<PoolUser> {
  const user = await pair.poolControl('GET', `users/${encodeURIComponent(username)}`);
  return {
    credentials: (user.credentials as PoolUser['credentials']).map(({ credentialId, friendlyName }) => ({ credentialId, friendlyName })),
    devices: user.devices as PoolUser['devices'],
    activeSessions: Number(user.activeSessions),
  };
}

const sorted = (names: string[]) => [...names].sort();

/** The page lists exactly what the pool holds. */
async function expectPageMatchesPool(page: Page, pair: IsolatedPortal, username: string) {
  const pool = await atPool(pair, username);
  const passkeys = new PasskeysSection(page);
  const devices = new DevicesSection(page);
  await passkeys.expectReady();
  await passkeys.expectCount(pool.credentials.length);
  expect(sorted(await passkeys.items.getByRole('heading', { level: 3 }).allInnerTexts())).toEqual(sorted(pool.credentials.map((c) => c.friendlyName)));
  await devices.expectListed(pool.devices.length);
  expect(sorted(await devices.deviceNames())).toEqual(sorted(pool.devices.map((d) => d.name)));
  for (const device of pool.devices.filter((d) => d.name !== THIS_BROWSER)) {
    await expect(devices.detail(device.name, 'Remembered')).toHaveText(device.remembered === 'remembered' ? 'Yes' : 'No');
  }
}

/** Sign out everywhere's failures: its own alert, in the page's "If you think someone else has access" section. */
function accessAlerts(page: Page) {
  return page.getByRole('region', { name: 'If you think someone else has access' }).getByRole('alert');
}

async function signOutEverywhere(devices: DevicesSection) {
  await devices.signOutEverywhereButton.click();
  await devices.dialogButton('Sign out everywhere').click();
}

async function signIn(page: Page, pair: IsolatedPortal, user: { username: string; password: string; name: string }) {
  const securityPage = new SecurityPage(page);
  await securityPage.goto();
  await new PoolSignInPage(page, pair.pool.endpoint).signIn(user);
  await securityPage.expectSignedInAs(user.name);
}

/**
 * Signed in, with two passkeys ("Passkey" on this device, "Security key" on a USB key) and three
 * devices (this browser; "Old laptop", remembered; "Tablet", not remembered).
 */
async function signedInWithPasskeysAndDevices(page: Page, pair: IsolatedPortal, user: { username: string; password: string; name: string }) {
  await pair.poolControl('POST', 'devices', { username: user.username, name: 'Old laptop' });
  await pair.poolControl('POST', 'devices', { username: user.username, name: 'Tablet', remembered: false });
  await signIn(page, pair, user);
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();
  const platform = await VirtualAuthenticator.attach(page, { transport: 'internal' });
  await passkeys.addAndExpectAdded();
  await platform.remove();
  const key = await VirtualAuthenticator.attach(page, { transport: 'usb' });
  await passkeys.addAndExpectAdded();
  await key.remove();
  await passkeys.expectCount(2);
  await new DevicesSection(page).expectListed(3);
  await expectPageMatchesPool(page, pair, user.username);
}

function record(testInfo: TestInfo, label: string, started: number): number {
  const elapsed = Date.now() - started;
  testInfo.annotations.push({ type: 'message after', description: `${label}: ${elapsed} ms` });
  return elapsed;
}

/**
 * Runs `act` and waits until `region` (a section's role="alert" region) says `message` anew: the
 * paragraphs it showed before are marked first, and each announcement is a new paragraph, so the
 * same words said again by an earlier action do not count. Records how long it took.
 */
async function expectMessageAfter(testInfo: TestInfo, label: string, region: Locator, act: () => Promise<void>, message: string) {
  await region.locator('p').evaluateAll((paragraphs) => paragraphs.forEach((p) => p.setAttribute('data-said-before', '')));
  const started = Date.now();
  await act();
  await expect(region.locator('p:not([data-said-before])')).toHaveText(message, { timeout: MESSAGE_BOUND_MS });
  record(testInfo, label, started);
}

/** Reloads /security and waits until both sections say `message` (each with "Try again"); records how long it took. */
async function expectLoadFailure(page: Page, testInfo: TestInfo, label: string, message: string, waitUntil: 'commit' | 'load') {
  const started = Date.now();
  await page.reload({ waitUntil });
  await expect(new PasskeysSection(page).alert).toContainText(message, { timeout: MESSAGE_BOUND_MS });
  await expect(new DevicesSection(page).alert).toContainText(message, { timeout: MESSAGE_BOUND_MS });
  record(testInfo, label, started);
}

test.afterEach(async ({ isolatedPortal }) => {
  // Whatever a test did to the pool goes back, pass or fail, for the next test in this worker.
  if (!isolatedPortal.poolRunning()) await isolatedPortal.startPool();
  await isolatedPortal.poolControl('PUT', 'faults', {});
  await isolatedPortal.poolDriver.setTokenLifetimes({ accessTokenTtlSeconds: 3600, idTokenTtlSeconds: 3600 });
});

test('a pool that takes 5 s to answer: the page and every action say so in bounded time, and nothing is lost', async ({ page, isolatedPortal: pair, user }, testInfo) => {
  test.setTimeout(180_000);
  const passkeys = new PasskeysSection(page);
  const devices = new DevicesSection(page);
  const passkeyAlerts = passkeys.region.getByRole('alert');
  const deviceAlerts = devices.region.getByRole('alert');
  const within = { timeout: MESSAGE_BOUND_MS };
  await signedInWithPasskeysAndDevices(page, pair, user);
  const before = await atPool(pair, user.username);
  const stall = (rules: Record<string, { latencyMs: number }> = { '*': { latencyMs: STALL_MS } }) => pair.poolControl('PUT', 'faults', rules);

  // Loading the page: each section says the service is too slow, with "Try again"; the rest of the page is there.
  await stall();
  // 'commit': the load event waits for the whole streamed document.
  await expectLoadFailure(page, testInfo, 'loading /security (both sections)', TIMED_OUT, 'commit');
  await expect(passkeys.tryAgainButton).toBeVisible();
  await expect(devices.retryButton).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Your security settings' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText(/Exception|Error:|ETIMEDOUT|went wrong/);
  expect(await atPool(pair, user.username)).toEqual(before);

  // The stall ends: "Try again" (it reloads the whole page's data) brings both lists back as they were.
  await pair.poolControl('PUT', 'faults', {});
  await passkeys.tryAgainButton.click();
  await expectPageMatchesPool(page, pair, user.username);

  // Starting to add a passkey changes nothing, so the portal may send it twice before saying so.
  await VirtualAuthenticator.attach(page, { transport: 'internal' });
  await stall();
  await expectMessageAfter(testInfo, 'add a passkey (StartWebAuthnRegistration)', passkeyAlerts, () => passkeys.addButton.click(), TIMED_OUT);
  await expect(passkeys.addButton).toHaveAccessibleName('Add a passkey');
  expect(await atPool(pair, user.username)).toEqual(before);

  // Deleting first checks that it would not lock the person out (the list and their sign-in
  // factors). When that check itself cannot be made, nothing is deleted, and the page says so.
  await expectMessageAfter(
    testInfo,
    'delete a passkey (the lockout check stalls)',
    passkeyAlerts,
    async () => {
      await passkeys.chooseAction('Passkey', 'delete');
      await passkeys.confirmDeleteButton.click();
    },
    'The passkey “Passkey” was not deleted. The sign-in service took too long to answer. Please try again in a moment.',
  );
  await expect(passkeys.dialog).toBeHidden();
  expect(await atPool(pair, user.username)).toEqual(before);

  // Changes: the pool carries each one out once its 5 s are up, after the portal stopped waiting.
  // So the portal must not say it failed, nor send it again: it says it cannot tell, and to reload.
  // Only the delete itself stalls here, so the lockout check before it answers.
  await stall({ DeleteWebAuthnCredential: { latencyMs: STALL_MS } });
  await expectMessageAfter(
    testInfo,
    'delete a passkey (DeleteWebAuthnCredential)',
    passkeyAlerts,
    async () => {
      await passkeys.chooseAction('Passkey', 'delete');
      await passkeys.confirmDeleteButton.click();
    },
    'The sign-in service took too long to answer, so we cannot tell whether the passkey “Passkey” was deleted. Reload the page to see your passkeys as they are now.',
  );
  await expect(passkeys.dialog).toBeHidden();
  await expect.poll(async () => (await atPool(pair, user.username)).credentials.map((c) => c.friendlyName), within).toEqual(['Security key']);
  await stall();

  await expectMessageAfter(testInfo, 'forget a device (ForgetDevice)', deviceAlerts, () => devices.forget('Old laptop'), OUTCOME_UNKNOWN);
  await expect(devices.dialog).toBeHidden();
  await expect.poll(async () => (await atPool(pair, user.username)).devices.map((d) => d.name).sort(), within).toEqual(sorted([THIS_BROWSER, 'Tablet']));

  await expectMessageAfter(testInfo, 'remember a device (UpdateDeviceStatus)', deviceAlerts, () => devices.remember('Tablet'), OUTCOME_UNKNOWN);
  await expect(devices.detail('Tablet', 'Remembered'), 'the page does not claim a change it cannot confirm').toHaveText('No');
  await expect.poll(async () => (await atPool(pair, user.username)).devices.find((d) => d.name === 'Tablet')?.remembered, within).toBe('remembered');

  // Finishing a passkey: only CompleteWebAuthnRegistration stalls, so the ceremony itself runs.
  await stall({ CompleteWebAuthnRegistration: { latencyMs: STALL_MS } });
  await expectMessageAfter(
    testInfo,
    'finish adding a passkey (CompleteWebAuthnRegistration)',
    passkeyAlerts,
    () => passkeys.addButton.click(),
    'The sign-in service took too long to answer, so we cannot tell whether the passkey was added. Reload the page to see your passkeys before adding it again.',
  );
  await expect.poll(async () => (await atPool(pair, user.username)).credentials.length, within).toBe(2);

  await stall();
  await expectMessageAfter(testInfo, 'sign out everywhere (GlobalSignOut)', accessAlerts(page), () => signOutEverywhere(devices), OUTCOME_UNKNOWN);
  await expect(page).toHaveURL(/\/security$/);
  await expect.poll(async () => (await atPool(pair, user.username)).activeSessions, within).toBe(0);

  // The stall ends. The late sign-out ended this session, so reloading asks for sign-in; after it
  // the page shows exactly what the pool holds, and nothing was lost that was not asked for.
  await pair.poolControl('PUT', 'faults', {});
  await page.reload();
  await new PortalSignInPage(page).expectShown('/security');
  await new PortalSignInPage(page).signInButton.click();
  await new PoolSignInPage(page, pair.pool.endpoint).signIn(user);
  await new SecurityPage(page).expectSignedInAs(user.name);
  await expectPageMatchesPool(page, pair, user.username);
  const after = await atPool(pair, user.username);
  const kept = (list: { credentialId: string }[]) => list.map((c) => c.credentialId);
  expect(kept(after.credentials)).toEqual(expect.arrayContaining(kept(before.credentials.filter((c) => c.friendlyName !== 'Passkey'))));
  for (const device of before.devices.filter((d) => d.name !== 'Old laptop')) {
    expect(after.devices.map((d) => d.deviceKey), `${device.name} is kept`).toContain(device.deviceKey);
  }
});

test('a stopped pool: the page and every action say it cannot be reached, and once it is back everything is as before and works', async ({
  page,
  isolatedPortal: pair,
  user,
}, testInfo) => {
  test.setTimeout(120_000);
  const passkeys = new PasskeysSection(page);
  const devices = new DevicesSection(page);
  const passkeyAlerts = passkeys.region.getByRole('alert');
  const deviceAlerts = devices.region.getByRole('alert');
  await signedInWithPasskeysAndDevices(page, pair, user);
  const before = await atPool(pair, user.username);

  // The pool stops between the two halves of adding a passkey: the ceremony has run, the finish cannot be sent.
  const authenticator = await VirtualAuthenticator.attach(page, { transport: 'internal' });
  await page.route('**/security', async (route) => {
    if (route.request().method() === 'POST' && route.request().postData()?.includes('attestationObject')) await pair.stopPool();
    await route.continue();
  });
  await expectMessageAfter(testInfo, 'finish adding a passkey (CompleteWebAuthnRegistration)', passkeyAlerts, () => passkeys.addButton.click(), UNREACHABLE);
  await page.unroute('**/security');
  expect(pair.poolRunning()).toBe(false);
  expect(await authenticator.credentials(), 'the browser did make the passkey').toHaveLength(1);
  await passkeys.expectCount(2);

  await expectMessageAfter(testInfo, 'add a passkey (StartWebAuthnRegistration)', passkeyAlerts, () => passkeys.addButton.click(), UNREACHABLE);

  await expectMessageAfter(
    testInfo,
    'delete a passkey (DeleteWebAuthnCredential)',
    passkeyAlerts,
    async () => {
      await passkeys.chooseAction('Passkey', 'delete');
      await passkeys.confirmDeleteButton.click();
    },
    `The passkey “Passkey” was not deleted. ${UNREACHABLE}`,
  );
  await expect(passkeys.dialog).toBeHidden();
  await expect(passkeys.item('Passkey')).toBeVisible();

  await expectMessageAfter(testInfo, 'forget a device (ForgetDevice)', deviceAlerts, () => devices.forget('Old laptop'), UNREACHABLE);
  await expect(devices.item('Old laptop')).toBeVisible();

  await expectMessageAfter(testInfo, 'stop remembering a device (UpdateDeviceStatus)', deviceAlerts, () => devices.stopRemembering('Old laptop'), UNREACHABLE);
  await expect(devices.detail('Old laptop', 'Remembered')).toHaveText('Yes');

  await expectMessageAfter(testInfo, 'sign out everywhere (GlobalSignOut)', accessAlerts(page), () => signOutEverywhere(devices), UNREACHABLE);
  await expect(page).toHaveURL(/\/security$/);

  // Loading the page: the person is still signed in here, and each section says why it is empty.
  await expectLoadFailure(page, testInfo, 'loading /security (both sections)', UNREACHABLE, 'load');
  await new SecurityPage(page).expectSignedInAs(user.name);
  await expect(passkeys.tryAgainButton).toBeVisible();
  await expect(devices.retryButton).toBeVisible();
  await expect(page.locator('main')).not.toContainText(/Exception|Error:|ECONNREFUSED|went wrong/);

  // The pool is back (same port, same state): "Try again" shows everything as it was.
  await pair.startPool();
  await devices.retryButton.click();
  await expectPageMatchesPool(page, pair, user.username);
  expect(await atPool(pair, user.username)).toEqual(before);

  // …and it works again.
  await authenticator.remove();
  await VirtualAuthenticator.attach(page, { transport: 'internal' });
  await passkeys.addAndExpectAdded();
  await devices.forget('Old laptop');
  await expect(devices.status).toHaveText('Old laptop was forgotten.');
  const after = await atPool(pair, user.username);
  expect(after.credentials).toHaveLength(3);
  expect(after.devices.map((d) => d.name)).not.toContain('Old laptop');
  await page.reload();
  await expectPageMatchesPool(page, pair, user.username);
});

test('a stopped pool: an expiring session and signing in end on a clear page, and work once it is back', async ({ page, browser, isolatedPortal: pair, user }, testInfo) => {
  const devices = new DevicesSection(page);
  const passkeys = new PasskeysSection(page);

  // An access token close to its end, with the pool gone: the refresh cannot happen, the session stays.
  await pair.poolDriver.setTokenLifetimes({ accessTokenTtlSeconds: 6, idTokenTtlSeconds: 6 });
  await signIn(page, pair, user);
  await devices.expectListed(1);
  const first = (await decodeSession(page.context(), pair))!.cognito;
  await pair.stopPool();
  // The portal refreshes in the last half of a short lifetime: wait until this one is due.
  await page.waitForTimeout(Math.max(0, (first.accessTokenExpiresAt - first.accessTokenLifetimeSeconds / 2) * 1000 - Date.now() + 500));
  await expectLoadFailure(page, testInfo, 'loading /security with a refresh due', UNREACHABLE, 'load');
  await new SecurityPage(page).expectSignedInAs(user.name);
  expect((await decodeSession(page.context(), pair))!.cognito.accessToken, 'the session is kept for when the pool is back').toBe(first.accessToken);

  // Signing in: the portal cannot reach the pool to start; it says so on its own page.
  const stranger = await browser.newContext({ baseURL: pair.portalUrl });
  const other = await stranger.newPage();
  const signInPage = new PortalSignInPage(other);
  const started = Date.now();
  await other.goto('/security');
  await expect(signInPage.notice).toHaveText('Signing in could not start because the sign-in service did not answer. Please try again in a moment.', {
    timeout: MESSAGE_BOUND_MS,
  });
  record(testInfo, 'signing in', started);
  await expect(other).toHaveURL((url) => url.origin === pair.portalUrl && url.pathname === '/sign-in');
  await signInPage.expectShown('/security');

  // The pool is back: the session is refreshed and the lists load; signing in works.
  await pair.startPool();
  await devices.retryButton.click();
  await devices.expectListed(1);
  await passkeys.expectReady();
  expect((await decodeSession(page.context(), pair))!.cognito.accessToken).not.toBe(first.accessToken);
  await signInPage.signInButton.click();
  await new PoolSignInPage(other, pair.pool.endpoint).signIn(user);
  await new SecurityPage(other).expectSignedInAs(user.name);
  await stranger.close();
});
