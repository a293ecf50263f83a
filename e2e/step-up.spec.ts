import type { Page } from '@playwright/test';
import { expect, isolatedTest } from './fixtures';
import { DevicesSection } from './pages/devices-section';
import type { HomePage } from './pages/home-page';
import { PasskeysSection } from './pages/passkeys-section';
import { EmbedHostPage } from './pages/embed-host-page';
import { PoolSignInPage, POOL_SIGN_IN_TEXTS } from './pages/pool-sign-in-page';
import { VirtualAuthenticator } from './support/virtual-authenticator';
import { withExampleHost } from './support/example-host';
import { isolatedPort } from './support/isolated-portal';

// "Confirm it's you": adding or deleting a passkey needs a recent sign-in (STEP_UP_MAX_AGE). These
// run against a pool and portal of their own whose sign-ins count as recent for 12 s only.

const STEP_UP_MAX_AGE_SECONDS = 12;

// An example host of its own that may embed this portal (another site: 127.0.0.1 against localhost).
const EMBED_HOST = { address: '127.0.0.1', port: isolatedPort(4314) };
const EMBED_HOST_ORIGIN = `http://${EMBED_HOST.address}:${EMBED_HOST.port}`;

isolatedTest.use({
  isolatedPortalOptions: { port: 3104, env: { STEP_UP_MAX_AGE: String(STEP_UP_MAX_AGE_SECONDS), EMBED_ALLOWED_ORIGINS: EMBED_HOST_ORIGIN } },
});

/** Signs in with the password; resolves with when, so the test can wait until that is no longer recent. */
async function signIn(page: Page, homePage: HomePage, poolSignInPage: PoolSignInPage, user: { username: string; password: string }): Promise<number> {
  await homePage.goto();
  await homePage.signInButton.click();
  const at = Date.now();
  await poolSignInPage.signIn(user);
  await expect(page).toHaveURL(/\/security$/);
  return at;
}

async function untilNotRecent(page: Page, signedInAt: number) {
  await page.waitForTimeout(Math.max(0, signedInAt + (STEP_UP_MAX_AGE_SECONDS + 2) * 1000 - Date.now()));
}

const confirmDialog = (page: Page) => page.getByRole('alertdialog', { name: /Confirm it.s you/ });

isolatedTest(
  'an old sign-in deleting a passkey confirms it’s them with the passkey, and the dialog comes back and completes; forged or replayed “I re-authenticated” changes nothing',
  async ({ page, user, homePage, poolSignInPage, isolatedPortal }) => {
    isolatedTest.setTimeout(90_000);
    const authenticator = await VirtualAuthenticator.attach(page);
    const callbacks: string[] = [];
    const authorizeRequests: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/auth/callback/cognito') callbacks.push(request.url());
      if (url.pathname.endsWith('/oauth2/authorize')) authorizeRequests.push(url);
    });
    const signedInAt = await signIn(page, homePage, poolSignInPage, user);
    const passkeys = new PasskeysSection(page);
    await passkeys.expectReady();
    await passkeys.addAndExpectAdded(); // a fresh sign-in needs no confirmation
    const atPool = () => isolatedPortal.poolDriver.passkeys(user.username);
    const [passkey] = await atPool();
    await untilNotRecent(page, signedInAt);

    // Forged: the return address of a step-up this tab never asked for. It resumes nothing, and leaves the address.
    const actionCalls: { id: string; body: string }[] = [];
    page.on('request', (request) => {
      const id = request.headers()['next-action'];
      if (request.method() === 'POST' && id) actionCalls.push({ id, body: request.postData() ?? '' });
    });
    await page.goto(`/security?resume=delete-passkey:${passkey.credentialId}`);
    await expect(page).toHaveURL(/\/security$/);
    await passkeys.expectReady();
    await expect(passkeys.dialog).toBeHidden();
    // Asked by hand, the action refuses.
    await passkeys.chooseAction(passkey.friendlyName, 'delete');
    await passkeys.confirmDeleteButton.click();
    await expect(confirmDialog(page)).toBeVisible();
    await expect(passkeys.status).toHaveText(`Nothing was deleted yet: confirm it’s you to delete “${passkey.friendlyName}”.`);
    await confirmDialog(page).getByRole('button', { name: 'Cancel' }).click();
    expect(await atPool()).toHaveLength(1);

    // Replayed: the same delete call again, and the first sign-in's callback again. Still not recent.
    const [deleteCall] = actionCalls;
    const replayed = await page.request.post('/security', {
      headers: { 'next-action': deleteCall.id, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin: isolatedPortal.portalUrl },
      data: deleteCall.body,
    });
    expect(await replayed.text()).toContain('reauthentication-required');
    const replayedCallback = await page.request.get(callbacks[0], { maxRedirects: 0 });
    expect(replayedCallback.status()).toBe(302);
    expect(replayedCallback.headers().location).toContain('error=');
    expect(replayedCallback.headers()['set-cookie'] ?? '').not.toMatch(/next-auth\.session-token=[^;]/);
    await page.goto('/security');
    await passkeys.chooseAction(passkey.friendlyName, 'delete');
    await passkeys.confirmDeleteButton.click();
    await expect(confirmDialog(page)).toBeVisible();
    expect(await atPool()).toHaveLength(1);

    // Confirming for real: the pool asks again (prompt=login, max_age) and the passkey answers.
    // Touch-only while the page opens, so its autofill request waits (and keeps waiting) and the button answers.
    await authenticator.setAutomaticPresenceSimulation(false);
    await confirmDialog(page).getByRole('button', { name: 'Sign in again' }).click();
    await poolSignInPage.expectShown();
    const stepUp = authorizeRequests.at(-1)!;
    expect(stepUp.searchParams.get('prompt')).toBe('login');
    expect(stepUp.searchParams.get('max_age')).toBe(String(STEP_UP_MAX_AGE_SECONDS));
    await poolSignInPage.expectAutofillWaiting();
    await authenticator.setAutomaticPresenceSimulation(true);
    await poolSignInPage.signInWithPasskey();
    await expect(page).toHaveURL(/\/security$/);
    await expect(passkeys.dialog).toHaveAccessibleName(`Delete the passkey “${passkey.friendlyName}”?`);
    await passkeys.confirmDeleteButton.click();
    await expect(passkeys.status).toHaveText(`Passkey “${passkey.friendlyName}” deleted.`);
    await passkeys.expectCount(0);
    expect(await atPool()).toHaveLength(0);
  },
);

