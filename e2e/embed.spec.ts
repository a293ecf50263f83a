import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EmbedHostPage } from './pages/embed-host-page';
import { HomePage } from './pages/home-page';
import { POOL_SIGN_IN_TEXTS, PoolSignInPage } from './pages/pool-sign-in-page';
import { SecurityPage } from './pages/security-page';
import { e2eEnvironment } from './support/environment';
import { startExampleHost } from './support/example-host';
import { poolControl } from './support/pool';
import { decodeSession } from './support/session-cookie';
import { VirtualAuthenticator } from './support/virtual-authenticator';

// The example host (http://127.0.0.1:4310, in EMBED_ALLOWED_ORIGINS) and the portal
// (http://localhost:3100) are different sites; http://127.0.0.2:4311 is a third site, not allowed.

const env = e2eEnvironment();
const EMBED_COOKIE = '__Host-portal-embed-session';

type CdpCookie = { name: string; value: string; partitionKey?: { topLevelSite: string; hasCrossSiteAncestor: boolean }; sameSite?: string; secure: boolean; httpOnly: boolean };

/** Every cookie the browser holds, partitioned ones included (Playwright's own API does not show partition keys). */
async function browserCookies(page: Page): Promise<CdpCookie[]> {
  const cdp = await page.context().newCDPSession(page);
  // Network.getAllCookies answers for this page's browser context (Storage.getCookies for the default one).
  const { cookies } = (await cdp.send('Network.getAllCookies')) as { cookies: CdpCookie[] };
  await cdp.detach();
  return cookies;
}

