import { expect as baseExpect, type Browser, type Locator, type Page } from '@playwright/test';
import type { DemoRunner } from './runner';
import { VirtualAuthenticator } from './virtual-authenticator';

export type DemoCredentials = { username: string; password: string };

export type StoryOptions = {
  browser: Browser;
  /** The page being watched (and recorded); its context gets the captions. */
  page: Page;
  runner: DemoRunner;
  /** The portal, e.g. http://localhost:3000. */
  baseUrl: string;
  credentials: DemoCredentials;
};

// A phone, for the second device: its browser identifies as Safari on an iPhone.
const PHONE = {
  viewport: { width: 390, height: 844 },
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  deviceScaleFactor: 1,
};

const THIS_DEVICE = 'This device';
// Outside the test runner nothing else sets how long a check waits for the page.
const expect = baseExpect.configure({ timeout: 10_000 });

/** What the demo looks for on the portal's pages: accessible names only, as a person would find them. */
function portal(page: Page) {
  const passkeysRegion = page.getByRole('region', { name: 'Passkeys' });
  const devicesRegion = page.getByRole('region', { name: 'Devices' });
  return {
    homeHeading: page.getByRole('heading', { level: 1, name: 'Keep your account secure' }),
    homeSignIn: page.getByRole('main').getByRole('button', { name: 'Sign in' }),
    securityHeading: page.getByRole('heading', { level: 1, name: 'Your security settings' }),
    dialog: page.getByRole('alertdialog'),
    passkeys: {
      region: passkeysRegion,
      addButton: passkeysRegion.getByRole('button', { name: 'Add a passkey' }),
      items: passkeysRegion.getByRole('list', { name: 'Your passkeys' }).getByRole('listitem'),
      status: passkeysRegion.getByRole('status'),
      alert: passkeysRegion.getByRole('alert'),
    },
    devices: {
      region: devicesRegion,
      items: devicesRegion.getByRole('list', { name: 'Your devices' }).getByRole('listitem'),
      status: devicesRegion.getByRole('status').filter({ hasText: /\S/ }),
      signOutEverywhere: devicesRegion.getByRole('button', { name: 'Sign out everywhere', exact: true }),
    },
  };
}

/**
 * The user pool's hosted sign-in page: the local pool's, or Cognito's. Fills the username (or
 * email) and password; a page that asks for the username first and the password next is handled
 * too. Does not submit the password: `submitSignIn` does.
 */
async function fillPoolSignIn(page: Page, baseUrl: string, credentials: DemoCredentials) {
  const portalOrigin = new URL(baseUrl).origin;
  await expect(page, 'the portal sends the browser to the user pool’s sign-in page').toHaveURL((url) => url.origin !== portalOrigin, { timeout: 15_000 });
  const username = page.getByLabel(/user ?name|e-?mail/i).or(page.getByPlaceholder(/user ?name|e-?mail/i)).filter({ visible: true }).first();
  const password = page.locator('input[type="password"]').filter({ visible: true }).first();
  await expect(username, 'the sign-in page asks for a username').toBeVisible();
  await username.fill(credentials.username);
  if (!(await password.isVisible())) {
    await poolSubmitButton(page).click();
    await expect(password, 'the sign-in page asks for the password').toBeVisible();
  }
  await password.fill(credentials.password);
}

/** "Sign in" (not "Sign in with a passkey"), or "Next" / "Continue" on a username-first page. */
const poolSubmitButton = (page: Page) => page.getByRole('button', { name: /^(sign in|next|continue)$/i }).filter({ visible: true }).first();

async function submitSignIn(page: Page, baseUrl: string) {
  await poolSubmitButton(page).click();
  await expect(page, 'the pool sends the browser back to the portal').toHaveURL((url) => url.origin === new URL(baseUrl).origin, { timeout: 20_000 });
  await expect(portal(page).securityHeading).toBeVisible();
}

