import { expect, type Locator, type Page } from '@playwright/test';

/** The portal's own /sign-in page, which sends people on to the pool's sign-in page. */
export class PortalSignInPage {
  readonly heading: Locator;
  readonly signInButton: Locator;
  readonly notice: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Sign in' });
    this.signInButton = page.getByRole('main').getByRole('button', { name: 'Sign in' });
    this.notice = page.getByRole('main').getByRole('alert');
  }

  async expectShown(returnTo = '/security') {
    await expect(this.page).toHaveURL((url) => url.pathname === '/sign-in' && url.searchParams.get('callbackUrl') === returnTo);
    await expect(this.heading).toBeVisible();
  }
}
