import AxeBuilder from '@axe-core/playwright';
import { CognitoIdentityProviderClient, ForgetDeviceCommand, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Page, Request } from '@playwright/test';
import { expect, test as base } from './fixtures';
import { DevicesSection } from './pages/devices-section';
import { PoolSignInPage } from './pages/pool-sign-in-page';
import { PortalSignInPage } from './pages/portal-sign-in-page';
import { SecurityPage } from './pages/security-page';
import { e2eEnvironment } from './support/environment';
import { poolControl } from './support/pool';
import { decodeSession, sessionCookies } from './support/session-cookie';

const test = base.extend<{ devices: DevicesSection }>({
  devices: async ({ page }, provide) => provide(new DevicesSection(page)),
});

// The browser's User-Agent is Playwright's "Desktop Chrome" one (Windows); the pool names the
// device it records at sign-in from it.
const THIS_BROWSER = 'Chrome on Windows';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

type PoolDevice = { deviceKey: string; name: string; remembered: 'remembered' | 'not_remembered' };

const control = poolControl;

async function seedDevices(username: string, options: { count?: number; name?: string; lastIp?: string; remembered?: boolean } = {}): Promise<string[]> {
  const { devices } = await control('POST', 'devices', { username, count: options.count ?? 1, ...options });
  return devices as string[];
}

async function poolDevices(username: string): Promise<PoolDevice[]> {
  return (await control('GET', `users/${encodeURIComponent(username)}`)).devices as PoolDevice[];
}

async function setFaults(rules: Record<string, { error?: string; latencyMs?: number; rate?: number }>): Promise<void> {
  await control('PUT', 'faults', rules);
}

/** The Cognito API of the pool, called from outside the portal (as another app of the user would). */
function cognito() {
  const env = e2eEnvironment();
  return new CognitoIdentityProviderClient({ region: env.pool.region, endpoint: env.pool.endpoint, maxAttempts: 1 });
}

function accessTokenClaims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function signIn(pages: { securityPage: SecurityPage; portalSignInPage: PortalSignInPage; poolSignInPage: PoolSignInPage }, user: { username: string; password: string; name: string }) {
  await pages.securityPage.goto();
  await pages.poolSignInPage.signIn(user);
  await pages.securityPage.expectSignedInAs(user.name);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.afterEach(async () => {
  await setFaults({});
});

test('lists this browser as "This device" and every device across pages', async ({ page, context, user, devices, securityPage, portalSignInPage, poolSignInPage }) => {
  expect(await page.evaluate(() => navigator.userAgent), 'the device name below follows from this User-Agent').toContain('Windows NT');
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);

  // The pool recorded this browser at sign-in; the access token names it.
  await devices.expectListed(1);
  const current = devices.item(THIS_BROWSER);
  await expect(current).toBeVisible();
  await expect(current.getByText('This device', { exact: true })).toBeVisible();
  await expect(devices.detail(THIS_BROWSER, 'Remembered')).toHaveText('Yes');
  await expect(devices.detail(THIS_BROWSER, 'Last IP address')).toHaveText(/\d|:/);
  await expect(devices.detail(THIS_BROWSER, 'Last signed in')).toContainText(/ago|just now/);
  const { accessToken } = (await decodeSession(context))!.cognito;
  const [recorded] = await poolDevices(user.username);
  expect(accessTokenClaims(accessToken).device_key).toBe(recorded.deviceKey);

  // More than one page of ListDevices (its largest page is 60): every one is listed.
  await seedDevices(user.username, { count: 65 }); // "Seeded device 1" … "Seeded device 65"
  await seedDevices(user.username, { name: IPHONE_SAFARI, lastIp: '203.0.113.9', remembered: false });
  await page.reload();
  // This device and the five most recently active are shown; the rest on demand, from the server.
  await devices.expectListed(6);
  expect((await devices.deviceNames())[0], 'this device comes first').toBe(THIS_BROWSER);
  await devices.showAll(67);
  expect(new URL(page.url()).searchParams.get('devices')).toBe('all');
  const names = await devices.deviceNames();
  expect(names[0], 'this device comes first').toBe(THIS_BROWSER);
  expect(new Set(names)).toEqual(new Set([THIS_BROWSER, 'Safari on iOS', ...Array.from({ length: 65 }, (_, i) => `Seeded device ${i + 1}`)]));
  await expect(devices.region.getByText('This device', { exact: true })).toHaveCount(1);

  // A raw User-Agent stored as the name is shown as browser and system.
  await expect(devices.detail('Safari on iOS', 'Last IP address')).toHaveText('203.0.113.9');
  await expect(devices.detail('Safari on iOS', 'Remembered')).toHaveText('No');
  await expect(devices.region).not.toContainText('Mozilla/5.0');
  // Nothing in the page carries the access token.
  expect(await page.content()).not.toContain(accessToken);

  // Two devices of the same name: their buttons still say which is which.
  await seedDevices(user.username, { count: 2, name: 'Kitchen tablet' });
  await page.reload(); // still ?devices=all
  await devices.expectListed(69);
  await expect(devices.item('Kitchen tablet')).toHaveCount(2);
  for (const label of ['Kitchen tablet (1 of 2)', 'Kitchen tablet (2 of 2)']) {
    await expect(devices.actionsButton(label)).toHaveCount(1);
    expect(await devices.offers(label, 'Forget'), `${label} can be forgotten`).toBe(true);
    expect(await devices.offers(label, 'Stop remembering'), `${label} can stop being remembered`).toBe(true);
  }
});

