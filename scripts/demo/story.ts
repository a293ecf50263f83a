import { expect as baseExpect, type Browser, type Locator, type Page } from '@playwright/test';
import type { RealLocale } from '../../lib/i18n/locales';
import { addedName, withoutOne } from './names';
import type { DemoRunner } from './runner';
import { VirtualAuthenticator } from './virtual-authenticator';
import { captions, portalWords, type PortalWords } from './words';

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
  /**
   * The language of the captions (the `demo` catalog) and of the portal, which the browsers ask
   * for (their contexts' `locale`, hence Accept-Language): English unless given.
   */
  locale?: RealLocale;
};

// A phone, for the second device: its browser identifies as Safari on an iPhone.
const PHONE = {
  viewport: { width: 390, height: 844 },
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  deviceScaleFactor: 1,
};

// Outside the test runner nothing else sets how long a check waits for the page.
const expect = baseExpect.configure({ timeout: 10_000 });

/**
 * What the demo looks for on the portal's pages: accessible names only, as a person would find them
 * (in `words`' language). Whole names (`exact`): in Japanese "パスキー" (the Passkeys section) is also
 * part of "新しいパスキーに名前を付ける" (the box that names a new passkey, a region too).
 */
function portal(page: Page, words: PortalWords) {
  const passkeysRegion = page.getByRole('region', { name: words.passkeysRegion, exact: true });
  const devicesRegion = page.getByRole('region', { name: words.devicesRegion, exact: true });
  return {
    homeHeading: page.getByRole('heading', { level: 1, name: words.homeHeading, exact: true }),
    homeSignIn: page.getByRole('main').getByRole('link', { name: words.homeSignIn }),
    securityHeading: page.getByRole('heading', { level: 1, name: words.securityHeading, exact: true }),
    dialog: page.getByRole('alertdialog'),
    passkeys: {
      region: passkeysRegion,
      addButton: passkeysRegion.getByRole('button', { name: words.addPasskey, exact: true }),
      items: passkeysRegion.getByRole('list', { name: words.yourPasskeys, exact: true }).getByRole('listitem'),
      status: passkeysRegion.getByRole('status'),
      alert: passkeysRegion.getByRole('alert'),
    },
    devices: {
      region: devicesRegion,
      items: devicesRegion.getByRole('list', { name: words.yourDevices, exact: true }).getByRole('listitem'),
      none: devicesRegion.getByText(words.noDevices, { exact: true }),
      status: devicesRegion.getByRole('status').filter({ hasText: /\S/ }),
      signOutEverywhere: page.getByRole('region', { name: words.accessRegion, exact: true }).getByRole('button', { name: words.signOutEverywhere, exact: true }),
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
 * too. Does not submit the password: `submitSignIn` does. In another language than English the
 * fields are found by their autocomplete tokens, the button as the form's submit button.
 */
async function fillPoolSignIn(page: Page, baseUrl: string, credentials: DemoCredentials) {
  const portalOrigin = new URL(baseUrl).origin;
  await expect(page, 'the portal sends the browser to the user pool’s sign-in page').toHaveURL((url) => url.origin !== portalOrigin, { timeout: 15_000 });
  const username = page
    .getByLabel(/user ?name|e-?mail/i)
    .or(page.getByPlaceholder(/user ?name|e-?mail/i))
    .or(page.locator('input[autocomplete~="username"], input[autocomplete~="email"]'))
    .filter({ visible: true })
    .first();
  const password = page.locator('input[type="password"]').filter({ visible: true }).first();
  await expect(username, 'the sign-in page asks for a username').toBeVisible();
  await username.fill(credentials.username);
  if (!(await password.isVisible())) {
    await poolSubmitButton(page).click();
    await expect(password, 'the sign-in page asks for the password').toBeVisible();
  }
  await password.fill(credentials.password);
}

/** "Sign in" (not "Sign in with a passkey"), or "Next" / "Continue" on a username-first page; in any language, the form's submit button. */
const poolSubmitButton = (page: Page) =>
  page
    .getByRole('button', { name: /^(sign in|next|continue)$/i })
    .or(page.locator('form button[type="submit"], form input[type="submit"]'))
    .filter({ visible: true })
    .first();

async function submitSignIn(page: Page, baseUrl: string, words: PortalWords) {
  await poolSubmitButton(page).click();
  await expect(page, 'the pool sends the browser back to the portal').toHaveURL((url) => url.origin === new URL(baseUrl).origin, { timeout: 20_000 });
  await expect(portal(page, words).securityHeading).toBeVisible();
}

/** The whole story, step by step; every step checks on the page that it did what it says. */
export async function runStory({ browser, page, runner, baseUrl, credentials, expectDevices = false, locale = 'en' }: StoryOptions): Promise<void> {
  const at = (path: string) => new URL(path, baseUrl).toString();
  const words = portalWords(locale);
  const say = captions(locale);
  const ui = portal(page, words);
  let passkeysAtStart: string[] = [];
  // The passkeys this run added and has not deleted yet, by name: it deletes only its own.
  const added: string[] = [];
  let authenticator: VirtualAuthenticator | undefined;

  await runner.step('A phone signs in first', say('phoneFirst'), async () => {
    // The watched page shows the portal's home page meanwhile.
    await page.goto(at('/'));
    await expect(ui.homeHeading).toBeVisible();
    const phone = await browser.newContext({ ...PHONE, baseURL: baseUrl, locale });
    try {
      const phonePage = await phone.newPage();
      await phonePage.goto(at('/'));
      await portal(phonePage, words).homeSignIn.click();
      await fillPoolSignIn(phonePage, baseUrl, credentials);
      await submitSignIn(phonePage, baseUrl, words);
    } finally {
      await phone.close();
    }
  });

  await runner.step('Open the portal', say('openPortal'), async () => {
    await expect(ui.homeHeading).toBeVisible();
    await expect(ui.homeSignIn).toBeEnabled();
  });

  await runner.step('Sign in at the user pool', say('signInAtPool'), async () => {
    await ui.homeSignIn.click();
    await fillPoolSignIn(page, baseUrl, credentials);
  });

  await runner.step('The Security page', say('securityPage'), async () => {
    await submitSignIn(page, baseUrl, words);
    await expect(ui.passkeys.addButton, 'the Passkeys section is ready').toBeEnabled();
    if (expectDevices) await expect(ui.devices.items.first(), 'the Devices section lists devices').toBeVisible();
    else await expect(ui.devices.items.first().or(ui.devices.none), 'the Devices section is ready').toBeVisible();
    passkeysAtStart = await passkeyNames(ui);
  });

  /** Adds a passkey with the authenticator attached now, and notes its name as this run's. */
  async function addPasskey(kind: RegExp | string): Promise<void> {
    const before = await passkeyNames(ui);
    await ui.passkeys.addButton.click();
    await expect(ui.passkeys.status).toHaveText(words.passkeyAdded, { timeout: 20_000 });
    await expect(ui.passkeys.alert).toHaveText('');
    await expect(ui.passkeys.items).toHaveCount(before.length + 1);
    const name = addedName(before, await passkeyNames(ui));
    added.push(name);
    await expect(passkeyNamed(page, ui, name), `the new passkey “${name}” says what holds it`).toContainText(kind);
  }

  await runner.step('Add a passkey', say('addPasskey'), async () => {
    authenticator = await VirtualAuthenticator.attach(page, { transport: 'internal' });
    await ui.passkeys.region.scrollIntoViewIfNeeded();
    await addPasskey(words.builtInAuthenticator);
  });

  await runner.step('Add a security key', say('addSecurityKey'), async () => {
    await authenticator?.remove();
    authenticator = await VirtualAuthenticator.attach(page, { transport: 'usb' });
    await addPasskey(words.securityKey);
  });

  /** Asks to delete this run's passkey `name`; the dialog is left open. */
  async function askToDelete(name: string) {
    // Its actions are in the row's menu ("Actions for <name>"); Delete is one of them.
    await passkeyNamed(page, ui, name).getByRole('button', { name: words.passkeyActionsFor }).click();
    await page.getByRole('menu').getByRole('menuitem', { name: words.deleteItem, exact: true }).click();
    await expect(ui.dialog).toBeVisible();
    await expect(ui.dialog).toHaveAccessibleName(words.deleteDialog(name));
  }

  async function confirmDelete(name: string) {
    const expected = withoutOne(await passkeyNames(ui), name);
    await ui.dialog.getByRole('button', { name: words.deletePasskey, exact: true }).click();
    await expect(ui.dialog).toBeHidden();
    await expect(ui.passkeys.status).toHaveText(words.passkeyDeleted(name));
    await expect.poll(() => passkeyNames(ui), { message: `“${name}” is gone from the list, and only it` }).toEqual(expected);
    added.splice(added.indexOf(name), 1);
  }

  // The first passkey this run added (the built-in one).
  const doomed = () => added[0] ?? '';
  await runner.step('Ask to delete a passkey', say('askToDelete'), async () => {
    await askToDelete(doomed());
  });

  await runner.step('Confirm: the passkey is deleted', say('confirmDelete'), async () => {
    await confirmDelete(doomed());
  });

  let other: { item: Locator; name: string } | undefined;
  await runner.step('Look at devices', say('lookAtDevices'), async (step) => {
    await ui.devices.region.scrollIntoViewIfNeeded();
    await ui.devices.region.getByRole('heading', { level: 2 }).first().scrollIntoViewIfNeeded();
    const current = ui.devices.items.filter({ has: page.getByText(words.thisDevice, { exact: true }) });
    const others = ui.devices.items.filter({ hasNot: page.getByText(words.thisDevice, { exact: true }) });
    if (expectDevices) {
      await expect(current, 'this browser is marked as this device').toHaveCount(1);
      await expect(others.first(), 'the phone is listed as another device').toBeVisible();
    }
    if ((await others.count()) === 0) {
      await step.caption(say('noOtherDevice'));
      return;
    }
    const item = others.first();
    const name = (await item.getByRole('heading', { level: 3 }).innerText()).trim();
    other = { item, name };
    const withThis = (await current.count()) > 0 ? 'WithThis' : '';
    await step.caption(say(`devicesListed${withThis}${expectDevices ? 'Phone' : ''}`, { name, thisDevice: words.thisDevice }));
    await item.scrollIntoViewIfNeeded();
  });

  if (other) {
    const { item, name } = other;
    // The phone from earlier is called "the phone"; any other device by its name.
    const [askToForget, confirmForgotten] = expectDevices ? [say('askForgetPhone'), say('confirmForgetPhone')] : [say('askForgetDevice', { name }), say('confirmForgetDevice', { name })];
    let devicesBefore = 0;
    let moreNotShown = false;
    await runner.step('Ask to forget the other device', askToForget, async () => {
      devicesBefore = await ui.devices.items.count();
      // With more devices than the list shows at first, the next one takes the forgotten one's place.
      moreNotShown = (await ui.devices.region.getByRole('link', { name: words.showAllDevices }).count()) > 0;
      // Its actions are in the row's menu; the menu's name tells same-named devices apart.
      await item.getByRole('button', { name: words.deviceActionsFor }).click();
      await page.getByRole('menu').getByRole('menuitem', { name: words.forgetItem, exact: true }).click();
      await expect(ui.dialog).toBeVisible();
      await expect(ui.dialog.getByRole('heading', { name: words.forgetDialog(name) })).toBeVisible();
    });

    await runner.step('Confirm: the device is forgotten', confirmForgotten, async () => {
      await ui.dialog.getByRole('button', { name: words.forgetDevice, exact: true }).click();
      await expect(ui.dialog).toBeHidden();
      await expect(ui.devices.status).toHaveText(words.forgotten(name));
      await expect(ui.devices.items).toHaveCount(moreNotShown ? devicesBefore : devicesBefore - 1);
    });
  }

  // Each run adds two passkeys and deletes one in the story; the rest goes too, so runs against
  // the same account do not pile passkeys up to the pool's limit, and a real user is left as found.
  await runner.step('Tidy up', say('tidyUp'), async () => {
    await ui.passkeys.region.scrollIntoViewIfNeeded();
    for (const name of [...added]) {
      await askToDelete(name);
      await confirmDelete(name);
    }
    expect(await passkeyNames(ui), 'the passkeys the account started with').toEqual(passkeysAtStart);
  });

  await runner.step('Ask to sign out everywhere', say('askSignOutEverywhere', { button: words.signOutEverywhere }), async () => {
    await ui.devices.region.scrollIntoViewIfNeeded();
    await ui.devices.signOutEverywhere.click();
    await expect(ui.dialog).toBeVisible();
    await expect(ui.dialog).toContainText(words.signOutEverywhereWarning);
  });

  await runner.step('Signed out everywhere', say('signedOutEverywhere'), async () => {
    await ui.dialog.getByRole('button', { name: words.signOutEverywhere, exact: true }).click();
    await expect(page).toHaveURL((url) => url.origin === new URL(baseUrl).origin && url.pathname === '/', { timeout: 20_000 });
    await expect(ui.homeHeading).toBeVisible();
    await expect(ui.homeSignIn).toBeVisible();
    const session = (await (await page.request.get(at('/api/auth/session'))).json()) as Record<string, unknown>;
    expect(session.user, 'the portal has no session any more').toBeUndefined();
  });
}