test.describe('the embedded view in another site’s page', () => {
  test('signs in through a popup into a partitioned session the host cannot read', async ({ page, user }) => {
    const host = new EmbedHostPage(page);
    await host.open();
    await expect(host.signInButton).toBeVisible();
    await host.signInThroughPopup(user);

    await expect(host.event('signed-in')).toHaveCount(1);
    // The view is its content alone: none of the portal's header (account menu) or footer (language menu).
    await expect(host.view.getByRole('main')).toBeVisible();
    await expect(host.view.getByRole('banner')).toHaveCount(0);
    await expect(host.view.getByRole('contentinfo')).toHaveCount(0);
    // The host sized its iframe from the view's last resize message.
    const resizes = host.event('resize');
    await expect(resizes.first()).toBeVisible();
    const lastHeight = async () => JSON.parse(((await resizes.last().textContent()) ?? '').replace(/^resize /, '')).height as number;
    // Both sides are read on every poll: the signed-in view's report comes once its layout settles
    // (debounced), after the signed-out one.
    await expect.poll(lastHeight, { message: 'the signed-in view reports its height' }).toBeGreaterThan(300);
    await expect
      .poll(async () => Math.round((await host.iframe.boundingBox())!.height) - (await lastHeight()))
      .toBe(2); // the 1px border above and below

    // Every message is in the documented, versioned shape.
    for (const text of await host.events.allTextContents()) {
      const message = JSON.parse(text.slice(text.indexOf(' ') + 1));
      expect(message).toMatchObject({ source: 'cognito-security-portal', version: 1 });
    }

    const embedCookies = (await browserCookies(page)).filter((c) => c.name === EMBED_COOKIE);
    expect(embedCookies).toHaveLength(1);
    expect(embedCookies[0]).toMatchObject({ httpOnly: true, secure: true, sameSite: 'None', partitionKey: { topLevelSite: 'http://127.0.0.1' } });
    expect(await page.evaluate(() => document.cookie)).not.toContain(EMBED_COOKIE);

    // Not sent when the portal is framed by another site (which is refused anyway), nor top-level.
    const framedElsewhere = page.waitForRequest((r) => r.url().startsWith(`${env.portalUrl}/embed/security`));
    await host.open(env.embedHosts.foreign);
    expect((await (await framedElsewhere).allHeaders()).cookie ?? '').not.toContain(EMBED_COOKIE);
    const topLevel = page.waitForRequest((r) => r.url().startsWith(`${env.portalUrl}/embed/security`));
    await page.goto(`${env.portalUrl}/embed/security?host=${encodeURIComponent(env.embedHosts.allowed)}`);
    expect((await (await topLevel).allHeaders()).cookie ?? '').not.toContain(EMBED_COOKIE);

    // Back in the allowed host, the partitioned session is sent and still signed in.
    const framedHere = page.waitForRequest((r) => r.url().startsWith(`${env.portalUrl}/embed/security`));
    await host.open();
    expect((await (await framedHere).allHeaders()).cookie ?? '').toContain(EMBED_COOKIE);
    await expect(host.signedInAs).toContainText(user.name);
    await expect(host.event('ready')).toContainText('"signedIn":true');

    // Signing out of the view ends its session and tells the host.
    await host.view.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(host.signInButton).toBeVisible();
    await expect(host.event('signed-out')).toHaveCount(1);
  });

  test('a handoff is worthless without the verifier only the view holds, whatever Origin a client sends', async ({ page, user, request }) => {
    const host = new EmbedHostPage(page);
    await host.open();
    // Hold the view's own redemption, so a Node client gets the fresh handoff first.
    let redemption: Record<string, unknown> | null = null;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.context().route(`${env.portalUrl}/embed/session`, async (route) => {
      if (route.request().method() === 'POST' && !redemption) {
        redemption = route.request().postDataJSON() as Record<string, unknown>;
        await released;
      }
      await route.continue();
    });
    const signedIn = host.signInThroughPopup(user);
    await expect.poll(() => redemption !== null, { timeout: 30_000 }).toBe(true);
    const { handoff, host: hostOrigin, verifier } = redemption as unknown as Record<string, string>;
    // What travelled through the windows' addresses: the state (the verifier's hash, where there is a verifier).
    const state = (redemption as unknown as Record<string, string>).state ?? createHash('sha256').update(verifier).digest('base64url');
    const forge = (body: Record<string, unknown>) =>
      request.post(`${env.portalUrl}/embed/session`, { headers: { origin: env.portalUrl, 'sec-fetch-site': 'same-origin' }, data: body, maxRedirects: 0 });
    for (const body of [
      { handoff, state, host: hostOrigin },
      { handoff, state, host: hostOrigin, verifier: state },
      { handoff, host: hostOrigin, verifier: createHash('sha256').update(state).digest('base64url') },
      { handoff, host: hostOrigin, verifier: 'A'.repeat(43) },
    ]) {
      const forged = await forge(body);
      expect(forged.status(), JSON.stringify(Object.keys(body))).toBe(400);
      expect(forged.headers()['set-cookie'] ?? '').not.toContain(EMBED_COOKIE);
    }
    // The view, with its verifier, still signs in with the same handoff.
    release();
    await signedIn;
    await expect(host.event('signed-in')).toHaveCount(1);
  });

  test('adds and deletes a passkey inside the iframe, and the host hears of each', async ({ page, user }) => {
    const authenticator = await VirtualAuthenticator.attach(page);
    const host = new EmbedHostPage(page);
    await host.open();
    await host.signInThroughPopup(user);
    // The sections have streamed in (their skeletons hold a passkey row), and the host has sized the frame to them.
    await expect(host.view.getByText('You have no passkeys yet.')).toBeVisible();
    await expect(host.view.getByRole('list', { name: 'Your devices' })).toBeVisible();
    const resizes = host.event('resize');
    const lastHeight = async () => JSON.parse(((await resizes.last().textContent()) ?? '').replace(/^resize /, '')).height as number;
    await expect.poll(async () => Math.round((await host.iframe.boundingBox())!.height) - (await lastHeight())).toBe(2); // the 1px border
    const heightBefore = (await host.iframe.boundingBox())!.height;

    await host.addPasskeyButton.click();
    await expect(host.passkeyStatus).toContainText('Passkey added');
    await expect(host.event('passkey-added')).toHaveCount(1);
    expect(await authenticator.credentials()).toHaveLength(1);
    // A passkey in the list makes the view taller; the host followed its resize messages.
    await expect.poll(async () => (await host.iframe.boundingBox())!.height).toBeGreaterThan(heightBefore);

    await host.view.getByRole('region', { name: 'Passkeys' }).getByRole('button', { name: /^Actions for / }).click();
    await host.view.getByRole('menuitem', { name: 'Delete' }).click();
    await host.dialog.getByRole('button', { name: 'Delete passkey' }).click();
    await expect(host.passkeyStatus).toContainText('deleted');
    await expect(host.event('passkey-deleted')).toHaveCount(1);
    await expect(host.view.getByText('You have no passkeys yet.')).toBeVisible();
  });

  test('forgets a device inside the iframe, and the host hears of it and of a failure', async ({ page, user }) => {
    await poolControl('POST', 'devices', { username: user.username, count: 1, name: 'Old laptop' });
    await poolControl('POST', 'devices', { username: user.username, count: 1, name: 'Work phone' });
    const host = new EmbedHostPage(page);
    await host.open();
    await host.signInThroughPopup(user);
    const devices = host.view.getByRole('region', { name: 'Devices' });

    await devices.getByRole('button', { name: 'Actions for Old laptop', exact: true }).click();
    await host.view.getByRole('menuitem', { name: 'Forget', exact: true }).click();
    await host.dialog.getByRole('button', { name: 'Forget device' }).click();
    await expect(devices.getByRole('status')).toContainText('Old laptop was forgotten');
    await expect(host.event('device-forgotten')).toHaveCount(1);
    await expect(host.event('error')).toHaveCount(0);

    // A failure the person is told about reaches the host as an error event, and nothing changes.
    await poolControl('PUT', 'faults', { ForgetDevice: { error: 'InternalErrorException' } });
    try {
      await devices.getByRole('button', { name: 'Actions for Work phone', exact: true }).click();
      await host.view.getByRole('menuitem', { name: 'Forget', exact: true }).click();
      await host.dialog.getByRole('button', { name: 'Forget device' }).click();
      await expect(devices.getByRole('alert')).not.toBeEmpty();
      await expect(host.event('error')).toHaveCount(1);
      await expect(host.event('error')).toContainText('"code":"device-action-failed"');
      await expect(host.event('device-forgotten')).toHaveCount(1);
    } finally {
      await poolControl('PUT', 'faults', {});
    }
    await expect(devices.getByRole('button', { name: 'Actions for Work phone', exact: true })).toBeVisible();
  });

  test('where the iframe may not create passkeys, offers a popup of the portal that adds one', async ({ page, user }) => {
    const host = new EmbedHostPage(page);
    // The host frames the view without allow="publickey-credentials-create".
    await host.open(undefined, '?theme=light&noWebAuthnDelegation=1');
    await host.signInThroughPopup(user);

    await host.addPasskeyButton.click();
    const inNewWindow = host.view.getByRole('button', { name: 'Add the passkey in a new window' });
    await expect(inNewWindow).toBeFocused();
    // Offering the window is not an error.
    await expect(host.view.getByRole('region', { name: 'Passkeys' }).getByRole('alert')).toHaveText('');
    const { popup, authenticator } = await host.openAddPasskeyWindow();
    expect(new URL(popup.url()).origin).toBe(env.portalUrl);
    // The popup is top-level and first-party, on the portal's own session, which the iframe's
    // sign-in never set: it signs in through a window of its own and keeps its opener. The pool
    // remembers the iframe's sign-in, so no password.
    await expect(popup.getByRole('heading', { name: 'Sign in to continue' })).toBeVisible();
    const signInWindow = await host.continueToSignIn(popup);
    await signInWindow.waitForEvent('close');
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Add a passkey' }).click();
    await expect.poll(async () => (popup.isClosed() ? 1 : (await authenticator.credentials()).length)).toBe(1);
    await closed;

    await expect(host.passkeyStatus).toContainText('Passkey added.');
    await expect(host.event('passkey-added')).toHaveCount(1);
    await expect(host.view.getByRole('region', { name: 'Passkeys' }).getByRole('button', { name: /^Actions for / })).toHaveCount(1);
    await expect(host.view.getByText('You have no passkeys yet.')).toHaveCount(0);
  });

  test('the iframe’s session is its own: signing out there leaves the portal’s session alone', async ({ page, context, user }) => {
    // Signed in to the portal in a tab of its own first.
    const portalTab = await context.newPage();
    await new HomePage(portalTab).goto();
    await new HomePage(portalTab).signInButton.click();
    await new PoolSignInPage(portalTab).signIn(user);
    const portal = new SecurityPage(portalTab);
    await portal.expectSignedInAs(user.name);
    const portalSession = await decodeSession(context);

    // The iframe signs in with a sign-in of its own: the pool remembers the person, so no password,
    // and the portal's session cookie is neither handed over nor touched.
    const host = new EmbedHostPage(page);
    await host.open();
    await host.signInThroughPopup(user, { password: false });
    expect(await decodeSession(context)).toEqual(portalSession);

    await host.view.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(host.signInButton).toBeVisible();
    await expect(host.event('signed-out')).toHaveCount(1);

    // The portal's tab still works: its tokens were not the iframe's, so they were not revoked.
    await portalTab.reload();
    await portal.expectSignedInAs(user.name);
    await expect(portalTab.getByText('You have no passkeys yet.')).toBeVisible();
    expect(await decodeSession(context)).toMatchObject({ cognito: { refreshToken: portalSession!.cognito.refreshToken } });

    // And the iframe signs in again, with a new session of its own.
    await host.signInThroughPopup(user, { password: false });
    await expect(host.view.getByText('You have no passkeys yet.')).toBeVisible();
  });

  test('the sign-in window says so plainly when the window that asked for it is gone', async ({ page, user }) => {
    const host = new EmbedHostPage(page);
    await host.open();
    const relayOpened = page.waitForEvent('popup');
    await host.signInButton.click();
    const relay = await relayOpened;
    await expect(relay.getByRole('heading', { name: 'Sign in to continue' })).toBeVisible();
    const signInWindow = await host.continueToSignIn(relay);
    await expect(relay.getByRole('status')).toHaveText(/Continue in the sign-in window/);
    await relay.close();

    await new PoolSignInPage(signInWindow).signIn(user);
    await expect(signInWindow.getByRole('status')).toHaveText(/the window that asked for it is gone/, { timeout: 10_000 });
    expect(signInWindow.isClosed()).toBe(false);
    await expect(host.signInButton).toBeVisible();
    await expect(host.event('signed-in')).toHaveCount(0);
  });

  test('speaks the host app’s language (lang) in the view, the sign-in windows and the pool’s page; a lang it lacks changes nothing', async ({ page, user }) => {
    const host = new EmbedHostPage(page);
    await host.open(undefined, '?theme=light&lang=de-DE');
    const html = host.view.locator('html');
    await expect(html).toHaveAttribute('lang', 'de');
    await expect(html).toHaveAttribute('dir', 'ltr');
    await expect(host.view.getByText('Melden Sie sich an, um Ihre Passkeys und Geräte zu verwalten.', { exact: false })).toBeVisible();

    // The relay window P and the sign-in window Q follow the view's lang, and so does the pool.
    const relayOpened = page.waitForEvent('popup');
    await host.view.getByRole('button', { name: 'Anmelden', exact: true }).click();
    const relay = await relayOpened;
    // It opens blank (the click's gesture), then goes on to the relay page once the view has its proof.
    await relay.waitForURL((url) => url.pathname === '/api/auth-popup/start');
    expect(new URL(relay.url()).searchParams.get('lang')).toBe('de');
    await expect(relay.locator('html')).toHaveAttribute('lang', 'de');
    await expect(relay.getByRole('heading', { level: 1, name: 'Melden Sie sich an, um fortzufahren' })).toBeVisible();
    const relayClosed = relay.waitForEvent('close');
    const button = relay.getByRole('button', { name: 'Weiter zur Anmeldung' });
    await expect(button).toBeFocused();
    const opened = relay.context().waitForEvent('page');
    await relay.keyboard.press('Enter');
    const signInWindow = await opened;
    const signInClosed = signInWindow.waitForEvent('close');
    await expect(relay.getByRole('status')).toHaveText('Fahren Sie im Anmeldefenster fort. Dieses Fenster gibt das Ergebnis an die App weiter.');
    const pool = new PoolSignInPage(signInWindow).in(POOL_SIGN_IN_TEXTS.de);
    await pool.expectLanguage();
    expect(new URL(signInWindow.url()).searchParams.get('lang')).toBe('de');
    await pool.signIn(user);
    await Promise.all([relayClosed, signInClosed]);
    await expect(host.signedInAs).toHaveText(`Angemeldet als ${user.name}`);
    await expect(host.view.getByRole('button', { name: 'Abmelden', exact: true })).toBeVisible();

    // Right to left in Arabic; a language the portal does not have, or no tag at all, leaves the browser's (English here).
    await host.open(undefined, '?theme=light&lang=ar-EG');
    await expect(html).toHaveAttribute('lang', 'ar');
    await expect(html).toHaveAttribute('dir', 'rtl');
    for (const lang of ['xx', 'de;q=1', '<script>']) {
      await host.open(undefined, `?theme=light&lang=${encodeURIComponent(lang)}`);
      await expect(html).toHaveAttribute('lang', 'en');
      await expect(host.signedInAs).toHaveText(`Signed in as ${user.name}`);
    }

    // The add-passkey window and the sign-in windows' own pages, opened with lang, say even a refusal in it.
    const popup = await page.context().newPage();
    await popup.goto(`${env.portalUrl}/embed/add-passkey?lang=fr`);
    await expect(popup.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(popup.getByRole('main').getByRole('alert')).toHaveText('Cette fenêtre n’a pas été ouverte par une application autorisée. Fermez-la et réessayez.');
    await popup.goto(`${env.portalUrl}/api/auth-popup/start?lang=ar`);
    await expect(popup.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('تعذّر بدء تسجيل الدخول');
    await popup.close();
  });

  test('the add-passkey window refuses to act for another account than the iframe’s, and lets the right one sign in', async ({ page, context, user, pool }) => {
    const host = new EmbedHostPage(page);
    await host.open(undefined, '?theme=light&noWebAuthnDelegation=1');
    await host.signInThroughPopup(user);

    // Meanwhile this browser signs in to the portal as someone else (the pool forgot the first person).
    const someoneElse = await pool.createUser('E2E someone else');
    await context.clearCookies({ name: /^local-pool-session\./ });
    const portalTab = await context.newPage();
    await new HomePage(portalTab).goto();
    await new HomePage(portalTab).signInButton.click();
    await new PoolSignInPage(portalTab).signIn(someoneElse);
    await new SecurityPage(portalTab).expectSignedInAs(someoneElse.name);
    await portalTab.close();

    await host.addPasskeyButton.click();
    const { popup, authenticator } = await host.openAddPasskeyWindow();
    await expect(popup.getByRole('alert').filter({ hasText: 'but the app is signed in as someone else' })).toContainText(`signed in to the portal as ${someoneElse.name},`);
    await expect(popup.getByRole('button', { name: 'Add a passkey' })).toHaveCount(0);

    // Signing in as the right person: the pool asks (prompt=login) although it has a session.
    const signInOpened = context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Sign in as someone else' }).click();
    const signInWindow = await signInOpened;
    const signInClosed = signInWindow.waitForEvent('close');
    await new PoolSignInPage(signInWindow).signIn(user);
    await signInClosed;
    await expect(popup.getByText(`For ${user.name}.`)).toBeVisible();

    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Add a passkey' }).click();
    await expect.poll(async () => (popup.isClosed() ? 1 : (await authenticator.credentials()).length)).toBe(1);
    await closed;
    await expect(host.passkeyStatus).toContainText('Passkey added.');
    expect(await pool.passkeys(user.username)).toHaveLength(1);
    expect(await pool.passkeys(someoneElse.username)).toHaveLength(0);
  });

  test('starts at the top of its frame, and its height reports settle without jumps while it loads', async ({ page, user }) => {
    const host = new EmbedHostPage(page);
    await host.open();
    await expect(host.signInButton).toBeVisible();
    // No blank band: the first content sits at the view's padding, a few px from the frame's top.
    const signedOut = await host.firstContentTop();
    expect(signedOut.top).toBeLessThanOrEqual(signedOut.padding + 4);
    expect(signedOut.top).toBeLessThanOrEqual(20);
    await host.signInThroughPopup(user);

    // Loading the host again, signed in: sections stream in and hydrate while the host listens.
    await host.open();
    await expect(host.signedInAs).toBeVisible();
    await expect(host.view.getByRole('list', { name: 'Your devices' })).toBeVisible();
    const heights = await host.settledResizeHeights();
    expect(heights.length).toBeGreaterThan(0);
    expect(heights.length, `resize heights ${heights.join(', ')}`).toBeLessThanOrEqual(2);
    // Monotone: never a height followed by a smaller one (the iframe would jump back).
    for (let i = 1; i < heights.length; i += 1) expect(heights[i], `resize heights ${heights.join(', ')}`).toBeGreaterThan(heights[i - 1]!);
    // The last report is the view's settled height, and the host's iframe has it (+ its 1px border).
    expect(heights.at(-1)).toBe(await host.root.evaluate((root) => Math.ceil(root.getBoundingClientRect().height)));
    expect(Math.round((await host.iframe.boundingBox())!.height)).toBe(heights.at(-1)! + 2);
    const signedIn = await host.firstContentTop();
    expect(signedIn.top).toBeLessThanOrEqual(signedIn.padding + 4);
  });

  test('the example host says on its page when the portal does not allow its origin, and which variable to set', async ({ page }) => {
    const host = new EmbedHostPage(page);
    await host.open(env.embedHosts.foreign);
    await expect(host.problem).toContainText(`does not allow this page (${env.embedHosts.foreign}) to embed it`);
    await expect(host.problem.locator('code')).toHaveText(`EMBED_ALLOWED_ORIGINS=${env.embedHosts.foreign} npm start`);
    await expect(host.problem).toContainText(`Origins it allows now: ${env.embedHosts.allowed}.`);

    // An allowed host says nothing of the kind.
    await host.open();
    await expect(host.event('ready')).toHaveCount(1);
    await expect(host.problem).toBeEmpty();

    // No portal at the URL it was given: it says so, and how to start one this page may frame.
    const { child, origin } = await startExampleHost({ address: '127.0.0.1', port: 0 }, 'http://localhost:1');
    try {
      await page.goto(`${origin}/`);
      await expect(host.problem).toContainText('No portal answers at http://localhost:1.');
      await expect(host.problem.locator('code').first()).toHaveText(`EMBED_ALLOWED_ORIGINS=${origin} npm start`);
    } finally {
      child.kill('SIGTERM');
    }
  });

  test('a host not on the list cannot frame the view', async ({ page }) => {
    const response = page.waitForResponse((r) => r.url().startsWith(`${env.portalUrl}/embed/security`));
    await new EmbedHostPage(page).open(env.embedHosts.foreign);
    const headers = await (await response).allHeaders();
    expect(headers['content-security-policy']).toMatch(new RegExp(`frame-ancestors ${env.embedHosts.allowed.replace(/\./g, '\\.')}(;|$)`));
    // Chromium refuses to render it: the frame ends on its error page, never the portal's document.
    await expect.poll(() => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
    expect(page.frames().some((f) => f.url().startsWith(env.portalUrl))).toBe(false);

    // Every other page of the portal may be framed by nobody, not even the allowed host.
    for (const path of ['/', '/security', '/sign-in', '/embed/add-passkey']) {
      const page = await fetch(`${env.portalUrl}${path}`, { redirect: 'manual' });
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    // The add-passkey popup must keep its opener (the view); every other page cuts it.
    const popupPage = await fetch(`${env.portalUrl}/embed/add-passkey`, { redirect: 'manual' });
    expect(popupPage.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
  });

  test('ignores messages from other origins and obeys the host’s', async ({ page }) => {
    const host = new EmbedHostPage(page);
    await host.open();
    await expect(host.event('ready')).toHaveCount(1);
    await expect(host.root).toHaveAttribute('data-theme', 'light');

    // A frame of a foreign origin inside the host page posts set-theme to the view.
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.id = 'foreign';
      document.body.append(frame);
    }, `${env.embedHosts.foreign}/foreign-sender.html`);
    await expect(page.frameLocator('#foreign').locator('body[data-sent="yes"]')).toBeAttached();
    await page.waitForTimeout(300);
    await expect(host.root).toHaveAttribute('data-theme', 'light');

    // The host's own message, from the allowed origin, is applied (and validated).
    await page.getByRole('button', { name: 'Dark' }).click();
    await expect(host.root).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: 'Green accent' }).click();
    await expect(host.root).toHaveAttribute('style', /--embed-accent:\s*#047857/);
    // The stylesheet turns the accent into the view's colours: the Sign in button takes it.
    await expect(host.signInButton).toHaveCSS('background-color', 'rgb(4, 120, 87)');
  });
});