test('forgets a device after confirmation, by keyboard; Escape cancels', async ({ page, user, devices, securityPage, portalSignInPage, poolSignInPage }) => {
  await seedDevices(user.username, { name: 'Old laptop' });
  await seedDevices(user.username, { name: 'Work phone' });
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);
  await devices.expectListed(3);

  // Escape closes the dialog, changes nothing, and gives focus back to the menu button that opened it.
  const forget = devices.actionsButton('Old laptop');
  const chooseForget = async (open: 'Enter' | 'Space') => {
    await page.keyboard.press(open);
    await expect(devices.menuItem('Stop remembering'), 'the menu opens on its first item').toBeFocused();
    await page.keyboard.press('End');
    await expect(devices.menuItem('Forget')).toBeFocused();
    await page.keyboard.press('Enter');
  };
  await forget.focus();
  await chooseForget('Enter');
  await expect(devices.dialog).toBeVisible();
  await expect(devices.dialog.getByRole('heading', { name: 'Forget Old laptop?' })).toBeVisible();
  await expect(devices.dialogButton('Cancel'), 'Cancel takes focus first').toBeFocused();
  // The modal dialog holds focus: tabbing never reaches the page behind it.
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement?.closest('dialog[open]') !== null)).toBe(true);
  }
  await devices.dialogButton('Cancel').focus();
  await page.keyboard.press('Escape');
  await expect(devices.dialog).toBeHidden();
  await expect(forget).toBeFocused();
  await devices.expectListed(3);
  expect((await poolDevices(user.username)).map((d) => d.name)).toContain('Old laptop');

  // Cancel does the same.
  await chooseForget('Space');
  await expect(devices.dialog).toBeVisible();
  await page.keyboard.press('Enter'); // on Cancel
  await expect(devices.dialog).toBeHidden();
  await expect(forget).toBeFocused();
  await devices.expectListed(3);

  // Confirming forgets it: in the pool, in the list, announced, and focus stays in the list.
  await chooseForget('Enter');
  await expect(devices.dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(devices.dialogButton('Forget device')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(devices.status).toHaveText('Old laptop was forgotten.');
  await expect(devices.dialog).toBeHidden();
  await devices.expectListed(2);
  await expect(devices.item('Old laptop')).toHaveCount(0);
  expect((await poolDevices(user.username)).map((d) => d.name).sort()).toEqual([THIS_BROWSER, 'Work phone']);
  expect(await page.evaluate(() => document.activeElement?.closest('ul[aria-label="Your devices"]') !== null)).toBe(true);
  await expect(devices.alert).toHaveCount(0);

  // The dialog for this browser says it will be forgotten but stays signed in.
  await devices.choose(THIS_BROWSER, 'Forget');
  await expect(devices.dialog).toContainText('This is the browser you are using now');
  await expect(devices.dialog).toContainText('You stay signed in here until this session ends');
  await devices.dialogButton('Forget device').click();
  await expect(devices.status).toHaveText(`${THIS_BROWSER} was forgotten.`);
  await devices.expectListed(1);
  await page.reload();
  await securityPage.expectSignedInAs(user.name);
  await expect(devices.item('Work phone')).toBeVisible();
});

