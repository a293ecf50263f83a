import { expect, type Locator, type Page } from '@playwright/test';
import type { HomePage } from './home-page';
import type { PoolSignInPage } from './pool-sign-in-page';
import type { SecurityPage } from './security-page';

/** Signs `user` in from the home page at the pool's form and returns the Passkeys section, ready. */
export async function signInToPasskeys(
  page: Page,
  user: { username: string; password: string; name: string },
  pages: { homePage: HomePage; poolSignInPage: PoolSignInPage; securityPage: SecurityPage },
): Promise<PasskeysSection> {
  await pages.homePage.goto();
  await pages.homePage.signInButton.click();
  await pages.poolSignInPage.signIn(user);
  await pages.securityPage.expectSignedInAs(user.name);
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();
  return passkeys;
}

/** The Passkeys section of /security: its list, each row's actions menu, the add button, the one delete dialog and its live regions. */
export class PasskeysSection {
  readonly region: Locator;
  readonly panel: Locator;
  readonly addButton: Locator;
  readonly list: Locator;
  readonly items: Locator;
  readonly emptyState: Locator;
  /** Results ("Passkey added."): the section's role="status" region. */
  readonly status: Locator;
  /** Errors: the section's role="alert" region. */
  readonly alert: Locator;
  readonly loading: Locator;
  readonly tryAgainButton: Locator;
  readonly dialog: Locator;
  readonly confirmDeleteButton: Locator;
  readonly cancelButton: Locator;
  /** Offered right after adding: a name for the new passkey. */
  readonly nameNew: Locator;
  readonly nameNewField: Locator;
  readonly skipNamingButton: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Passkeys' });
    this.panel = this.region.getByRole('group', { name: 'Passkeys' });
    this.addButton = this.region.getByRole('button', { name: 'Add a passkey' });
    this.list = this.region.getByRole('list', { name: 'Your passkeys' });
    this.items = this.list.getByRole('listitem');
    this.emptyState = this.region.getByText('You have no passkeys yet.');
    this.status = this.region.getByRole('status');
    this.alert = this.region.getByRole('alert');
    this.loading = this.region.getByRole('status').filter({ hasText: 'Loading your passkeys…' });
    this.tryAgainButton = this.region.getByRole('button', { name: 'Try again' });
    this.dialog = page.getByRole('alertdialog');
    this.confirmDeleteButton = this.dialog.getByRole('button', { name: 'Delete passkey' });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel' });
    this.nameNew = this.region.getByRole('region', { name: 'Name your new passkey' });
    this.nameNewField = this.nameNew.getByRole('textbox', { name: 'Passkey name' });
    this.skipNamingButton = this.nameNew.getByRole('button', { name: 'Skip' });
  }

  /** The row's one menu button, "Actions for <name>". */
  actionsButton(name: string): Locator {
    return this.region.getByRole('button', { name: `Actions for ${name}`, exact: true });
  }

  /** The open menu of the passkey called `name`. */
  menu(name: string): Locator {
    return this.page.getByRole('menu', { name: `Actions for ${name}`, exact: true });
  }

  /** An item ('rename' or 'delete') of the open menu of `name`. */
  menuItem(name: string, action: 'rename' | 'delete'): Locator {
    return this.menu(name).locator(`[role="menuitem"][data-action="${action}"]`);
  }

  /** Opens the actions menu of `name` with a click. */
  async openActions(name: string) {
    await this.actionsButton(name).click();
    await expect(this.menu(name)).toBeVisible();
  }

  /** Chooses `action` in the actions menu of `name`. */
  async chooseAction(name: string, action: 'rename' | 'delete') {
    await this.openActions(name);
    await this.menuItem(name, action).click();
  }

  /** The inline rename form of the passkey called `name` (open): its field. */
  renameField(name: string): Locator {
    return this.item(name).getByRole('textbox', { name: 'New name' });
  }

  /** Chooses Rename in the menu of `name`, types `newName` and presses Enter. */
  async rename(name: string, newName: string) {
    await this.chooseAction(name, 'rename');
    await this.renameField(name).fill(newName);
    await this.renameField(name).press('Enter');
  }

  /** The Synced / This device only badge of `name`, or '' when it has none. */
  async badge(name: string): Promise<string> {
    const badge = this.item(name).getByText(/^(Synced|This device only)$/);
    return (await badge.count()) ? badge.innerText() : '';
  }

  /** The names of the passkeys listed, in order. */
  async names(): Promise<string[]> {
    return this.list.getByRole('heading', { level: 3 }).allInnerTexts();
  }

  /** The list item of the passkey called `name` (names are unique per user). */
  item(name: string): Locator {
    return this.items.filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  /** Waits until the section has loaded and is interactive (the add button's handler is attached after hydration). */
  async expectReady() {
    await expect(this.addButton).toBeEnabled();
    await expect(this.addButton).toHaveAttribute('data-interactive', 'true');
  }

  async expectCount(count: number) {
    if (count === 0) {
      await expect(this.emptyState).toBeVisible();
      await expect(this.list).toHaveCount(0);
    } else {
      await expect(this.items).toHaveCount(count);
      await expect(this.emptyState).toHaveCount(0);
    }
  }

  /** Presses "Add a passkey" and waits for the ceremony to end, one way or another. */
  async add() {
    await this.addButton.click();
    await expect(this.addButton).toHaveAccessibleName('Add a passkey', { timeout: 15_000 });
  }

  async addAndExpectAdded() {
    await this.add();
    await expect(this.status).toHaveText('Passkey added. You can now use it to sign in.');
    await expect(this.alert).toHaveText('');
  }

  /** Opens the confirmation for `name` and confirms it. */
  async delete(name: string) {
    await this.chooseAction(name, 'delete');
    await expect(this.dialog).toBeVisible();
    await this.confirmDeleteButton.click();
    await expect(this.dialog).toBeHidden();
  }

  /** What the item of `name` says, field by field. */
  async details(name: string): Promise<Record<string, string>> {
    const item = this.item(name);
    await this.openDetails(name);
    const terms = await item.locator('dt').allInnerTexts();
    const values = await item.locator('dd').allInnerTexts();
    return Object.fromEntries(terms.map((term, i) => [term, values[i]]));
  }

  /** Opens the "Details" disclosure of `name` (no change when it is open). */
  async openDetails(name: string) {
    const details = this.item(name).locator('details');
    if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await details.locator('summary').click();
    await expect(details.locator('dl')).toBeVisible();
  }

  /** The exact "Added" date in the details of `name`. */
  addedTime(name: string): Locator {
    return this.item(name).locator('dd time');
  }
}
