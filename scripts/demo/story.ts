import { expect as baseExpect, type Browser, type Locator, type Page } from '@playwright/test';
import { addedName, withoutOne } from './names';
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
  /**
   * The pool records the phone's hosted sign-in as a device (the local pool does): the story must
   * find and forget it. Without it, a pool listing no other device (Cognito tracks devices only for
   * SDK sign-ins) is said so in a caption and forgetting is skipped.
   */
  expectDevices?: boolean;
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
    homeSignIn: page.getByRole('main').getByRole('link', { name: 'Sign in' }),
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
      none: devicesRegion.getByText('No devices are listed for your account.'),
      status: devicesRegion.getByRole('status').filter({ hasText: /\S/ }),
      signOutEverywhere: page
        .getByRole('region', { name: 'If you think someone else has access' })
        .getByRole('button', { name: 'Sign out everywhere', exact: true }),
    },
  };
}

type Portal = ReturnType<typeof portal>;

/** The passkeys' names, as listed (Cognito lists oldest first). */
async function passkeyNames(ui: Portal): Promise<string[]> {
  return (await ui.passkeys.items.getByRole('heading', { level: 3 }).allInnerTexts()).map((name) => name.trim());
}

/**
 * The listed passkey called `name`. Were two called the same (the local pool never names two
 * alike; Cognito's naming is not documented), the newest of them is last in Cognito's order.
 */