test('switches a device between remembered and not remembered', async ({ page, user, devices, securityPage, portalSignInPage, poolSignInPage }) => {
  const [key] = await seedDevices(user.username, { name: 'Tablet' });
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);
  const remembered = async () => (await poolDevices(user.username)).find((d) => d.deviceKey === key)?.remembered;

  await expect(devices.detail('Tablet', 'Remembered')).toHaveText('Yes');
  await expect(devices.secondaryLine('Tablet')).not.toContainText('Not remembered');
  const menuButton = devices.actionsButton('Tablet');
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(devices.menuItem('Stop remembering')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(devices.status).toHaveText('Tablet is no longer remembered.');
  await expect(devices.detail('Tablet', 'Remembered')).toHaveText('No');
  await expect(devices.secondaryLine('Tablet')).toContainText('Not remembered');
  await expect(menuButton, 'focus stays on the row’s menu button').toBeFocused();
  expect(await remembered()).toBe('not_remembered');

  await page.keyboard.press('Enter');
  await expect(devices.menuItem('Remember'), 'the menu now offers the other way').toBeFocused();
  await page.keyboard.press('Enter');
  await expect(devices.status).toHaveText('Tablet is now remembered.');
  await expect(devices.detail('Tablet', 'Remembered')).toHaveText('Yes');
  await expect(menuButton).toBeFocused();
  expect(await remembered()).toBe('remembered');

  // A failure is explained and changes nothing; the last result goes as soon as the next action starts.
  await setFaults({ UpdateDeviceStatus: { error: 'InternalErrorException', latencyMs: 1_500 } });
  await page.keyboard.press('Enter');
  await expect(devices.menuItem('Stop remembering')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(devices.status, 'the earlier result is gone while this one is under way').toHaveCount(0);
  await expect(devices.alert).toHaveText('The sign-in service is not responding right now. Please try again in a moment.');
  await expect(devices.detail('Tablet', 'Remembered')).toHaveText('Yes');
  expect(await remembered()).toBe('remembered');
});

test('a device already forgotten elsewhere is explained and the list refreshed', async ({ context, user, devices, securityPage, portalSignInPage, poolSignInPage }) => {
  const [spare, tablet] = [...(await seedDevices(user.username, { name: 'Spare phone' })), ...(await seedDevices(user.username, { name: 'Tablet' }))];
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);
  await devices.expectListed(3);

  // Another app of the user forgets both devices with the Cognito API while the page is open.
  const { accessToken } = (await decodeSession(context))!.cognito;
  await cognito().send(new ForgetDeviceCommand({ AccessToken: accessToken, DeviceKey: spare }));
  await cognito().send(new ForgetDeviceCommand({ AccessToken: accessToken, DeviceKey: tablet }));

  await devices.forget('Spare phone');
  await expect(devices.status).toHaveText('Spare phone had already been forgotten, perhaps from another device. The list has been updated.');
  await expect(devices.dialog).toBeHidden();
  // The refreshed list no longer has either.
  await devices.expectListed(1);
  await expect(devices.item(THIS_BROWSER)).toBeVisible();
  await expect(devices.alert).toHaveCount(0);
});

