import AxeBuilder from '@axe-core/playwright';
import { CognitoIdentityProviderClient, GetUserCommand, UpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { BrowserContext, Page } from '@playwright/test';
import { decodeDetails, encodeDetails, withChange } from '../lib/passkeys/details-codec';
import { expect, test } from './fixtures';
import { PasskeysSection, signInToPasskeys } from './pages/passkeys-section';
import { e2eEnvironment, type PairAccess } from './support/environment';
import { poolControl } from './support/pool';
import { decodeSession } from './support/session-cookie';
import { VirtualAuthenticator, toBase64Url } from './support/virtual-authenticator';

// Passkeys people recognise (issue 15), all real: the production portal, the local pool with its
// custom:passkeys attribute, Chromium's WebAuthn with a CDP virtual authenticator. The pool's
// Cognito API, with the person's own access token, stands for "another tab" or another device.

const ATTRIBUTE = 'custom:passkeys';
const ONE_PASSWORD = 'bada5566-a7aa-401f-bd96-45619a55120d';
const VIRTUAL_AAGUID = '01020304-0506-0708-0102-030405060708';

function sdk(env: Pick<PairAccess, 'pool'> = e2eEnvironment()) {
  return new CognitoIdentityProviderClient({ region: env.pool.region, endpoint: env.pool.endpoint, maxAttempts: 1 });
}

async function accessToken(context: BrowserContext): Promise<string> {
  const session = await decodeSession(context);
  if (!session) throw new Error('No session cookie');
  return session.cognito.accessToken;
}

/**
 * A second passkey, on a USB security key, added in another tab of the same session (it skips
 * naming): the credential ID, base64url as Cognito lists it.
 */
async function addPasskeyInAnotherTab(context: BrowserContext): Promise<string> {
  const tab = await context.newPage();
  await tab.goto('/security');
  const authenticator = await VirtualAuthenticator.attach(tab, { transport: 'usb' });
  const passkeys = new PasskeysSection(tab);
  await passkeys.expectReady();
  await passkeys.addAndExpectAdded();
  const [credential] = await authenticator.credentials();
  await tab.close();
  return toBase64Url(credential.credentialId);
}

/** The details attribute as the pool holds it, read as the portal reads it. */
async function storedDetails(context: BrowserContext) {
  const user = await sdk().send(new GetUserCommand({ AccessToken: await accessToken(context) }));
  return decodeDetails(user.UserAttributes?.find((a) => a.Name === ATTRIBUTE)?.Value);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.afterEach(async () => {
  await poolControl('PUT', 'faults', {});
});

test('add → offered a name → Enter keeps it → rename → reload → still named; a synced passkey says so', async ({ page, context, user, homePage, poolSignInPage, securityPage }) => {
  const passkeys = await signInToPasskeys(page, user, { homePage, poolSignInPage, securityPage });
  await VirtualAuthenticator.attach(page, { transport: 'internal', backupEligible: true, backedUp: true });
  await passkeys.addAndExpectAdded();

  // The virtual authenticator's AAGUID is in no catalogue: the name offered is Cognito's.
  await expect(passkeys.nameNew).toBeVisible();
  await expect(passkeys.nameNewField).toBeFocused();
  await expect(passkeys.nameNewField).toHaveValue('Passkey');
  await passkeys.nameNewField.fill('Work laptop');
  await passkeys.nameNewField.press('Enter');
  await expect(passkeys.status).toHaveText('Passkey added and named “Work laptop”. You can now use it to sign in.');
  await expect(passkeys.nameNew).toHaveCount(0);
  await expect(passkeys.item('Work laptop')).toBeVisible();
  expect(await passkeys.badge('Work laptop')).toBe('Synced');
  expect((await passkeys.details('Work laptop'))['Name from the sign-in service']).toBe('Passkey');

  // A name that breaks the rules is explained and changes nothing.
  await passkeys.rename('Work laptop', 'x'.repeat(41));
  await expect(passkeys.item('Work laptop').getByRole('alert')).toHaveText('Use 40 characters or fewer.');
  await passkeys.renameField('Work laptop').press('Escape');
  await expect(passkeys.actionsButton('Work laptop')).toBeFocused();

  // Markup in a name is text, shown exactly as typed.
  const name = '<b>Mine</b> & 🔑';
  await passkeys.rename('Work laptop', `  ${name} `);
  await expect(passkeys.status).toHaveText(`Passkey renamed to “${name}”.`);
  await expect(passkeys.item(name)).toBeVisible();
  await expect(page.locator('b', { hasText: 'Mine' })).toHaveCount(0);

  await page.reload();
  await passkeys.expectReady();
  expect(await passkeys.names()).toEqual([name]);
  expect(await passkeys.badge(name)).toBe('Synced');
  // Kept in the pool, with the user handle Cognito gave at registration.
  const stored = await storedDetails(context);
  expect([...stored.entries.values()].map((d) => [d.name, d.backupEligible, d.backedUp])).toEqual([[name, true, true]]);
  expect(stored.userHandle).toMatch(/^[A-Za-z0-9_-]+$/);
});

test('a device-bound security key says "This device only"; skipping the name keeps the default', async ({ page, user, homePage, poolSignInPage, securityPage }) => {
  const passkeys = await signInToPasskeys(page, user, { homePage, poolSignInPage, securityPage });
  await VirtualAuthenticator.attach(page, { transport: 'usb', backupEligible: false, backedUp: false });
  await passkeys.addAndExpectAdded();
  await expect(passkeys.nameNewField).toHaveValue('Security key');
  await passkeys.skipNamingButton.click();
  await expect(passkeys.nameNew).toHaveCount(0);
  await page.reload();
  await passkeys.expectReady();
  expect(await passkeys.names()).toEqual(['Security key']);
  expect(await passkeys.badge('Security key')).toBe('This device only');
  // The kind's icon (decorative in the compact row: the kind is also under Details).
  await expect(passkeys.item('Security key').locator('svg[aria-label="Security key"]')).toBeVisible();
});

test('a known AAGUID shows its provider; an unknown one falls back to Cognito’s name', async ({ page, context, user, homePage, poolSignInPage, securityPage }) => {
  const passkeys = await signInToPasskeys(page, user, { homePage, poolSignInPage, securityPage });
  const known = await addPasskeyInAnotherTab(context);
  const unknown = await addPasskeyInAnotherTab(context);
  // Chromium's virtual keys cannot be given an AAGUID: the person's own token writes what the
  // portal would have kept for keys of those makes.
  const token = await accessToken(context);
  let details = withChange(decodeDetails(''), [known, unknown], { credentialId: known, update: { aaguid: ONE_PASSWORD, backupEligible: true, backedUp: true } });
  details = withChange(details, [known, unknown], { credentialId: unknown, update: { aaguid: VIRTUAL_AAGUID, backupEligible: true, backedUp: false } });
  await sdk().send(new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes: [{ Name: ATTRIBUTE, Value: encodeDetails(details) }] }));

  await page.reload();
  await passkeys.expectReady();
  // Both were made in the same second or two, so either may list first.
  const names = await passkeys.names();
  expect(names).toHaveLength(2);
  expect(names).toContain('1Password');
  expect(await passkeys.badge('1Password')).toBe('Synced');
  await expect(passkeys.item('1Password').locator('svg[aria-label="Synced passkey"]')).toBeVisible();
  // Unknown AAGUID: Cognito's name, no badge while it is not backed up.
  const other = names.find((n) => n !== '1Password') ?? '';
  expect(other).toMatch(/^Security key/);
  expect(await passkeys.badge(other)).toBe('');
});

