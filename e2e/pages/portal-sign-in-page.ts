import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The portal's own /sign-in page. Signing in normally skips it (straight to the pool's sign-in
 * page); it is shown only with something to say: the session ended, or signing in did not work.
 */
export class PortalSignInPage {
  readonly heading: Locator;
  /** A link that starts the sign-in at once (the pool's sign-in page, then back). */
  readonly signInButton: Locator;
  readonly notice: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Sign in' });
    this.signInButton = page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true });
    this.notice = page.getByRole('main').getByRole('alert');
  }

  /** Shown, and its way in returns to `returnTo` after signing in. */
  async expectShown(returnTo = '/security') {
    await expect(this.page).toHaveURL((url) => url.pathname === '/sign-in');
    await expect(this.heading).toBeVisible();
    await expect(this.signInButton).toHaveAttribute('href', `/sign-in/start?${new URLSearchParams({ callbackUrl: returnTo }).toString()}`);
  }
}