test('a device gone before a remembered switch is explained too', async ({ context, user, devices, securityPage, portalSignInPage, poolSignInPage }) => {
  const [key] = await seedDevices(user.username, { name: 'Tablet' });
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);
  const { accessToken } = (await decodeSession(context))!.cognito;
  await cognito().send(new ForgetDeviceCommand({ AccessToken: accessToken, DeviceKey: key }));

  await devices.stopRemembering('Tablet');
  await expect(devices.alert).toContainText('Tablet is no longer one of your devices');
  await devices.expectListed(1);
});

test('faults in the pool are explained with a retry, the rest of the page still works, and nothing is lost', async ({
  page,
  user,
  devices,
  securityPage,
  portalSignInPage,
  poolSignInPage,
}) => {
  await seedDevices(user.username, { count: 3 });
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);
  await devices.expectListed(4);
  const passkeys = page.getByRole('region', { name: 'Passkeys' });

  // A slow ListDevices: the section shows its skeleton while the rest of the page is already there.
  // (Only until the response starts: the load event waits for the whole streamed document.)
  // Checked while the skeleton shows, list first: on a busy machine the other checks take time.
  await setFaults({ ListDevices: { latencyMs: 2_500 } }); // under the SDK's request timeout (lib/cognito/client.ts)
  await page.reload({ waitUntil: 'commit' });
  await expect(devices.loading).toBeVisible();
  await expect(devices.list).toHaveCount(0);
  await expect(securityPage.heading).toBeVisible();
  await expect(passkeys.getByRole('heading', { name: 'Passkeys' })).toBeVisible();
  await devices.expectListed(4);
  await expect(devices.loading).toHaveCount(0);

  // Throttling (after the SDK's own retry): explained, with a retry; Passkeys still renders.
  await setFaults({ ListDevices: { error: 'TooManyRequestsException' } });
  await page.reload();
  await expect(devices.alert).toContainText('There have been too many requests in a short time. Please try again in a moment.');
  await expect(devices.retryButton).toBeVisible();
  await expect(devices.list).toHaveCount(0);
  await expect(passkeys.getByRole('heading', { name: 'Passkeys' })).toBeVisible();
  await expect(passkeys).not.toContainText('too many requests');
  await expect(devices.signOutEverywhereButton, 'signing out everywhere does not depend on the list').toBeVisible();
  await expect(page.locator('main')).not.toContainText(/Exception|Error:|at .*\.js/);

  // An internal error: explained, with a retry.
  await setFaults({ ListDevices: { error: 'InternalErrorException' } });
  await devices.retryButton.click();
  await expect(devices.alert).toContainText('The sign-in service is not responding right now. Please try again in a moment.');
  await expect(page.locator('main')).not.toContainText(/Exception|Error:|at .*\.js/);

  // The fault clears: "Try again" brings back every device.
  await setFaults({});
  await devices.retryButton.click();
  await devices.expectListed(4);
  await expect(devices.retryButton).toHaveCount(0);

  // A failed forget keeps the device and says why, without details.
  await setFaults({ ForgetDevice: { error: 'TooManyRequestsException' } });
  await devices.forget('Seeded device 2');
  await expect(devices.alert).toHaveText('There have been too many requests in a short time. Please try again in a moment.');
  await expect(devices.dialog).toBeHidden();
  await devices.expectListed(4);
  expect((await poolDevices(user.username)).map((d) => d.name)).toContain('Seeded device 2');
});