test('two tabs rename different passkeys at once, and both names survive', async ({ page, context, user, homePage, poolSignInPage, securityPage }) => {
  await signInToPasskeys(page, user, { homePage, poolSignInPage, securityPage });
  await addPasskeyInAnotherTab(context);
  await addPasskeyInAnotherTab(context);
  const first = new PasskeysSection(page);
  await page.reload();
  await first.expectReady();
  const [a, b] = await first.names();

  const other = await context.newPage();
  await other.goto('/security');
  const second = new PasskeysSection(other);
  await second.expectReady();

  await first.chooseAction(a, 'rename');
  await first.renameField(a).fill('Laptop');
  await second.chooseAction(b, 'rename');
  await second.renameField(b).fill('Phone');
  await Promise.all([first.renameField(a).press('Enter'), second.renameField(b).press('Enter')]);
  await expect(first.status).toHaveText('Passkey renamed to “Laptop”.');
  await expect(second.status).toHaveText('Passkey renamed to “Phone”.');

  await page.reload();
  await first.expectReady();
  expect(await first.names()).toEqual(['Laptop', 'Phone']);
});

test('a passwordless person cannot delete their last passkey (page and action), and can once they have a second', async ({ page, context, user, homePage, poolSignInPage, securityPage }) => {
  const passkeys = await signInToPasskeys(page, user, { homePage, poolSignInPage, securityPage });
  await VirtualAuthenticator.attach(page, { transport: 'internal' });
  await passkeys.addAndExpectAdded();
  await passkeys.skipNamingButton.click();

  // The page still offers deleting (they have a password) when the password goes: the action decides.
  await passkeys.chooseAction('Passkey', 'delete');
  await expect(passkeys.dialog).toBeVisible();
  await poolControl('DELETE', `users/${encodeURIComponent(user.username)}/password`);
  const actionCall = page.waitForRequest((request) => request.method() === 'POST' && request.headers()['next-action'] !== undefined);
  await passkeys.confirmDeleteButton.click();
  const call = await actionCall;
  await expect(passkeys.alert).toHaveText(/^The passkey “Passkey” was not deleted\. This passkey is your only way to sign in, so it cannot be deleted\. Add another passkey first/);
  expect((await poolControl('GET', `users/${encodeURIComponent(user.username)}`)).credentials).toHaveLength(1);

  // Reloaded, the page says why and offers no dialog.
  await page.reload();
  await passkeys.expectReady();
  await passkeys.openActions('Passkey');
  await expect(passkeys.menuItem('Passkey', 'delete')).toHaveAttribute('aria-disabled', 'true');
  await expect(passkeys.menuItem('Passkey', 'delete')).toHaveAccessibleDescription(/only way to sign in.*Add another passkey first/);
  // The reason is on screen in the menu, not only read out.
  await expect(passkeys.menuItem('Passkey', 'delete')).toContainText('Add another passkey first');
  // aria-disabled keeps it focusable (so its reason is read); Playwright would wait for it to be enabled.
  await passkeys.menuItem('Passkey', 'delete').click({ force: true });
  await expect(passkeys.dialog).toHaveCount(0);
  await page.keyboard.press('Escape');
  // The same action posted by hand (forged, past the page's blocked button): still refused.
  const forged = await page.evaluate(
    async ({ action, body }) => {
      const response = await fetch('/security', { method: 'POST', headers: { 'next-action': action, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8' }, body });
      return response.text();
    },
    { action: call.headers()['next-action'], body: call.postData() ?? '' },
  );
  expect(forged).toContain('last-passkey');
  expect((await poolControl('GET', `users/${encodeURIComponent(user.username)}`)).credentials).toHaveLength(1);

  // With a second passkey, either can go.
  await addPasskeyInAnotherTab(context);
  await page.reload();
  await passkeys.expectReady();
  await passkeys.delete('Passkey');
  await expect(passkeys.status).toHaveText('Passkey “Passkey” deleted.');
  await passkeys.expectCount(1);
});

test('the password manager is told the exact list after a delete, and nothing when the list failed to load', async ({ page, context, user, homePage, poolSignInPage, securityPage }) => {
  // Observe the browser's real function, calling through.
  await page.addInitScript(() => {
    const calls: unknown[] = [];
    (window as unknown as { __signals: unknown[] }).__signals = calls;
    if (typeof PublicKeyCredential === 'undefined') return;
    const api = PublicKeyCredential as unknown as { signalAllAcceptedCredentials?: (o: unknown) => Promise<void> };
    const real = api.signalAllAcceptedCredentials?.bind(PublicKeyCredential);
    if (real) {
      api.signalAllAcceptedCredentials = (options: unknown) => {
        calls.push(JSON.parse(JSON.stringify(options)));
        return real(options);
      };
    }
  });
  // Passkeys made in the same second list in either order (Cognito's CreatedAt has whole seconds):
  // the signal is compared as a set.
  const signals = async () =>
    (await page.evaluate(() => (window as unknown as { __signals: { rpId: string; userId: string; allAcceptedCredentialIds: string[] }[] }).__signals)).map(
      (s) => ({ ...s, allAcceptedCredentialIds: [...s.allAcceptedCredentialIds].sort() }),
    );

  const passkeys = await signInToPasskeys(page, user, { homePage, poolSignInPage, securityPage });
  // This Chromium has the Signal API (132+), so the test below can fail.
  expect(await page.evaluate(() => typeof (PublicKeyCredential as unknown as Record<string, unknown>).signalAllAcceptedCredentials)).toBe('function');
  const authenticator = await VirtualAuthenticator.attach(page, { transport: 'internal' });
  await passkeys.addAndExpectAdded();
  await passkeys.skipNamingButton.click();
  const elsewhere = await addPasskeyInAnotherTab(context);
  const [mine] = (await authenticator.credentials()).map((c) => toBase64Url(c.credentialId));
  const handle = (await storedDetails(context)).userHandle;
  expect(handle).toBeTruthy();

  await page.reload();
  await passkeys.expectReady();
  await expect.poll(async () => (await signals()).at(-1)).toEqual({ rpId: 'localhost', userId: handle, allAcceptedCredentialIds: [mine, elsewhere].sort() });

  await passkeys.delete('Passkey');
  await expect(passkeys.status).toHaveText('Passkey “Passkey” deleted.');
  await expect.poll(async () => (await signals()).at(-1)).toEqual({ rpId: 'localhost', userId: handle, allAcceptedCredentialIds: [elsewhere] });

  // The list cannot be read: no signal, which would have hidden every passkey.
  await poolControl('PUT', 'faults', { ListWebAuthnCredentials: { error: 'InternalErrorException' } });
  await page.reload();
  await expect(passkeys.tryAgainButton).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  expect(await signals()).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the naming and renaming controls pass axe in the ${colorScheme} theme`, async ({ page, user, homePage, poolSignInPage, securityPage }) => {
    await page.emulateMedia({ colorScheme });
    const passkeys = await signInToPasskeys(page, user, { homePage, poolSignInPage, securityPage });
    await VirtualAuthenticator.attach(page, { transport: 'internal', backupEligible: true, backedUp: true });
    await passkeys.addAndExpectAdded();
    await expect(passkeys.nameNew).toBeVisible();
    await expectNoAxeViolations(page);
    await passkeys.nameNewField.press('Enter');
    await expect(passkeys.nameNew).toHaveCount(0);
    await passkeys.chooseAction('Passkey', 'rename');
    await passkeys.renameField('Passkey').fill('');
    await passkeys.renameField('Passkey').press('Enter');
    await expect(passkeys.item('Passkey').getByRole('alert')).toHaveText('Enter a name for the passkey.');
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoAxeViolations(page);
  });
}