isolatedTest('in German, “Confirm it’s you” and the action’s refusal are German', async ({ page, context, baseURL, user, poolSignInPage }) => {
  isolatedTest.setTimeout(60_000);
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'de', url: baseURL! }]);
  await page.goto('/security');
  const signedInAt = Date.now();
  await poolSignInPage.in(POOL_SIGN_IN_TEXTS.de).signIn(user);
  await expect(page).toHaveURL(/\/security$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // The Add button once it works, found by what it is (its words are being translated elsewhere).
  const add = page.locator('button[data-interactive="true"]');
  await expect(add).toBeVisible();
  await untilNotRecent(page, signedInAt);

  // The action's result, as bytes (Playwright's own response text takes RSC, sent without a charset, for Windows-1252).
  const results: string[] = [];
  await page.route('**/security', async (route) => {
    if (route.request().method() !== 'POST' || !route.request().headers()['next-action']) return route.continue();
    const response = await route.fetch();
    results.push((await response.body()).toString('utf8'));
    await route.fulfill({ response });
  });
  await add.click();
  await expect.poll(() => results.join('\n')).toContain('Bestätigen Sie, dass Sie es sind: Melden Sie sich erneut an, um diese Änderung vorzunehmen.');
  const dialog = page.getByRole('alertdialog', { name: 'Bestätigen Sie, dass Sie es sind' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Um einen Passkey hinzuzufügen, müssen Sie sich vor Kurzem angemeldet haben. Es wurde noch nichts geändert.');
  await expect(dialog).toContainText('Melden Sie sich erneut an, mit Ihrem Passwort oder einem Passkey, und Sie kehren direkt hierher zurück, um fortzufahren.');
  await expect(dialog.getByRole('button', { name: 'Erneut anmelden' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();
});

isolatedTest('an old sign-in forgetting or (un)remembering a device or adding a passkey is asked to confirm it’s them; after that the Add button is focused with a word, and no ceremony starts by itself', async ({ page, user, homePage, poolSignInPage, isolatedPortal }) => {
  isolatedTest.setTimeout(60_000);
  await VirtualAuthenticator.attach(page);
  const signedInAt = await signIn(page, homePage, poolSignInPage, user);
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();
  await untilNotRecent(page, signedInAt);

  // Forgetting a device asks too, and forgets nothing meanwhile.
  const devices = new DevicesSection(page);
  const [deviceName] = await devices.deviceNames();
  await devices.forget(deviceName);
  await expect(confirmDialog(page)).toBeVisible();
  await expect(devices.status).toHaveText(`Nothing was changed yet: confirm it’s you to forget ${deviceName}.`);
  await confirmDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await devices.expectListed(1);
  const deviceStates = await isolatedPortal.poolDriver.deviceStates(user.username);
  expect(deviceStates).toHaveLength(1);

  // So does remembering it or not: device trust is part of how the person signs in.
  await devices.choose(deviceName, deviceStates[0].remembered === 'remembered' ? 'Stop remembering' : 'Remember');
  await expect(confirmDialog(page)).toBeVisible();
  await expect(devices.status).toHaveText(`Nothing was changed yet: confirm it’s you to change whether ${deviceName} is remembered.`);
  await confirmDialog(page).getByRole('button', { name: 'Cancel' }).click();
  expect(await isolatedPortal.poolDriver.deviceStates(user.username)).toEqual(deviceStates);

  await passkeys.addButton.click();
  await expect(confirmDialog(page)).toBeVisible();
  await expect(passkeys.status).toHaveText('Nothing was added yet: confirm it’s you to add a passkey.');
  await confirmDialog(page).getByRole('button', { name: 'Sign in again' }).click();
  await poolSignInPage.signIn(user); // the password works too
  // Back: the button, focused, and a word; the OS prompt waits for the person's own press.
  await expect(page).toHaveURL(/\/security$/);
  await expect(passkeys.status).toHaveText('Thanks, that’s confirmed. Select “Add a passkey” to carry on.');
  await expect(passkeys.addButton).toBeFocused();
  await page.waitForTimeout(1_000);
  expect(await isolatedPortal.poolDriver.passkeys(user.username)).toHaveLength(0);
  // A reload resumes nothing.
  await page.reload();
  await passkeys.expectReady();
  await expect(passkeys.status).not.toHaveText(/confirmed/);
  await passkeys.addAndExpectAdded();
  await passkeys.expectCount(1);
  expect(await isolatedPortal.poolDriver.passkeys(user.username)).toHaveLength(1);
});

isolatedTest('a ?resume= link this tab did not ask for resumes nothing: no passkey ceremony, and a reload does nothing either', async ({ page, user, homePage, poolSignInPage, isolatedPortal }) => {
  const authenticator = await VirtualAuthenticator.attach(page);
  await signIn(page, homePage, poolSignInPage, user); // recent: a ceremony started now would go through
  const passkeys = new PasskeysSection(page);
  // Long enough for a ceremony started by the page to have ended (it takes well under a second here).
  const nothingAdded = async () => {
    await page.waitForTimeout(3_000);
    expect(await authenticator.credentials()).toHaveLength(0);
    expect(await isolatedPortal.poolDriver.passkeys(user.username)).toHaveLength(0);
  };
  for (const link of ['/security?resume=add-passkey', '/security?resume=AAAAAAAAAAAAAAAAAAAAAA']) {
    await page.goto(link);
    await passkeys.expectReady();
    await nothingAdded();
    // Gone from the address through the router, so it stays gone (a raw history.replaceState was undone by it).
    await expect(page).toHaveURL(/\/security$/);
    await page.reload();
    await passkeys.expectReady();
    await nothingAdded();
  }
  await expect(passkeys.addButton).not.toBeFocused();
  await expect(passkeys.status).not.toHaveText(/added|confirmed/);
});

isolatedTest('a sign-in that turns old during the ceremony adds nothing at the finish and asks to confirm it’s them', async ({ page, user, homePage, poolSignInPage, isolatedPortal }) => {
  isolatedTest.setTimeout(60_000);
  await VirtualAuthenticator.attach(page);
  const signedInAt = await signIn(page, homePage, poolSignInPage, user);
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();
  // The start is in time; the finish (the action call that carries the new credential) is held until the sign-in is old.
  let held = 0;
  await page.route('**/security', async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && request.headers()['next-action'] && (request.postData() ?? '').includes('attestationObject')) {
      held += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, signedInAt + (STEP_UP_MAX_AGE_SECONDS + 2) * 1000 - Date.now())));
    }
    await route.continue();
  });
  await passkeys.addButton.click();
  await expect(confirmDialog(page)).toBeVisible({ timeout: 30_000 });
  await expect(passkeys.status).toHaveText('Nothing was added: your sign-in is no longer recent. Confirm it’s you, then add the passkey again.');
  expect(held).toBe(1);
  expect(await isolatedPortal.poolDriver.passkeys(user.username)).toHaveLength(0);
  await page.unroute('**/security');
  await confirmDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await passkeys.expectCount(0);
});

