import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { CognitoIdentityProviderClient, DeleteWebAuthnCredentialCommand, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { BrowserContext, Page, Request } from '@playwright/test';
import { expect, isolatedTest, test } from './fixtures';
import { HomePage } from './pages/home-page';
import { PasskeysSection } from './pages/passkeys-section';
import { PoolSignInPage } from './pages/pool-sign-in-page';
import { SecurityPage } from './pages/security-page';
import { e2eEnvironment } from './support/environment';
import { poolControl } from './support/pool';
import { decodeSession } from './support/session-cookie';
import { VirtualAuthenticator } from './support/virtual-authenticator';

// Everything here is real: the production portal, the local pool over HTTP, Chromium's WebAuthn
// with a CDP virtual authenticator. The pool's control API shapes the pool (settings, faults)
// and tells what it holds; the pool's Cognito API stands for "another tab" or "an administrator".

type WebAuthnSettings = {
  enabled: boolean;
  relyingPartyId: string;
  allowedOrigins: string[];
  maxPasskeysPerUser: number;
  challengeTtlSeconds: number;
};

const env = e2eEnvironment();

const control = poolControl;

const poolSettings = {
  async read(): Promise<WebAuthnSettings> {
    return (await control('PATCH', 'settings', {})).webauthn as WebAuthnSettings;
  },
  async change(settings: Partial<{ webauthnEnabled: boolean; relyingPartyId: string; allowedOrigins: string[]; maxPasskeysPerUser: number; challengeTtlSeconds: number }>) {
    await control('PATCH', 'settings', settings);
  },
  async restore(s: WebAuthnSettings) {
    await control('PATCH', 'settings', {
      webauthnEnabled: s.enabled,
      relyingPartyId: s.relyingPartyId,
      allowedOrigins: s.allowedOrigins,
      maxPasskeysPerUser: s.maxPasskeysPerUser,
      challengeTtlSeconds: s.challengeTtlSeconds,
    });
  },
};

const faults = (rules: Record<string, { latencyMs?: number; error?: string; rate?: number }>) => control('PUT', 'faults', rules);

/** The passkeys the pool holds for a user: the truth the page is checked against. */
async function passkeysAtPool(username: string): Promise<{ credentialId: string; friendlyName: string }[]> {
  const user = await control('GET', `users/${encodeURIComponent(username)}`);
  return user.credentials as { credentialId: string; friendlyName: string }[];
}

/** The signed-in person's access token, as only the server can read it (the test holds the secret). */
async function accessToken(context: BrowserContext): Promise<string> {
  const session = await decodeSession(context);
  if (!session) throw new Error('No session cookie');
  return session.cognito.accessToken;
}

/** What Cognito may call two passkeys of one person (the authenticator's model, from its AAGUID). */
const SHARED_NAME = 'YubiKey 5 Series';

const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

const cognito = new CognitoIdentityProviderClient({ region: env.pool.region, endpoint: env.pool.endpoint, maxAttempts: 1 });

type User = { username: string; password: string; name: string };

/** The pool's form, by exact names: the pool's page also offers "Sign in with a passkey". */
async function signInAtPool(page: Page, user: User) {
  await new PoolSignInPage(page).expectShown();
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await new SecurityPage(page).expectSignedInAs(user.name);
}

async function signIn(page: Page, user: User) {
  const home = new HomePage(page);
  await home.goto();
  await home.signInButton.click();
  await signInAtPool(page, user);
}

/** Signs in, attaches a platform authenticator and adds one passkey ("Passkey"). */
async function signInWithOnePasskey(page: Page, user: User) {
  await signIn(page, user);
  const authenticator = await VirtualAuthenticator.attach(page, { transport: 'internal' });
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();
  await passkeys.addAndExpectAdded();
  await passkeys.expectCount(1);
  return { passkeys, authenticator };
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

let original: WebAuthnSettings;
test.beforeEach(async () => {
  original = await poolSettings.read();
});
test.afterEach(async () => {
  // Whatever a test changed in the shared pool goes back, pass or fail.
  await faults({});
  await poolSettings.restore(original);
});

test('adds passkeys, lists them in words, keeps them, and refuses an authenticator twice or a cancelled ceremony', async ({ page, context, user }) => {
  await signIn(page, user);
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();
  await passkeys.expectCount(0);

  // This device's authenticator.
  const platform = await VirtualAuthenticator.attach(page, { transport: 'internal' });
  await passkeys.addAndExpectAdded();
  await passkeys.expectCount(1);
  const [first] = await passkeysAtPool(user.username);
  expect(first.friendlyName).toBe('Passkey');
  await expect(passkeys.item('Passkey').getByRole('heading')).toHaveText('Passkey');
  const details = await passkeys.details('Passkey');
  expect(details).toMatchObject({ Kind: "This device's built-in authenticator", 'For website': 'localhost' });
  expect(details['Connects by']).toContain('Internal (built in)');
  // Local date and how long ago, from the epoch seconds Cognito gave.
  await expect(passkeys.addedTime('Passkey')).toHaveText(/\(just now\)$|minute/);
  // The row's one secondary line: the date alone.
  await expect(passkeys.item('Passkey').locator('p time')).toHaveText(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}/);
  expect(await platform.credentials()).toHaveLength(1);

  await page.reload();
  await passkeys.expectReady();
  await passkeys.expectCount(1);
  await expect(passkeys.item('Passkey')).toBeVisible();

  // Another authenticator, a USB security key, in a second tab of the same session: each tab has
  // its own virtual authenticators, so this tab's built-in one stays as it is.
  const keyPage = await context.newPage();
  await keyPage.goto('/security');
  const keyTab = new PasskeysSection(keyPage);
  await keyTab.expectReady();
  const key = await VirtualAuthenticator.attach(keyPage, { transport: 'usb' });
  await keyTab.addAndExpectAdded();
  await keyTab.expectCount(2);
  const keyDetails = await keyTab.details('Security key');
  expect(keyDetails).toMatchObject({ Kind: 'Security key or phone', 'Connects by': 'USB', 'For website': 'localhost' });
  // Cognito lists oldest first; two added in the same second are in credential-ID order, so no order is asserted.
  expect((await keyTab.items.getByRole('heading', { level: 3 }).allInnerTexts()).sort()).toEqual(['Passkey', 'Security key']);
  expect(await key.credentials()).toHaveLength(1);

  // The first authenticator again, with two passkeys listed: Cognito's excludeCredentials makes the browser refuse.
  // (WebAuthn works only in the focused tab.)
  await page.bringToFront();
  await page.reload();
  await passkeys.expectReady();
  await passkeys.expectCount(2);
  await passkeys.add();
  await expect(passkeys.alert).toHaveText(/This device or security key already has a passkey for your account, so nothing was added\./);
  await expect(passkeys.status).toHaveText('');
  await passkeys.expectCount(2);
  expect(await passkeysAtPool(user.username)).toHaveLength(2);
  expect(await platform.credentials()).toHaveLength(1);

  // A ceremony the person does not complete (refused verification fails at once with NotAllowedError).
  await keyPage.bringToFront();
  await key.setUserVerified(false);
  await keyTab.add();
  await expect(keyTab.status).toHaveText(/No passkey was added: the request was cancelled or timed out\./);
  await expect(keyTab.alert).toHaveText('');
  await keyTab.expectCount(2);
  expect(await passkeysAtPool(user.username)).toHaveLength(2);
  await keyPage.close();
});

test('deletes a passkey after a confirmation that works by keyboard and closes with Escape', async ({ page, user }) => {
  const { passkeys } = await signInWithOnePasskey(page, user);
  // The row's actions menu, by keyboard: Enter opens it, End reaches Delete (the last item), Enter chooses it.
  const actionsButton = passkeys.actionsButton('Passkey');
  const openDeleteByKeyboard = async () => {
    await page.keyboard.press('Enter');
    await expect(passkeys.menu('Passkey')).toBeVisible();
    await page.keyboard.press('End');
    await expect(passkeys.menuItem('Passkey', 'delete')).toBeFocused();
    await page.keyboard.press('Enter');
  };

  await actionsButton.focus();
  await openDeleteByKeyboard();
  await expect(passkeys.dialog).toBeVisible();
  await expect(passkeys.dialog).toHaveAccessibleName('Delete the passkey “Passkey”?');
  await expect(passkeys.dialog).toContainText('You will no longer be able to sign in to this account with this passkey.');
  // Focus starts on Cancel, so Enter never deletes by accident.
  await expect(passkeys.cancelButton).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(passkeys.dialog).toBeHidden();
  await expect(actionsButton).toBeFocused();
  await passkeys.expectCount(1);

  await openDeleteByKeyboard();
  await expect(passkeys.cancelButton).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(passkeys.confirmDeleteButton).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(passkeys.status).toHaveText('Passkey “Passkey” deleted.');
  await expect(passkeys.dialog).toBeHidden();
  await passkeys.expectCount(0);
  // Focus stays in the section rather than falling to the top of the page.
  await expect(passkeys.panel).toBeFocused();
  expect(await passkeysAtPool(user.username)).toEqual([]);

  await page.reload();
  await passkeys.expectReady();
  await passkeys.expectCount(0);
});

test('speaks the person’s language: a German row, menu, delete dialog and announcement, hydrated as the server wrote them', async ({ page, context, baseURL, user }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await signInWithOnePasskey(page, user);
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'de', url: baseURL }]);
  await page.reload();

  const region = page.getByRole('region', { name: 'Passkeys' });
  await expect(region.getByRole('button', { name: 'Passkey hinzufügen' })).toHaveAttribute('data-interactive', 'true');
  const row = region.getByRole('list', { name: 'Ihre Passkeys' }).getByRole('listitem');
  // The secondary line and the details, written by the server in German (dates through Intl).
  await expect(row.locator('p').filter({ has: page.locator('time') })).toHaveText(/Hinzugefügt am \d{2}\.\d{2}\.\d{4}/);
  await row.locator('summary').click();
  await expect(row.locator('dl')).toContainText('Integrierter Authentifikator dieses Geräts');
  await expect(row.locator('dd time')).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}.*\((jetzt|vor \d+ Minuten?)\)$/);

  // The client components' words: the menu, the dialog and what is announced.
  await region.getByRole('button', { name: 'Aktionen für Passkey', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Löschen' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toHaveAccessibleName('Passkey „Passkey“ löschen?');
  await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Passkey löschen' }).click();
  await expect(region.getByRole('status')).toHaveText('Passkey „Passkey“ gelöscht.');
  await expect(region.getByText('Sie haben noch keine Passkeys.')).toBeVisible();
  // Hydration repeated the server's text (a mismatch is React error 418/425 in a production build).
  expect(pageErrors.filter((error) => /hydrat|#418|#425/i.test(error))).toEqual([]);
});

test('explains a passkey that was already deleted elsewhere, and refreshes the list', async ({ page, context, user }) => {
  const { passkeys } = await signInWithOnePasskey(page, user);
  const [credential] = await passkeysAtPool(user.username);

  await passkeys.chooseAction('Passkey', 'delete');
  await expect(passkeys.dialog).toBeVisible();
  // Meanwhile, in another tab: the same person deletes it.
  await cognito.send(new DeleteWebAuthnCredentialCommand({ AccessToken: await accessToken(context), CredentialId: credential.credentialId }));

  await passkeys.confirmDeleteButton.click();
  await expect(passkeys.alert).toHaveText(/The passkey “Passkey” had already been deleted, perhaps in another tab or on another device\./);
  await expect(passkeys.dialog).toBeHidden();
  await passkeys.expectCount(0);
});

isolatedTest(
  'two passkeys of one name: each delete button, the dialog and the message say which, and the right one goes',
  async ({ page, pool, user, isolatedPortal, securityPage, poolSignInPage }) => {
    await securityPage.goto();
    await poolSignInPage.signIn(user);
    await securityPage.expectSignedInAs(user.name);
    const passkeys = new PasskeysSection(page);
    await passkeys.expectReady();
    const platform = await VirtualAuthenticator.attach(page, { transport: 'internal' });
    await passkeys.addAndExpectAdded();
    await platform.remove();
    await VirtualAuthenticator.attach(page, { transport: 'usb' });
    await passkeys.addAndExpectAdded();
    await passkeys.expectCount(2);

    // The local pool names a user's passkeys apart; Cognito need not (two "YubiKey 5 Series"), and no
    // API renames one. So, with the pool stopped, its state file gets both one name, the built-in one
    // the older (listed first).
    const atPool = await pool.passkeys(user.username);
    const builtIn = atPool.find((c) => c.friendlyName === 'Passkey')!;
    const usbKey = atPool.find((c) => c.friendlyName === 'Security key')!;
    await isolatedPortal.stopPool();
    try {
      const state = JSON.parse(readFileSync(isolatedPortal.stateFile, 'utf8')) as { credentials: { credentialId: string; friendlyName: string; createdAt: number }[] };
      for (const credential of state.credentials) {
        if (credential.credentialId === builtIn.credentialId || credential.credentialId === usbKey.credentialId) credential.friendlyName = SHARED_NAME;
        if (credential.credentialId === builtIn.credentialId) credential.createdAt -= 60;
      }
      writeFileSync(isolatedPortal.stateFile, JSON.stringify(state));
    } finally {
      await isolatedPortal.startPool();
    }

    await page.reload();
    await passkeys.expectReady();
    await expect(passkeys.item(SHARED_NAME)).toHaveCount(2);
    await expect(passkeys.items.first()).toContainText("This device's built-in authenticator");
    await expect(passkeys.actionsButton(`${SHARED_NAME} (1 of 2)`)).toHaveCount(1);
    await expect(passkeys.actionsButton(`${SHARED_NAME} (2 of 2)`)).toHaveCount(1);
    await expect(passkeys.actionsButton(SHARED_NAME)).toHaveCount(0);

    await passkeys.chooseAction(`${SHARED_NAME} (2 of 2)`, 'delete');
    await expect(passkeys.dialog).toHaveAccessibleName(`Delete the passkey “${SHARED_NAME} (2 of 2)”?`);
    await passkeys.confirmDeleteButton.click();
    await expect(passkeys.status).toHaveText(`Passkey “${SHARED_NAME} (2 of 2)” deleted.`);
    await passkeys.expectCount(1);
    // The security key went; the built-in one stays, and is now the only one of that name.
    expect((await pool.passkeys(user.username)).map((c) => c.credentialId)).toEqual([builtIn.credentialId]);
    expect(await passkeys.details(SHARED_NAME)).toMatchObject({ Kind: "This device's built-in authenticator" });
    await expect(passkeys.actionsButton(SHARED_NAME)).toHaveCount(1);
  },
);

test('the delete dialog stays in step with the page when the browser closes it by itself', async ({ page, user }) => {
  const { passkeys } = await signInWithOnePasskey(page, user);
  const closeNatively = () => page.evaluate(() => document.querySelector<HTMLDialogElement>('dialog[open]')?.close());

  await passkeys.chooseAction('Passkey', 'delete');
  await expect(passkeys.dialog).toBeVisible();
  await closeNatively();
  await expect(passkeys.dialog).toBeHidden();
  // The page knows it closed: the menu's Delete opens it again.
  await passkeys.chooseAction('Passkey', 'delete');
  await expect(passkeys.dialog).toBeVisible();

  // While the deletion is under way, it stays open (Escape twice, or closed outright) until the answer comes.
  await faults({ DeleteWebAuthnCredential: { latencyMs: 2_000 } });
  await passkeys.dialog.getByRole('button', { name: 'Delete passkey' }).click();
  await expect(passkeys.dialog.getByRole('button', { name: 'Deleting…' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await closeNatively();
  await expect(passkeys.dialog).toBeVisible();
  await expect(passkeys.status).toHaveText('Passkey “Passkey” deleted.');
  await expect(passkeys.dialog).toBeHidden();
  await passkeys.expectCount(0);
  expect(await passkeysAtPool(user.username)).toEqual([]);
});

test('refuses a passkey beyond the per-user limit, and says why', async ({ page, user }) => {
  const { passkeys, authenticator } = await signInWithOnePasskey(page, user);
  await authenticator.remove();
  await VirtualAuthenticator.attach(page, { transport: 'usb' });

  await poolSettings.change({ maxPasskeysPerUser: 1 });
  await passkeys.add();
  await expect(passkeys.alert).toHaveText(/You already have the most passkeys your organisation allows\. Delete one you no longer use/);
  await passkeys.expectCount(1);
  expect(await passkeysAtPool(user.username)).toHaveLength(1);

  // Once the limit allows it, the same button works.
  await poolSettings.restore(original);
  await passkeys.addAndExpectAdded();
  await passkeys.expectCount(2);
});

test('says so when passkeys are off or not set up in the user pool', async ({ page, user }) => {
  await signIn(page, user);
  await VirtualAuthenticator.attach(page);
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();

  const cases = [
    // Passkeys switched off: a decision, not a fault.
    { settings: { webauthnEnabled: false }, told: /Passkeys are not turned on for your organisation, so one cannot be added\. Contact your administrator/ },
    // On, but no relying-party ID: the pool is set up wrongly.
    { settings: { relyingPartyId: '' }, told: /Passkeys cannot be added yet because the sign-in service is not fully set up for them\. Nothing was changed\. Your administrator has been told/ },
  ];
  for (const { settings, told } of cases) {
    await poolSettings.change(settings);
    await passkeys.add();
    await expect(passkeys.alert).toHaveText(told);
    await passkeys.expectCount(0);
    await poolSettings.restore(original);
  }
  expect(await passkeysAtPool(user.username)).toEqual([]);
});

test('explains a misconfigured origin or relying party, and a challenge that expired, adding nothing', async ({ page, user }) => {
  await signIn(page, user);
  await VirtualAuthenticator.attach(page);
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();

  // The pool does not accept this portal's origin: Cognito refuses at CompleteWebAuthnRegistration.
  await poolSettings.change({ allowedOrigins: ['https://elsewhere.example'] });
  await passkeys.add();
  await expect(passkeys.alert).toHaveText(/Passkeys cannot be added from this address because the sign-in service is set up for a different one\./);
  await poolSettings.restore(original);

  // The pool's relying party is another site: the browser refuses before any passkey exists.
  await poolSettings.change({ relyingPartyId: 'example.com' });
  await passkeys.add();
  await expect(passkeys.alert).toHaveText(/the sign-in service is set up for a different website/);
  await poolSettings.restore(original);

  // The challenge expires before Cognito sees the answer.
  await poolSettings.change({ challengeTtlSeconds: 1 });
  await faults({ CompleteWebAuthnRegistration: { latencyMs: 2_500 } });
  await passkeys.add();
  await expect(passkeys.alert).toHaveText('Adding the passkey took too long, so nothing was saved. Please start again.');
  await faults({});
  await poolSettings.restore(original);

  await passkeys.expectCount(0);
  expect(await passkeysAtPool(user.username)).toEqual([]);
  // And afterwards it works.
  await passkeys.addAndExpectAdded();
  await passkeys.expectCount(1);
});

test('shows a skeleton while loading, survives throttling and internal errors, and keeps the Devices section', async ({ page, user }) => {
  const { passkeys } = await signInWithOnePasskey(page, user);
  const devices = page.getByRole('region', { name: 'Devices' });

  // While the list is on its way the rest of the page is already there, with a placeholder here.
  await faults({ ListWebAuthnCredentials: { latencyMs: 2_000 } });
  await page.reload({ waitUntil: 'commit' });
  await expect(passkeys.loading).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Your security settings' })).toBeVisible();
  await passkeys.expectCount(1);

  for (const [error, message] of [
    ['TooManyRequestsException', 'There have been too many requests in a short time. Please try again in a moment.'],
    ['InternalErrorException', 'The sign-in service is not responding right now. Please try again in a moment.'],
  ] as const) {
    // Listing fails (after the SDK's own retry): this section says so, the rest of the page stays.
    await faults({ ListWebAuthnCredentials: { error } });
    await page.reload();
    await expect(passkeys.alert).toHaveText(new RegExp(`^${message.replace(/[.]/g, '\\.')}`));
    await expect(passkeys.alert).not.toContainText(/Exception|Error/);
    await expect(passkeys.addButton).toHaveCount(0);
    await expect(devices).toBeVisible();
    await expect(devices).not.toContainText(message);
    await expect(page.getByRole('heading', { level: 1, name: 'Your security settings' })).toBeVisible();

    await faults({});
    await passkeys.tryAgainButton.click();
    await passkeys.expectReady();
    await passkeys.expectCount(1);

    // Starting a registration fails: the message, and nothing lost.
    await faults({ StartWebAuthnRegistration: { error } });
    await passkeys.add();
    await expect(passkeys.alert).toHaveText(message);
    await passkeys.expectCount(1);
    await faults({});
  }
  expect(await passkeysAtPool(user.username)).toHaveLength(1);
});

test('loads the passkeys and the devices in parallel', async ({ page, user }) => {
  await signInWithOnePasskey(page, user);
  const latencyMs = 2_500;
  await faults({ ListWebAuthnCredentials: { latencyMs }, ListDevices: { latencyMs } });
  await page.reload({ waitUntil: 'commit' });
  // Timed in the page, from the start of the navigation (performance.now()), polled every 50 ms: one
  // after the other would take at least twice the latency; together, the latency and the render.
  const bothListed = await page.waitForFunction(
    () => (document.querySelector('ul[aria-label="Your passkeys"]') && document.querySelector('ul[aria-label="Your devices"]') ? performance.now() : null),
    undefined,
    { polling: 50, timeout: 20_000 },
  );
  const elapsed = (await bothListed.jsonValue()) as number;
  test.info().annotations.push({ type: 'both sections listed after', description: `${Math.round(elapsed)} ms` });
  expect(elapsed, 'the latency was there').toBeGreaterThanOrEqual(latencyMs);
  expect(elapsed, 'well under the sum of both latencies').toBeLessThan(2 * latencyMs - 1_000);
});

test('an ended session during an action leads to sign-in, then back to /security', async ({ page, context, user, portalSignInPage }) => {
  await signIn(page, user);
  await VirtualAuthenticator.attach(page);
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();

  // An administrator (or another device) signs the person out everywhere: the access token is revoked.
  await cognito.send(new GlobalSignOutCommand({ AccessToken: await accessToken(context) }));
  await passkeys.addButton.click();
  await portalSignInPage.expectShown('/security');
  await expect(portalSignInPage.notice).toContainText('Your session has ended');

  await portalSignInPage.signInButton.click();
  await signInAtPool(page, user);
  await passkeys.expectReady();
  expect(await passkeysAtPool(user.username)).toEqual([]);
});

test('a session whose access token lacks the admin scope leads to sign-in again, then back to /security', async ({ page, context, user, portalSignInPage }) => {
  // Sign in as an app client might whose allowed scopes lack aws.cognito.signin.user.admin: the
  // pool grants what the authorize request asks for, so this sign-in asks for everything but that.
  // The sign-in starts on the portal (/sign-in/start) and is redirected to the pool, and a route
  // does not see redirects: so the start's answer is taken, narrowed, and handed to the page
  // (its cookies are already in the context's jar, shared with route.fetch).
  const poolOrigin = new URL(env.pool.endpoint).origin;
  const start = (url: URL) => url.pathname === '/sign-in/start';
  let narrowed = 0;
  await page.route(start, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const url = new URL(response.headers().location ?? '');
    if (url.origin !== poolOrigin || url.pathname !== '/oauth2/authorize') return route.fulfill({ response });
    url.searchParams.set('scope', (url.searchParams.get('scope') ?? '').split(' ').filter((s) => s !== ADMIN_SCOPE).join(' '));
    narrowed += 1;
    await route.fulfill({ status: 303, headers: { location: url.toString(), 'cache-control': 'no-store' } });
  });
  const home = new HomePage(page);
  await home.goto();
  await home.signInButton.click();
  await new PoolSignInPage(page).expectShown();
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  // The portal's calls are refused ("does not have required scopes"): sign in again, then back.
  await portalSignInPage.expectShown('/security');
  await expect(portalSignInPage.notice).toContainText('Your session has ended');
  expect(narrowed).toBeGreaterThan(0);
  const scopes = async () => {
    const session = await decodeSession(context);
    return session ? String(JSON.parse(Buffer.from(session.cognito.accessToken.split('.')[1], 'base64url').toString()).scope).split(' ') : [];
  };
  expect(await scopes()).not.toContain(ADMIN_SCOPE);

  await page.unroute(start);
  await portalSignInPage.signInButton.click();
  // The pool's own sign-in session answers without the form this time.
  await new SecurityPage(page).expectSignedInAs(user.name);
  await new PasskeysSection(page).expectReady();
  expect(await scopes()).toContain(ADMIN_SCOPE);
});

test('forged calls to the passkey actions with bad input change nothing', async ({ page, user }) => {
  await signIn(page, user);
  await VirtualAuthenticator.attach(page);
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();
  // The actions' IDs, as the page's own calls send them (Next's action header): start, then finish.
  const actionIds: string[] = [];
  page.on('request', (request) => {
    const id = request.headers()['next-action'];
    if (request.method() === 'POST' && id && !actionIds.includes(id)) actionIds.push(id);
  });
  await passkeys.addAndExpectAdded();
  await passkeys.expectCount(1);
  expect(actionIds).toHaveLength(2);
  const before = await passkeysAtPool(user.username);
  const post = (actionId: string, args: unknown[]) =>
    page.request.post('/security', {
      headers: { 'next-action': actionId, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin: env.portalUrl },
      data: JSON.stringify(args),
    });

  const valid = { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'oA' }, clientExtensionResults: {} };
  for (const forged of [
    [],
    [null],
    ['{"id":"x"}'],
    [{ ...valid, id: 'not base64!', rawId: 'not base64!' }],
    [{ ...valid, type: 'password' }],
    [{ ...valid, response: { ...valid.response, attestationObject: 'A'.repeat(70_000) } }],
    [{ ...valid, clientExtensionResults: { big: 'x'.repeat(70_000) } }],
  ]) {
    const body = await (await post(actionIds[1], forged)).text();
    expect(body, JSON.stringify(forged).slice(0, 80)).toContain('"code":"invalid-input"');
  }

  // The delete action's ID, from the page's own call, which is cancelled at the wire.
  let deleteCall: Request | undefined;
  await page.route('**/security', async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) {
      deleteCall = route.request();
      await route.abort();
    } else await route.continue();
  });
  await passkeys.delete('Passkey');
  await expect(passkeys.alert).toHaveText(/was not deleted/);
  await page.unroute('**/security');
  expect(deleteCall, 'the page called the delete action').toBeDefined();
  const deleteId = deleteCall!.headers()['next-action'];

  for (const forged of [[''], ['../../users/admin'], [{ CredentialId: before[0].credentialId }], ['A'.repeat(5_000)], [12]]) {
    const body = await (await post(deleteId, forged)).text();
    expect(body, JSON.stringify(forged).slice(0, 80)).toContain('"code":"invalid-input"');
    expect(body).not.toContain('"ok":true');
  }
  // Well-formed but not this person's passkey: Cognito reports it as missing.
  expect(await (await post(deleteId, ['c29tZW9uZS1lbHNlcy1wYXNza2V5'])).text()).toContain('"code":"not-found"');

  expect(await passkeysAtPool(user.username)).toEqual(before);
  await page.reload();
  await passkeys.expectCount(1);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`/security passes axe with and without passkeys, messages and the dialog, in the ${colorScheme} theme`, async ({ page, user }) => {
    await page.emulateMedia({ colorScheme });
    await signIn(page, user);
    await VirtualAuthenticator.attach(page);
    const passkeys = new PasskeysSection(page);
    await passkeys.expectReady();
    await passkeys.expectCount(0);
    await expectNoAxeViolations(page);

    await passkeys.addAndExpectAdded();
    await passkeys.expectCount(1);
    await passkeys.openDetails('Passkey');
    await expect(passkeys.addedTime('Passkey')).toHaveText(/\(/); // the exact date and how long ago, as the server wrote them
    await expectNoAxeViolations(page);

    await passkeys.add(); // the same authenticator again: an alert
    await expect(passkeys.alert).not.toHaveText('');
    await expectNoAxeViolations(page);

    await passkeys.openActions('Passkey');
    await expectNoAxeViolations(page); // the open menu too
    await passkeys.menuItem('Passkey', 'delete').click();
    await expect(passkeys.dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await passkeys.cancelButton.click();

    await faults({ ListWebAuthnCredentials: { error: 'InternalErrorException' } });
    await page.reload();
    await expect(passkeys.tryAgainButton).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('works at phone width (375 px)', async ({ page, user }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const { passkeys } = await signInWithOnePasskey(page, user);
  await passkeys.add(); // an alert, the longest text in the section
  await expect(passkeys.alert).not.toHaveText('');

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'nothing scrolls sideways').toBeLessThanOrEqual(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page);
  }
  for (const locator of [passkeys.addButton, passkeys.actionsButton('Passkey'), passkeys.item('Passkey')]) {
    const box = (await locator.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  }

  await passkeys.openActions('Passkey');
  const menuBox = (await passkeys.menu('Passkey').boundingBox())!;
  expect(menuBox.x, 'the open menu stays on screen').toBeGreaterThanOrEqual(0);
  expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(375);
  await passkeys.menuItem('Passkey', 'delete').click();
  const dialogBox = (await passkeys.dialog.boundingBox())!;
  expect(dialogBox.x).toBeGreaterThanOrEqual(0);
  expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(375);
  await passkeys.confirmDeleteButton.click();
  await passkeys.expectCount(0);
});

test('a browser without WebAuthn gets a disabled button with the reason', async ({ playwright, user }) => {
  const browserType = playwright.chromium;
  // A real Chromium with the Web Authentication API turned off, as in a browser that lacks it.
  const bundled = (() => {
    try {
      return browserType.executablePath();
    } catch {
      return '';
    }
  })();
  const browser = await browserType.launch({
    ...(existsSync(bundled) ? {} : { executablePath: '/usr/bin/chromium' }),
    args: ['--disable-blink-features=WebAuth'],
  });
  try {
    const page = await (await browser.newContext({ baseURL: env.portalUrl })).newPage();
    await signIn(page, user);
    expect(await page.evaluate(() => typeof window.PublicKeyCredential)).toBe('undefined');
    const passkeys = new PasskeysSection(page);
    await passkeys.expectCount(0);
    await expect(passkeys.addButton).toBeDisabled();
    await expect(passkeys.addButton).toHaveAccessibleDescription(/This browser cannot create passkeys\./);
    await expect(passkeys.region.getByText(/This browser cannot create passkeys\./)).toBeVisible();
  } finally {
    await browser.close();
  }
});