/** The whole story, step by step; every step checks on the page that it did what it says. */
export async function runStory({ browser, page, runner, baseUrl, credentials }: StoryOptions): Promise<void> {
  const at = (path: string) => new URL(path, baseUrl).toString();
  const ui = portal(page);
  let passkeysBefore = 0;
  let otherDeviceName = '';
  let otherDevice: Locator | undefined;

  await runner.step(
    'A phone signs in first',
    'Before we start: the same person signed in on their phone too (a second, hidden browser), so there is another device to manage later.',
    async () => {
      const phone = await browser.newContext({ ...PHONE, baseURL: baseUrl });
      try {
        const phonePage = await phone.newPage();
        await phonePage.goto(at('/'));
        await portal(phonePage).homeSignIn.click();
        await fillPoolSignIn(phonePage, baseUrl, credentials);
        await submitSignIn(phonePage, baseUrl);
        // The watched page shows the portal's home page meanwhile.
        await page.goto(at('/'));
        await expect(ui.homeHeading).toBeVisible();
      } finally {
        await phone.close();
      }
    },
  );

  await runner.step('Open the portal', 'This is the account-security portal. It works with any Amazon Cognito user pool.', async () => {
    await expect(ui.homeHeading).toBeVisible();
    await expect(ui.homeSignIn).toBeEnabled();
  });

  await runner.step('Sign in at the user pool', 'Signing in happens on the user pool’s own sign-in page: the portal never sees the password.', async () => {
    await ui.homeSignIn.click();
    await fillPoolSignIn(page, baseUrl, credentials);
  });

  await runner.step('The Security page', 'Signed in: the Security page lists the account’s passkeys and devices.', async () => {
    await submitSignIn(page, baseUrl);
    await expect(ui.passkeys.addButton, 'the Passkeys section is ready').toBeEnabled();
    await expect(ui.devices.items.first(), 'the Devices section lists devices').toBeVisible();
    passkeysBefore = await ui.passkeys.items.count();
  });

  const platform = await VirtualAuthenticator.attach(page, { transport: 'internal' });
  await runner.step('Add a passkey', 'Add a passkey: the browser asks this device’s built-in authenticator (fingerprint, face or PIN) to make one.', async () => {
    await ui.passkeys.region.scrollIntoViewIfNeeded();
    await ui.passkeys.addButton.click();
    await expect(ui.passkeys.status).toHaveText('Passkey added. You can now use it to sign in.', { timeout: 20_000 });
    await expect(ui.passkeys.alert).toHaveText('');
    await expect(ui.passkeys.items).toHaveCount(passkeysBefore + 1);
    await expect(ui.passkeys.items.filter({ hasText: /This device.s built-in authenticator/ }).first()).toBeVisible();
  });

  await platform.remove();
  await VirtualAuthenticator.attach(page, { transport: 'usb' });
  await runner.step('Add a security key', 'Add a second passkey, this time on a USB security key: a spare way in if the laptop is lost.', async () => {
    await ui.passkeys.addButton.click();
    await expect(ui.passkeys.status).toHaveText('Passkey added. You can now use it to sign in.', { timeout: 20_000 });
    await expect(ui.passkeys.alert).toHaveText('');
    await expect(ui.passkeys.items).toHaveCount(passkeysBefore + 2);
    await expect(ui.passkeys.items.filter({ hasText: 'Security key or phone' }).first()).toBeVisible();
  });

  // The passkey added first in this run: the last but one in the list (Cognito lists oldest first;
  // two added in the same second may come in either order, which does not matter here).
  const doomed = ui.passkeys.items.nth(passkeysBefore);
  let doomedName = '';
  await runner.step('Ask to delete a passkey', 'Delete a passkey: the portal asks first, because a deleted passkey cannot sign in any more.', async () => {
    doomedName = (await doomed.getByRole('heading', { level: 3 }).innerText()).trim();
    await doomed.getByRole('button', { name: `Delete passkey ${doomedName}`, exact: true }).click();
    await expect(ui.dialog).toBeVisible();
    await expect(ui.dialog).toHaveAccessibleName(`Delete the passkey “${doomedName}”?`);
  });

  await runner.step('Confirm: the passkey is deleted', 'Confirmed: the passkey is gone from the user pool, and the list says so.', async () => {
    await ui.dialog.getByRole('button', { name: 'Delete passkey', exact: true }).click();
    await expect(ui.dialog).toBeHidden();
    await expect(ui.passkeys.status).toHaveText(`Passkey “${doomedName}” deleted.`);
    await expect(ui.passkeys.items).toHaveCount(passkeysBefore + 1);
  });

  await runner.step('Look at devices', 'The devices signed in to this account: this browser, and the phone from earlier.', async () => {
    await ui.devices.region.scrollIntoViewIfNeeded();
    await ui.devices.region.getByRole('heading', { level: 2 }).first().scrollIntoViewIfNeeded();
    const current = ui.devices.items.filter({ has: page.getByText(THIS_DEVICE, { exact: true }) });
    await expect(current, 'this browser is marked as this device').toHaveCount(1);
    otherDevice = ui.devices.items.filter({ hasNot: page.getByText(THIS_DEVICE, { exact: true }) }).first();
    await expect(otherDevice, 'the phone is listed as another device').toBeVisible();
    otherDeviceName = (await otherDevice.getByRole('heading', { level: 3 }).innerText()).trim();
    await otherDevice.scrollIntoViewIfNeeded();
  });

  let devicesBefore = 0;
  await runner.step('Ask to forget the phone', 'Forget the phone: it will have to sign in with the password again, as a new device.', async () => {
    devicesBefore = await ui.devices.items.count();
    await otherDevice!.getByRole('button', { name: `Forget device ${otherDeviceName}`, exact: true }).click();
    await expect(ui.dialog).toBeVisible();
    await expect(ui.dialog.getByRole('heading', { name: `Forget ${otherDeviceName}?` })).toBeVisible();
  });

  await runner.step('Confirm: the device is forgotten', 'Confirmed: the phone is no longer one of this account’s devices.', async () => {
    await ui.dialog.getByRole('button', { name: 'Forget device', exact: true }).click();
    await expect(ui.dialog).toBeHidden();
    await expect(ui.devices.status).toHaveText(`${otherDeviceName} was forgotten.`);
    await expect(ui.devices.items).toHaveCount(devicesBefore - 1);
  });

  await runner.step('Ask to sign out everywhere', 'Lost a device, or worried? “Sign out everywhere” ends every sign-in to the account, including this one.', async () => {
    await ui.devices.signOutEverywhere.click();
    await expect(ui.dialog).toBeVisible();
    await expect(ui.dialog).toContainText('Every device and app signed in to your account will be signed out, including this browser.');
  });

  await runner.step('Signed out everywhere', 'Signed out everywhere: the user pool has revoked every session, and this browser is signed out too.', async () => {
    await ui.dialog.getByRole('button', { name: 'Sign out everywhere', exact: true }).click();
    await expect(page).toHaveURL((url) => url.origin === new URL(baseUrl).origin && url.pathname === '/', { timeout: 20_000 });
    await expect(ui.homeHeading).toBeVisible();
    await expect(ui.homeSignIn).toBeVisible();
    const session = (await (await page.request.get(at('/api/auth/session'))).json()) as Record<string, unknown>;
    expect(session.user, 'the portal has no session any more').toBeUndefined();
  });
}