isolatedTest('in the embedded view, an old sign-in confirms it’s them in the sign-in popup, and the delete dialog comes back in the iframe', async ({ page, user, isolatedPortal }) => {
  isolatedTest.setTimeout(90_000);
  await withExampleHost(EMBED_HOST, isolatedPortal.portalUrl, async () => {
    await VirtualAuthenticator.attach(page);
    const host = new EmbedHostPage(page, isolatedPortal.pool.endpoint);
    await host.open(EMBED_HOST_ORIGIN);
    await host.signInThroughPopup(user);
    const signedInAt = Date.now(); // after: the sign-in itself happened somewhere in the two windows' round trip
    await host.addPasskeyButton.click();
    await expect(host.passkeyStatus).toContainText('Passkey added');
    await untilNotRecent(page, signedInAt);

    await host.view.getByRole('region', { name: 'Passkeys' }).getByRole('button', { name: /^Actions for / }).click();
    await host.view.getByRole('menuitem', { name: 'Delete' }).click();
    await host.dialog.getByRole('button', { name: 'Delete passkey' }).click();
    // The pool asks again although this browser is signed in there.
    await host.confirmItsYouThroughPopup(user);

    await expect(host.dialog).toHaveAccessibleName(/^Delete the passkey/);
    await host.dialog.getByRole('button', { name: 'Delete passkey' }).click();
    await expect(host.passkeyStatus).toContainText('deleted');
    await expect(host.event('passkey-deleted')).toHaveCount(1);
    expect(await isolatedPortal.poolDriver.passkeys(user.username)).toHaveLength(0);
  });
});

