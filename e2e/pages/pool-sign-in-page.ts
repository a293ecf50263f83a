import { expect, type Locator, type Page } from '@playwright/test';
import { e2eEnvironment } from '../support/environment';

/** The user pool's hosted sign-in page (the local pool's, standing in for Cognito's). */
export class PoolSignInPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  /** Managed login's passkey option: a WebAuthn get ceremony, no password. */
  readonly passkeyButton: Locator;
  /** Why the last attempt failed, after the redirect to a fresh form. */
  readonly alert: Locator;
  readonly forgotPasswordLink: Locator;

  /** `poolEndpoint`: an isolated pair's pool (e2e/support/isolated-portal.ts) instead of the global one. */
  constructor(
    private readonly page: Page,
    private readonly poolEndpoint = e2eEnvironment().pool.endpoint,
  ) {
    this.username = page.getByLabel('Username');
    this.password = page.getByLabel('Password');
    this.signInButton = page.getByRole('button', { name: 'Sign in', exact: true });
    this.passkeyButton = page.getByRole('button', { name: 'Sign in with a passkey', exact: true });
    this.alert = page.getByRole('alert');
    this.forgotPasswordLink = page.getByRole('link', { name: 'Forgot your password?' });
  }

  async expectShown() {
    const poolOrigin = new URL(this.poolEndpoint).origin;
    await expect(this.page).toHaveURL((url) => url.origin === poolOrigin);
    await expect(this.username).toBeVisible();
  }

  /** Signs in with a discoverable passkey of the page's authenticator: no username, no password. */
  async signInWithPasskey() {
    await this.expectShown();
    await this.passkeyButton.click();
  }

  async signIn(user: { username: string; password: string }) {
    await this.expectShown();
    await this.username.fill(user.username);
    await this.password.fill(user.password);
    await this.signInButton.click();
  }

  /** The page's autofill (conditional) passkey request is open, waiting for the person to pick a passkey. */
  async expectAutofillWaiting() {
    await expect(this.page.locator('#passkey-form')).toHaveAttribute('data-autofill-state', 'waiting');
  }

  /** The fresh form after a failed attempt: the pool's own origin, the error announced. */
  async expectFailure(message: string) {
    await this.expectShown();
    await expect(this.alert).toHaveText(message);
  }
}
