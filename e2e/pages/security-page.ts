import { expect, type Locator, type Page } from '@playwright/test';

export class SecurityPage {
  readonly heading: Locator;
  readonly signedInAs: Locator;
  readonly signOutButton: Locator;
  /** The header's account button (avatar initial and name), which opens the panel with Sign out. */
  readonly accountButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your security settings' });
    this.signedInAs = page.getByTestId('signed-in-as');
    this.signOutButton = page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true });
    this.accountButton = page.getByRole('banner').locator('summary');
  }

  async goto() {
    await this.page.goto('/security');
  }

  async expectSignedInAs(name: string) {
    await expect(this.page).toHaveURL(/\/security$/);
    await expect(this.heading).toBeVisible();
    await expect(this.signedInAs).toContainText(`Signed in as ${name}`);
  }

  /** Opens the account menu in the header. */
  async openAccountMenu() {
    if (!(await this.signOutButton.isVisible())) await this.accountButton.click();
    await expect(this.signOutButton).toBeVisible();
  }

  async signOut() {
    await this.openAccountMenu();
    await this.signOutButton.click();
  }
}
