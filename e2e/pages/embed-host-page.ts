import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { e2eEnvironment } from '../support/environment';
import { VirtualAuthenticator } from '../support/virtual-authenticator';
import { PoolSignInPage } from './pool-sign-in-page';

/** The example host (scripts/example-host.mjs) and, inside its iframe, the portal's embedded view. */
export class EmbedHostPage {
  readonly iframe: Locator;
  readonly view: FrameLocator;
  readonly events: Locator;
  readonly root: Locator;
  readonly signInButton: Locator;
  readonly signedInAs: Locator;
  readonly addPasskeyButton: Locator;
  readonly passkeyStatus: Locator;
  readonly dialog: Locator;
  readonly confirmDialog: Locator;
  /** The host page's own word when the portal does not answer or does not allow it to embed the view. */
  readonly problem: Locator;

  /** `poolEndpoint`: an isolated pair's pool (e2e/support/isolated-portal.ts) instead of the global one. */
  constructor(
    private readonly page: Page,
    private readonly poolEndpoint = e2eEnvironment().pool.endpoint,
  ) {
    this.iframe = page.locator('#portal');
    this.view = page.frameLocator('#portal');
    this.events = page.getByRole('list', { name: 'Events from the portal' }).getByRole('listitem');
    this.root = this.view.locator('[data-embed]');
    this.signInButton = this.view.getByRole('button', { name: 'Sign in', exact: true });
    this.signedInAs = this.view.getByTestId('embed-signed-in-as');
    this.addPasskeyButton = this.view.getByRole('button', { name: 'Add a passkey' });
    this.passkeyStatus = this.view.getByRole('region', { name: 'Passkeys' }).getByRole('status');
    this.dialog = this.view.getByRole('alertdialog');
    this.confirmDialog = this.view.getByRole('alertdialog', { name: /Confirm it.s you/ });
    this.problem = page.locator('#portal-problem');
  }

  async open(origin = e2eEnvironment().embedHosts.allowed, query = '?theme=light') {
    await this.page.goto(`${origin}/${query}`);
  }

  event(type: string): Locator {
    return this.events.filter({ hasText: new RegExp(`^${type} `) });
  }

  /** The heights of every `resize` message the host has received, once none has come for `quietMs`. */
  async settledResizeHeights(quietMs = 1000): Promise<number[]> {
    const resizes = this.event('resize');
    let count = -1;
    for (let round = 0; round < 20; round += 1) {
      const now = await resizes.count();
      if (now > 0 && now === count) break;
      count = now;
      await this.page.waitForTimeout(quietMs);
    }
    return (await resizes.allTextContents()).map((text) => (JSON.parse(text.slice(text.indexOf(' ') + 1)) as { height: number }).height);
  }

  /**
   * Where the view's first content starts, from the top of its frame (the top of the first element
   * inside it that shows some text), and the view's own top padding: a blank band shows as a top
   * well below the padding.
   */
  async firstContentTop(): Promise<{ top: number; padding: number }> {
    return this.root.evaluate((root) => {
      const padding = parseFloat(getComputedStyle(root).paddingTop);
      for (const element of root.querySelectorAll('*')) {
        const rect = element.getBoundingClientRect();
        if (rect.width > 1 && rect.height > 1 && element.textContent?.trim()) return { top: rect.top, padding };
      }
      throw new Error('The view shows no text.');
    });
  }

  /**
   * Signs in from the view: it opens the relay window P (the portal's own page), whose button
   * opens the sign-in window Q for the pool's sign-in page (which cannot be framed, and whose
   * Cross-Origin-Opener-Policy cuts Q off from its opener). Both windows close by themselves.
   * `password: false`: the pool remembers a sign-in and asks for nothing.
   */
  async signInThroughPopup(user: { username: string; password: string; name: string }, { password = true } = {}) {
    await expect(this.event('ready').first()).toBeVisible();
    await this.throughTwoWindows(this.signInButton, password ? user : null);
    await expect(this.signedInAs).toContainText(user.name);
  }

  /**
   * In the view's "Confirm it's you" dialog (a sign-in no longer recent, STEP_UP_MAX_AGE): "Sign in
   * again", through the same two windows; the pool asks for the password although it remembers a sign-in.
   */
  async confirmItsYouThroughPopup(user: { username: string; password: string }) {
    await expect(this.confirmDialog).toBeVisible();
    await this.throughTwoWindows(this.confirmDialog.getByRole('button', { name: 'Sign in again' }), user);
  }

  /** Clicks `button`, which opens the relay window P; on to the sign-in window Q, signs in there (with `user`), and waits until both have closed. */
  private async throughTwoWindows(button: Locator, user: { username: string; password: string } | null) {
    const relayOpened = this.page.waitForEvent('popup');
    await button.click();
    const relay = await relayOpened;
    const relayClosed = relay.waitForEvent('close');
    const signInWindow = await this.continueToSignIn(relay);
    const signInClosed = signInWindow.waitForEvent('close');
    if (user) await new PoolSignInPage(signInWindow, this.poolEndpoint).signIn(user);
    await Promise.all([relayClosed, signInClosed]);
  }

  /**
   * Where the iframe may not create passkeys, after "Add a passkey": takes its offer of a new
   * window. Returns that window (the portal's /embed/add-passkey) with a virtual authenticator of its own,
   * since CDP authenticators belong to one page target.
   */
  async openAddPasskeyWindow(): Promise<{ popup: Page; authenticator: VirtualAuthenticator }> {
    const inNewWindow = this.view.getByRole('button', { name: 'Add the passkey in a new window' });
    await expect(inNewWindow).toBeVisible();
    const opened = this.page.context().waitForEvent('page');
    await inNewWindow.click();
    const popup = await opened;
    const authenticator = await VirtualAuthenticator.attach(popup);
    await popup.waitForURL((url) => url.pathname === '/embed/add-passkey');
    return { popup, authenticator };
  }

  /** In the relay window P: its focused button opens the sign-in window Q, returned. */
  async continueToSignIn(relay: Page): Promise<Page> {
    const button = relay.getByRole('button', { name: 'Continue to sign-in' });
    await expect(button).toBeFocused();
    const opened = relay.context().waitForEvent('page');
    await relay.keyboard.press('Enter');
    return opened;
  }
}