test('a forged action call with bad input changes nothing', async ({ page, pool, user, devices, securityPage, portalSignInPage, poolSignInPage }) => {
  await seedDevices(user.username, { name: 'Old laptop' });
  await seedDevices(user.username, { name: 'Tablet' });
  const stranger = await pool.createUser('E2E stranger');
  const [strangersDevice] = await seedDevices(stranger.username, { name: "Stranger's laptop" });
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);

  // Capture the real requests the page makes for both actions.
  const actionRequest = () => page.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined);
  const forgetting = actionRequest();
  await devices.forget('Old laptop');
  const forgetCall = await forgetting;
  await expect(devices.status).toHaveText('Old laptop was forgotten.');
  const switching = actionRequest();
  await devices.stopRemembering('Tablet');
  const switchCall = await switching;
  await expect(devices.status).toHaveText('Tablet is no longer remembered.');

  const before = await poolDevices(user.username);
  const replay = async (call: Request, body: string) => {
    const headers = await call.allHeaders();
    const response = await page.request.post(call.url(), {
      headers: {
        'next-action': headers['next-action'],
        'next-router-state-tree': headers['next-router-state-tree'] ?? '',
        'content-type': headers['content-type'] ?? 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
        origin: new URL(call.url()).origin,
      },
      data: body,
    });
    return response.text();
  };

  const tablet = before.find((d) => d.name === 'Tablet')!.deviceKey;
  for (const body of [JSON.stringify(['../../etc/passwd']), JSON.stringify(['']), JSON.stringify([`${tablet}x`.repeat(3)]), JSON.stringify([42]), JSON.stringify([{ deviceKey: tablet }]), '[]']) {
    expect(await replay(forgetCall, body), body).toContain('"code":"invalid-input"');
  }
  for (const body of [JSON.stringify([tablet, 'bogus']), JSON.stringify([tablet, true]), JSON.stringify([tablet]), JSON.stringify(['nope', 'remembered'])]) {
    expect(await replay(switchCall, body), body).toContain('"code":"invalid-input"');
  }
  // A well-formed key that is someone else's: Cognito refuses it, and their device stays.
  expect(await replay(forgetCall, JSON.stringify([strangersDevice]))).toContain('"code":"not-found"');
  expect(await replay(switchCall, JSON.stringify([strangersDevice, 'not_remembered']))).toContain('"code":"not-found"');

  expect(await poolDevices(user.username)).toEqual(before);
  expect(await poolDevices(stranger.username)).toEqual([{ deviceKey: strangersDevice, name: "Stranger's laptop", remembered: 'remembered' }]);
});

test('a session revoked elsewhere leads to sign-in again and back to the devices', async ({ page, context, user, devices, securityPage, portalSignInPage, poolSignInPage }) => {
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);
  const { accessToken } = (await decodeSession(context))!.cognito;
  // Another app of the user signs out everywhere: this session's token is now refused.
  await cognito().send(new GlobalSignOutCommand({ AccessToken: accessToken }));

  await page.reload();
  await portalSignInPage.expectShown('/security');
  await expect(portalSignInPage.notice).toContainText('Your session has ended');
  await portalSignInPage.signInButton.click();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
  await expect(devices.item(THIS_BROWSER)).toBeVisible();
});

test('an action with a revoked session leads to sign-in again; signing out everywhere with one ends it here', async ({
  page,
  context,
  user,
  devices,
  securityPage,
  portalSignInPage,
  poolSignInPage,
}) => {
  await seedDevices(user.username, { name: 'Old laptop' });
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);
  const revokeThisSession = async () => {
    const { accessToken } = (await decodeSession(context))!.cognito;
    await cognito().send(new GlobalSignOutCommand({ AccessToken: accessToken }));
  };

  // Forget, with a token the pool no longer accepts: to sign-in, then back, and nothing was forgotten.
  await revokeThisSession();
  await devices.forget('Old laptop');
  await portalSignInPage.expectShown('/security');
  await expect(portalSignInPage.notice).toContainText('Your session has ended');
  await portalSignInPage.signInButton.click();
  await poolSignInPage.signIn(user);
  await securityPage.expectSignedInAs(user.name);
  await expect(devices.item('Old laptop')).toBeVisible();

  // Sign out everywhere, with a token the pool no longer accepts: this session's cookies go too.
  await revokeThisSession();
  await devices.signOutEverywhereButton.click();
  await devices.dialogButton('Sign out everywhere').click();
  await portalSignInPage.expectShown('/security');
  await expect(portalSignInPage.notice).toContainText('Your session has ended');
  expect(await sessionCookies(context)).toEqual([]);
  await page.goto('/security');
  await poolSignInPage.expectShown();
});

