import { expect, type Locator, type Page } from '@playwright/test';

export class HomePage {
  readonly heading: Locator;
  /** One click (a link) straight to the pool's sign-in page, back to /security afterwards. */
  readonly signInButton: Locator;
  readonly securitySettingsLink: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Keep your account secure' });
    this.signInButton = page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true });
    this.securitySettingsLink = page.getByRole('main').getByRole('link', { name: 'Go to your security settings' });
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  async expectShown() {
    await expect(this.page).toHaveURL(/\/$/);
    await expect(this.heading).toBeVisible();
  }
}