function passkeyNamed(page: Page, ui: Portal, name: string): Locator {
  return ui.passkeys.items.filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) }).last();
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
export async function runStory({ browser, page, runner, baseUrl, credentials, expectDevices = false }: StoryOptions): Promise<void> {
  const at = (path: string) => new URL(path, baseUrl).toString();
  const ui = portal(page);
  let passkeysAtStart: string[] = [];
  // The passkeys this run added and has not deleted yet, by name: it deletes only its own.
  const added: string[] = [];
  let authenticator: VirtualAuthenticator | undefined;

  await runner.step(
    'A phone signs in first',
    'Before we start: the same person signed in on their phone too (a second, hidden browser), so there is another device to manage later.',
    async () => {
      // The watched page shows the portal's home page meanwhile.
      await page.goto(at('/'));
      await expect(ui.homeHeading).toBeVisible();
      const phone = await browser.newContext({ ...PHONE, baseURL: baseUrl });
      try {
        const phonePage = await phone.newPage();
        await phonePage.goto(at('/'));
        await portal(phonePage).homeSignIn.click();
        await fillPoolSignIn(phonePage, baseUrl, credentials);
        await submitSignIn(phonePage, baseUrl);
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
    if (expectDevices) await expect(ui.devices.items.first(), 'the Devices section lists devices').toBeVisible();
    else await expect(ui.devices.items.first().or(ui.devices.none), 'the Devices section is ready').toBeVisible();
    passkeysAtStart = await passkeyNames(ui);
  });

  /** Adds a passkey with the authenticator attached now, and notes its name as this run's. */
  async function addPasskey(kind: RegExp | string): Promise<void> {
    const before = await passkeyNames(ui);
    await ui.passkeys.addButton.click();
    await expect(ui.passkeys.status).toHaveText('Passkey added. You can now use it to sign in.', { timeout: 20_000 });
    await expect(ui.passkeys.alert).toHaveText('');
    await expect(ui.passkeys.items).toHaveCount(before.length + 1);
    const name = addedName(before, await passkeyNames(ui));
    added.push(name);
    await expect(passkeyNamed(page, ui, name), `the new passkey “${name}” says what holds it`).toContainText(kind);
  }

  await runner.step('Add a passkey', 'Add a passkey: the browser asks this device’s built-in authenticator (fingerprint, face or PIN) to make one.', async () => {
    authenticator = await VirtualAuthenticator.attach(page, { transport: 'internal' });
    await ui.passkeys.region.scrollIntoViewIfNeeded();
    await addPasskey(/This device.s built-in authenticator/);
  });

  await runner.step('Add a security key', 'Add a second passkey, this time on a USB security key: a spare way in if the laptop is lost.', async () => {
    await authenticator?.remove();
    authenticator = await VirtualAuthenticator.attach(page, { transport: 'usb' });
    await addPasskey('Security key or phone');
  });

  /** Asks to delete this run's passkey `name`; the dialog is left open. */
  async function askToDelete(name: string) {
    // Its actions are in the row's menu ("Actions for <name>"); Delete is one of them.
    await passkeyNamed(page, ui, name).getByRole('button', { name: /^Actions for / }).click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'Delete', exact: true }).click();
    await expect(ui.dialog).toBeVisible();
    await expect(ui.dialog).toHaveAccessibleName(`Delete the passkey “${name}”?`);
  }

  async function confirmDelete(name: string) {
    const expected = withoutOne(await passkeyNames(ui), name);
    await ui.dialog.getByRole('button', { name: 'Delete passkey', exact: true }).click();
    await expect(ui.dialog).toBeHidden();
    await expect(ui.passkeys.status).toHaveText(`Passkey “${name}” deleted.`);
    await expect.poll(() => passkeyNames(ui), { message: `“${name}” is gone from the list, and only it` }).toEqual(expected);
    added.splice(added.indexOf(name), 1);
  }

  // The first passkey this run added (the built-in one).
  const doomed = () => added[0] ?? '';
  await runner.step('Ask to delete a passkey', 'Delete a passkey: the portal asks first, because a deleted passkey cannot sign in any more.', async () => {
    await askToDelete(doomed());
  });

  await runner.step('Confirm: the passkey is deleted', 'Confirmed: the passkey is gone from the user pool, and the list says so.', async () => {
    await confirmDelete(doomed());
  });

  let other: { item: Locator; name: string } | undefined;
  await runner.step('Look at devices', 'The Devices section: the browsers and devices this user pool lists for the account.', async (step) => {
    await ui.devices.region.scrollIntoViewIfNeeded();
    await ui.devices.region.getByRole('heading', { level: 2 }).first().scrollIntoViewIfNeeded();
    const current = ui.devices.items.filter({ has: page.getByText(THIS_DEVICE, { exact: true }) });
    const others = ui.devices.items.filter({ hasNot: page.getByText(THIS_DEVICE, { exact: true }) });
    if (expectDevices) {
      await expect(current, 'this browser is marked as this device').toHaveCount(1);
      await expect(others.first(), 'the phone is listed as another device').toBeVisible();
    }
    if ((await others.count()) === 0) {
      await step.caption('This user pool lists no other device, so there is none to forget: Cognito records devices for sign-ins through its SDK, not through its sign-in page.');
      return;
    }
    const item = others.first();
    const name = (await item.getByRole('heading', { level: 3 }).innerText()).trim();
    other = { item, name };
    const thisOne = (await current.count()) > 0 ? 'this browser, marked “This device”, and ' : '';
    await step.caption(`The devices signed in to this account: ${thisOne}${name}${expectDevices ? ', the phone from earlier' : ''}.`);
    await item.scrollIntoViewIfNeeded();
  });

  if (other) {
    const { item, name } = other;
    const who = expectDevices ? 'the phone' : name;
    let devicesBefore = 0;
    let moreNotShown = false;
    await runner.step('Ask to forget the other device', `Forget ${who}: it will have to sign in with the password again, as a new device.`, async () => {
      devicesBefore = await ui.devices.items.count();
      // With more devices than the list shows at first, the next one takes the forgotten one's place.
      moreNotShown = (await ui.devices.region.getByRole('link', { name: /^Show all \d+ devices$/ }).count()) > 0;
      // Its actions are in the row's menu; the menu's name tells same-named devices apart.
      await item.getByRole('button', { name: /^Actions for / }).click();
      await page.getByRole('menu').getByRole('menuitem', { name: 'Forget', exact: true }).click();
      await expect(ui.dialog).toBeVisible();
      await expect(ui.dialog.getByRole('heading', { name: `Forget ${name}?` })).toBeVisible();
    });

    await runner.step('Confirm: the device is forgotten', `Confirmed: ${who} is no longer one of this account’s devices.`, async () => {
      await ui.dialog.getByRole('button', { name: 'Forget device', exact: true }).click();
      await expect(ui.dialog).toBeHidden();
      await expect(ui.devices.status).toHaveText(`${name} was forgotten.`);
      await expect(ui.devices.items).toHaveCount(moreNotShown ? devicesBefore : devicesBefore - 1);
    });
  }

  // Each run adds two passkeys and deletes one in the story; the rest goes too, so runs against
  // the same account do not pile passkeys up to the pool's limit, and a real user is left as found.
  await runner.step('Tidy up', 'Tidying up: the demo deletes the other passkey it added, leaving the passkeys the account had before.', async () => {
    await ui.passkeys.region.scrollIntoViewIfNeeded();
    for (const name of [...added]) {
      await askToDelete(name);
      await confirmDelete(name);
    }
    expect(await passkeyNames(ui), 'the passkeys the account started with').toEqual(passkeysAtStart);
  });

  await runner.step('Ask to sign out everywhere', 'Lost a device, or worried? “Sign out everywhere” ends every sign-in to the account, including this one.', async () => {
    await ui.devices.region.scrollIntoViewIfNeeded();
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
