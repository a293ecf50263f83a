import { expect, type Locator, type Page } from '@playwright/test';

/** The Devices section of /security: the device list, its live regions and "Sign out everywhere". */
export class DevicesSection {
  readonly region: Locator;
  readonly list: Locator;
  readonly items: Locator;
  /** The section's result messages (role=status), once one has been said. */
  readonly status: Locator;
  /** Error messages in the section (role=alert): an action's, or the list's when it did not load. */
  readonly alert: Locator;
  readonly retryButton: Locator;
  readonly loading: Locator;
  readonly signOutEverywhereButton: Locator;
  /** The open confirmation dialog (there is at most one). */
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Devices' });
    this.list = this.region.getByRole('list', { name: 'Your devices' });
    this.items = this.list.getByRole('listitem');
    this.status = this.region.getByRole('status').filter({ hasText: /\S/ });
    this.alert = this.region.getByRole('alert').filter({ hasText: /\S/ });
    this.retryButton = this.region.getByRole('button', { name: 'Try again' });
    this.loading = this.region.getByRole('status').filter({ hasText: 'Loading your devices' });
    // In the page's "If you think someone else has access" section, after the devices.
    this.signOutEverywhereButton = page.getByRole('region', { name: 'If you think someone else has access' }).getByRole('button', { name: 'Sign out everywhere', exact: true });
    this.dialog = page.getByRole('alertdialog');
  }

  /** The list item of the device shown with this name. */
  item(name: string): Locator {
    return this.items.filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  forgetButton(name: string): Locator {
    return this.region.getByRole('button', { name: `Forget device ${name}`, exact: true });
  }

  stopRememberingButton(name: string): Locator {
    return this.region.getByRole('button', { name: `Stop remembering ${name}`, exact: true });
  }

  rememberButton(name: string): Locator {
    return this.region.getByRole('button', { name: `Remember ${name}`, exact: true });
  }

  dialogButton(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  /** What the item says after a label ("Remembered", "Last IP address", …). */
  detail(name: string, label: string): Locator {
    return this.item(name).locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  }

  /** The names listed, once the section has streamed in (the list or its empty state). */
  async deviceNames(): Promise<string[]> {
    await expect(this.list.or(this.region.getByText('No devices', { exact: false })).first()).toBeVisible();
    return this.items.getByRole('heading', { level: 3 }).allInnerTexts();
  }

  async expectListed(count: number) {
    await expect(this.items).toHaveCount(count);
  }

  /** Forgets a device through its confirmation dialog, with the mouse. */
  async forget(name: string) {
    await this.forgetButton(name).click();
    await expect(this.dialog).toBeVisible();
    await this.dialogButton('Forget device').click();
  }
}
