import { expect, type Locator, type Page } from '@playwright/test';

export class SecurityPage {
  readonly heading: Locator;
  readonly signedInAs: Locator;
  readonly signOutButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your security settings' });
    this.signedInAs = page.getByTestId('signed-in-as');
    this.signOutButton = page.getByRole('button', { name: 'Sign out', exact: true });
  }

  async goto() {
    await this.page.goto('/security');
  }

  async expectSignedInAs(name: string) {
    await expect(this.page).toHaveURL(/\/security$/);
    await expect(this.heading).toBeVisible();
    await expect(this.signedInAs).toContainText(`Signed in as ${name}`);
  }

  async signOut() {
    await this.signOutButton.click();
  }
}