test('signs out everywhere: this session and every other, and the old tokens stop working', async ({
  page,
  browser,
  context,
  pool,
  user,
  devices,
  homePage,
  securityPage,
  portalSignInPage,
  poolSignInPage,
}) => {
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);
  const mine = (await decodeSession(context))!.cognito;

  // The same person is also signed in on another browser.
  const elsewhere = await browser.newContext({ baseURL: e2eEnvironment().portalUrl });
  try {
    const otherPage = await elsewhere.newPage();
    await signIn({ securityPage: new SecurityPage(otherPage), portalSignInPage: new PortalSignInPage(otherPage), poolSignInPage: new PoolSignInPage(otherPage) }, user);
    const theirs = (await decodeSession(elsewhere))!.cognito;
    expect(await pool.activeSessions(user.username)).toBe(2);

    // The dialog says what happens; Escape leaves everything as it was.
    await page.reload();
    await devices.signOutEverywhereButton.click();
    await expect(devices.dialog).toContainText('Every device and app signed in to your account will be signed out, including this browser.');
    await page.keyboard.press('Escape');
    await expect(devices.dialog).toBeHidden();
    await expect(devices.signOutEverywhereButton).toBeFocused();
    expect(await pool.getUser(mine.accessToken)).toEqual({ ok: true, username: user.username });

    // Confirm: this browser leaves through the pool's /logout and comes back signed out.
    const poolLogout = page.waitForRequest((request) => request.url().startsWith(`${pool.info.endpoint}/logout?`));
    await page.keyboard.press('Enter');
    await devices.dialogButton('Sign out everywhere').click();
    expect(new URL((await poolLogout).url()).searchParams.get('client_id')).toBe(pool.info.clientId);
    await homePage.expectShown();
    expect(await sessionCookies(context)).toEqual([]);
    await securityPage.goto();
    await poolSignInPage.expectShown();

    // Every token of every sign-in is refused by the pool now.
    expect(await pool.getUser(mine.accessToken)).toEqual({ ok: false, error: 'NotAuthorizedException' });
    expect(await pool.getUser(theirs.accessToken)).toEqual({ ok: false, error: 'NotAuthorizedException' });
    expect((await pool.refreshAtTokenEndpoint(mine.refreshToken)).status).toBe(400);
    expect((await pool.refreshAtTokenEndpoint(theirs.refreshToken)).status).toBe(400);
    expect(await pool.activeSessions(user.username)).toBe(0);

    // The pool's own sign-in session ended too: signing in asks for the password again.
    await poolSignInPage.expectShown();
    await expect(poolSignInPage.password).toHaveValue('');
  } finally {
    await elsewhere.close();
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the Devices section passes axe in the ${colorScheme} theme`, async ({ page, user, devices, securityPage, portalSignInPage, poolSignInPage }) => {
    await page.emulateMedia({ colorScheme });
    await seedDevices(user.username, { name: 'Work phone', lastIp: '2001:db8:85a3::8a2e:370:7334' });
    await seedDevices(user.username, { name: IPHONE_SAFARI, remembered: false });
    await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);
    await devices.expectListed(3);
    await expectNoAxeViolations(page);

    // With a row's details and its menu open.
    await devices.openDetails('Work phone');
    await expect(devices.detail('Work phone', 'Last IP address')).toBeVisible();
    await devices.actionsButton('Work phone').click();
    await expect(devices.menu).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');

    // With a result announced and a confirmation open.
    await devices.stopRemembering('Work phone');
    await expect(devices.status).toBeVisible();
    await devices.choose('Safari on iOS', 'Forget');
    await expect(devices.dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');

    // With an error announced, and with the list failing to load.
    await setFaults({ UpdateDeviceStatus: { error: 'InternalErrorException' }, ListDevices: { error: 'InternalErrorException' } });
    await devices.remember('Work phone');
    await expect(devices.alert).toBeVisible();
    await expectNoAxeViolations(page);
    await page.reload();
    await expect(devices.retryButton).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('works at phone width', async ({ page, user, devices, securityPage, portalSignInPage, poolSignInPage }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await seedDevices(user.username, { name: 'A device with a rather long name that someone typed in once', lastIp: '2001:db8:85a3:0000:0000:8a2e:0370:7334' });
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);
  await devices.expectListed(2);

  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow(), 'no sideways scrolling').toBeLessThanOrEqual(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page);
  }
  for (const button of await devices.region.getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(box.height, 'big enough to tap').toBeGreaterThanOrEqual(24);
  }

  // The menu and the details stay on screen too.
  await devices.openDetails('A device with a rather long name that someone typed in once');
  await devices.actionsButton('A device with a rather long name that someone typed in once').click();
  const menu = (await devices.menu.boundingBox())!;
  expect(menu.x).toBeGreaterThanOrEqual(0);
  expect(menu.x + menu.width).toBeLessThanOrEqual(375);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await devices.menuItem('Forget').click();
  const dialog = (await devices.dialog.boundingBox())!;
  expect(dialog.x).toBeGreaterThanOrEqual(0);
  expect(dialog.x + dialog.width).toBeLessThanOrEqual(375);
  await devices.dialogButton('Forget device').click();
  await expect(devices.status).toContainText('was forgotten.');
  await devices.expectListed(1);
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test('a device row’s actions menu works by keyboard', async ({ page, user, devices, securityPage, portalSignInPage, poolSignInPage }) => {
  await seedDevices(user.username, { name: 'Work phone' });
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);
  await devices.expectListed(2);
  const button = devices.actionsButton('Work phone');
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // Enter opens on the first item; Down and Up move, wrapping; Escape closes and returns focus.
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(devices.menu).toHaveAccessibleName('Actions for Work phone');
  await expect(devices.menuItem('Stop remembering')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(devices.menuItem('Forget')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(devices.menuItem('Stop remembering'), 'Down wraps to the first item').toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(devices.menuItem('Forget'), 'Up wraps to the last item').toBeFocused();
  await page.keyboard.press('Home');
  await expect(devices.menuItem('Stop remembering')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(devices.menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // Space opens too; Up on the button opens on the last item; a letter jumps to the item it starts.
  await page.keyboard.press('Space');
  await expect(devices.menuItem('Stop remembering')).toBeFocused();
  await page.keyboard.press('f');
  await expect(devices.menuItem('Forget')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowUp');
  await expect(devices.menuItem('Forget')).toBeFocused();
  // Tab closes it and moves on.
  await page.keyboard.press('Tab');
  await expect(devices.menu).toHaveCount(0);
  await expect(button).not.toBeFocused();

  // The destructive item is styled as such, and choosing it asks first: nothing is forgotten yet.
  await button.focus();
  await page.keyboard.press('ArrowUp');
  await expect(devices.menuItem('Forget')).toHaveClass(/text-red/);
  await page.keyboard.press('Enter');
  await expect(devices.dialog.getByRole('heading', { name: 'Forget Work phone?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(button).toBeFocused();
  expect((await poolDevices(user.username)).map((d) => d.name)).toContain('Work phone');
});

test('devices that look identical are listed newest first, after this device', async ({ page, user, devices, securityPage, portalSignInPage, poolSignInPage }) => {
  // Three sign-ins from the same browser, system and network, a second or more apart.
  const userAgent = await page.evaluate(() => navigator.userAgent);
  const seeded: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    if (i > 0) await page.waitForTimeout(1_100);
    seeded.push(...(await seedDevices(user.username, { name: userAgent, lastIp: '198.51.100.4' })));
  }
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);
  await devices.expectListed(4);

  // All four are "Chrome on Windows": this one first, then the others newest first.
  expect(await devices.deviceNames()).toEqual(Array(4).fill(THIS_BROWSER));
  await expect(devices.items.first().locator('h3 + p')).toHaveText('This device');
  const menuNames = await devices.items.getByRole('button', { name: /^Actions for / }).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  expect(menuNames, 'numbered in the order listed').toEqual([1, 2, 3, 4].map((n) => `Actions for ${THIS_BROWSER} (${n} of 4)`));
  const firstSeen = await devices.items.evaluateAll((rows) =>
    rows.map((row) => {
      const dt = [...row.querySelectorAll('dt')].find((d) => d.textContent === 'First seen');
      return dt?.nextElementSibling?.querySelector('time')?.getAttribute('datetime') ?? '';
    }),
  );
  const others = firstSeen.slice(1);
  expect(others.every(Boolean), `first seen: ${firstSeen.join(', ')}`).toBe(true);
  expect(others, 'newest first').toEqual([...others].sort().reverse());
  expect(new Set(others).size, 'a second apart').toBe(3);
  // The look-alikes say when each was first seen; this device, on another network, is not one of them.
  for (const row of await devices.items.all()) {
    const line = row.locator('h3 + p');
    if ((await line.textContent()) === 'This device') continue;
    await expect(line).toContainText(/^Last active .* · First seen /);
  }

  // Forgetting the newest of them forgets that one (the pool agrees), and the order holds.
  await devices.forget(`${THIS_BROWSER} (2 of 4)`);
  await expect(devices.status).toHaveText(`${THIS_BROWSER} (2 of 4) was forgotten.`);
  await devices.expectListed(3);
  expect((await poolDevices(user.username)).map((d) => d.deviceKey)).not.toContain(seeded[2]);
  expect((await poolDevices(user.username)).map((d) => d.deviceKey)).toEqual(expect.arrayContaining([seeded[0], seeded[1]]));
  await expect(devices.items.first().locator('h3 + p')).toHaveText('This device');
});

test('shows this device and the most recent ones; "Show all" brings the rest from the server', async ({ page, user, devices, securityPage, portalSignInPage, poolSignInPage }) => {
  await seedDevices(user.username, { count: 8 }); // "Seeded device 1" … "Seeded device 8"
  await signIn({ securityPage, portalSignInPage, poolSignInPage }, user);

  // The page renders six rows: this device and the five most recently active.
  await devices.expectListed(6);
  expect((await devices.deviceNames())[0]).toBe(THIS_BROWSER);
  await expect(devices.region).toContainText('3 older devices are not shown.');
  await expect(devices.showAllLink).toHaveText('Show all 9 devices');
  await expect(devices.showAllLink).toHaveAttribute('href', '/security?devices=all#device-list');

  // The link asks the server for every row, and comes back as the way to the short list.
  await devices.showAllLink.focus();
  await page.keyboard.press('Enter');
  await devices.expectListed(9);
  expect(new URL(page.url()).searchParams.get('devices')).toBe('all');
  await expect(devices.showAllLink).toHaveCount(0);
  await expect(devices.showRecentLink).toBeVisible();
  expect(new Set(await devices.deviceNames())).toEqual(new Set([THIS_BROWSER, ...Array.from({ length: 8 }, (_, i) => `Seeded device ${i + 1}`)]));

  // Forgetting one in the full list keeps the full list.
  const [, firstSeeded] = await devices.deviceNames();
  await devices.forget(firstSeeded);
  await expect(devices.status).toHaveText(`${firstSeeded} was forgotten.`);
  await devices.expectListed(8);
  expect(new URL(page.url()).searchParams.get('devices')).toBe('all');

  // Back to the short list; forgetting one there brings the next one up.
  await devices.showRecentLink.click();
  await devices.expectListed(6);
  await expect(devices.showAllLink).toHaveText('Show all 8 devices');
  const [, secondSeeded] = await devices.deviceNames();
  await devices.forget(secondSeeded);
  await expect(devices.status).toHaveText(`${secondSeeded} was forgotten.`);
  await expect(devices.showAllLink).toHaveText('Show all 7 devices');
  await devices.expectListed(6);
  expect(await devices.deviceNames()).not.toContain(secondSeeded);

  // Any other value of the parameter is the short list.
  for (const query of ['devices=ALL', 'devices=all&devices=all', 'devices=%3Cscript%3Ealert(1)%3C%2Fscript%3E', `devices=${'all'.repeat(500)}`, 'devices[]=all']) {
    await page.goto(`/security?${query}`);
    await devices.expectListed(6);
    await expect(devices.showAllLink, query).toHaveText('Show all 7 devices');
  }
});