isolatedTest('the add-passkey window confirms it’s them in a window of its own and keeps its way back to the iframe', async ({ page, context, user, isolatedPortal }) => {
  isolatedTest.setTimeout(90_000);
  await withExampleHost(EMBED_HOST, isolatedPortal.portalUrl, async () => {
    const host = new EmbedHostPage(page, isolatedPortal.pool.endpoint);
    // The host frames the view without allow="publickey-credentials-create": passkeys are added in a window.
    await host.open(EMBED_HOST_ORIGIN, '?theme=light&noWebAuthnDelegation=1');
    await host.signInThroughPopup(user);
    await host.addPasskeyButton.click();
    const { popup, authenticator } = await host.openAddPasskeyWindow();
    // It signs in to the portal through a window of its own (the pool remembers the iframe's sign-in).
    await (await host.continueToSignIn(popup)).waitForEvent('close');
    await expect(popup.getByRole('button', { name: 'Add a passkey' })).toBeVisible();
    await untilNotRecent(popup, Date.now());

    await popup.getByRole('button', { name: 'Add a passkey' }).click();
    const confirm = confirmDialog(popup);
    await expect(confirm).toBeVisible();
    const signInOpened = context.waitForEvent('page');
    await confirm.getByRole('button', { name: 'Sign in again' }).click();
    const signInWindow = await signInOpened;
    const signInClosed = signInWindow.waitForEvent('close');
    // The pool asks again although it has a sign-in session.
    await new PoolSignInPage(signInWindow, isolatedPortal.pool.endpoint).signIn(user);
    await signInClosed;

    // Back: the Add button, focused, and a word; the person presses it, and the window still reaches the view that opened it.
    await expect(popup.getByRole('status').filter({ hasText: /\S/ })).toHaveText('Thanks, that’s confirmed. Select “Add a passkey” to carry on.');
    await expect(popup.getByRole('button', { name: 'Add a passkey' })).toBeFocused();
    expect(await authenticator.credentials()).toHaveLength(0);
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Add a passkey' }).click();
    await expect.poll(async () => (popup.isClosed() ? 1 : (await authenticator.credentials()).length)).toBe(1);
    await closed;
    await expect(host.passkeyStatus).toContainText('Passkey added.');
    await expect(host.event('passkey-added')).toHaveCount(1);
    expect(await isolatedPortal.poolDriver.passkeys(user.username)).toHaveLength(1);
  });
});
