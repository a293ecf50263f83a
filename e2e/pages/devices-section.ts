import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Devices section of /security: compact rows, each with one actions menu ("Actions for <name>")
 * and its details in a disclosure; one confirmation for forgetting; its live regions; "Show all".
 */
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
  /** "Sign out everywhere", wherever on the page it is (it has its own section at the end of the page). */
  readonly signOutEverywhereButton: Locator;
  /** "Show all 60 devices" and its way back, "Show only the most recent devices". */
  readonly showAllLink: Locator;
  readonly showRecentLink: Locator;
  /** The open confirmation dialog (there is at most one). */
  readonly dialog: Locator;
  /** The open actions menu (there is at most one). */
  readonly menu: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Devices' });
    this.list = this.region.getByRole('list', { name: 'Your devices' });
    this.items = this.list.locator('> li');
    this.status = this.region.getByRole('status').filter({ hasText: /\S/ });
    this.alert = this.region.getByRole('alert').filter({ hasText: /\S/ });
    this.retryButton = this.region.getByRole('button', { name: 'Try again' });
    this.loading = this.region.getByRole('status').filter({ hasText: 'Loading your devices' });
    // In the page's "If you think someone else has access" section, after the devices.
    this.signOutEverywhereButton = page.getByRole('region', { name: 'If you think someone else has access' }).getByRole('button', { name: 'Sign out everywhere', exact: true });
    this.showAllLink = this.region.getByRole('link', { name: /^Show all \d+ devices$/ });
    this.showRecentLink = this.region.getByRole('link', { name: 'Show only the most recent devices', exact: true });
    this.dialog = page.getByRole('alertdialog');
    this.menu = page.getByRole('menu');
  }

  /** The list item of the device shown with this name. */
  item(name: string): Locator {
    return this.items.filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  /** The row's menu button; `label` is the name that tells it apart ("Kitchen tablet (1 of 2)"). */
  actionsButton(label: string): Locator {
    return this.region.getByRole('button', { name: `Actions for ${label}`, exact: true });
  }

  /** An item of the open menu: "Remember", "Stop remembering", "Forget". */
  menuItem(name: string): Locator {
    return this.menu.getByRole('menuitem', { name, exact: true });
  }

  /** Opens the row's menu with the mouse and chooses `action`. */
  async choose(label: string, action: 'Remember' | 'Stop remembering' | 'Forget') {
    await this.actionsButton(label).click();
    await this.menuItem(action).click();
  }

  /** Whether the row's menu offers this action (opens the menu and closes it again with Escape). */
  async offers(label: string, action: 'Remember' | 'Stop remembering' | 'Forget'): Promise<boolean> {
    await this.actionsButton(label).click();
    await expect(this.menu).toBeVisible();
    const offered = (await this.menuItem(action).count()) === 1;
    await this.page.keyboard.press('Escape');
    await expect(this.menu).toHaveCount(0);
    return offered;
  }

  /** Switches "remembered" from the row's menu: "Stop remembering" when it is, "Remember" when not. */
  async stopRemembering(label: string) {
    await this.choose(label, 'Stop remembering');
  }

  async remember(label: string) {
    await this.choose(label, 'Remember');
  }

  dialogButton(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  /** What the item's details say after a label ("Remembered", "Last IP address", …); in the DOM whether open or not. */
  detail(name: string, label: string): Locator {
    return this.item(name).locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  }

  /** The row's one secondary line ("This device", "Last active 2 hours ago · Not remembered"). */
  secondaryLine(name: string): Locator {
    return this.item(name).locator('h3 + p');
  }

  /** Opens the row's "Details" disclosure. */
  async openDetails(name: string) {
    await this.item(name).locator('summary').click();
  }

  /** The names listed, once the section has streamed in (the list or its empty state). */
  async deviceNames(): Promise<string[]> {
    await expect(this.list.or(this.region.getByText('No devices', { exact: false })).first()).toBeVisible();
    return this.items.getByRole('heading', { level: 3 }).allInnerTexts();
  }

  async expectListed(count: number) {
    await expect(this.items).toHaveCount(count);
  }

  /** Shows every device ("Show all N devices") and waits until `total` rows are listed. */
  async showAll(total: number) {
    await expect(this.showAllLink).toHaveText(`Show all ${total} devices`);
    await this.showAllLink.click();
    await this.expectListed(total);
  }

  /** Forgets a device through its menu and the confirmation dialog, with the mouse. */
  async forget(label: string) {
    await this.choose(label, 'Forget');
    await expect(this.dialog).toBeVisible();
    await this.dialogButton('Forget device').click();
  }
}
