import { expect, test } from './fixtures';
import { PasskeysSection } from './pages/passkeys-section';
import { VirtualAuthenticator } from './support/virtual-authenticator';

// Signing in with the passkeys people add here: the pool's hosted sign-in page, as Cognito's
// managed login, runs a WebAuthn get ceremony against Chromium's virtual authenticator.

test('a passkey added here signs in at the pool with no password, and the page shows it', async ({ page, user, pool, homePage, poolSignInPage, securityPage }) => {
  const authenticator = await VirtualAuthenticator.attach(page);
  await homePage.goto();
  await homePage.signInButton.click();
  await poolSignInPage.signIn(user);
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();
  await passkeys.addAndExpectAdded();
  const [added] = await pool.passkeys(user.username);

  await securityPage.signOut();
  await homePage.expectShown();
  // Touch-only while the page opens: its autofill request waits (and keeps waiting), so the button is what answers.
  await authenticator.setAutomaticPresenceSimulation(false);
  await homePage.signInButton.click();
  // The pool asks again (signing out ended its own sign-in session too): the passkey answers.
  await poolSignInPage.expectShown();
  await expect(poolSignInPage.password).toHaveValue('');
  await poolSignInPage.expectAutofillWaiting();
  await authenticator.setAutomaticPresenceSimulation(true);
  // The button aborts the autofill request and starts its own, which the authenticator answers.
  await poolSignInPage.signInWithPasskey();

  await securityPage.expectSignedInAs(user.name);
  await passkeys.expectCount(1);
  await expect(passkeys.item(added.friendlyName)).toBeVisible();
  // The pool verified an assertion from this authenticator and moved the sign count on.
  const [used] = await pool.passkeys(user.username);
  expect(used.credentialId).toBe(added.credentialId);
  expect(used.counter).toBeGreaterThan(added.counter);
  expect((await authenticator.credentials()).map((c) => c.signCount)).toContain(used.counter);
});

test('the pool’s sign-in page offers the passkey in the username field’s autofill, and it signs in with no click', async ({ page, user, pool, homePage, poolSignInPage, securityPage }) => {
  const authenticator = await VirtualAuthenticator.attach(page);
  await homePage.goto();
  await homePage.signInButton.click();
  await poolSignInPage.signIn(user);
  const passkeys = new PasskeysSection(page);
  await passkeys.expectReady();
  await passkeys.addAndExpectAdded();
  const [added] = await pool.passkeys(user.username);
  await securityPage.signOut();
  await homePage.expectShown();

  // The form asks for passkeys in the field's autofill: a conditional request, started on load.
  await authenticator.setAutomaticPresenceSimulation(false);
  const optionsAsked = page.waitForRequest((request) => request.url().endsWith('/passkey/options') && request.method() === 'POST');
  await homePage.signInButton.click();
  await poolSignInPage.expectShown();
  await expect(poolSignInPage.username).toHaveAttribute('autocomplete', 'username webauthn');
  expect(new URLSearchParams((await optionsAsked).postData() ?? '').get('username'), 'a discoverable request').toBe('');
  await poolSignInPage.expectAutofillWaiting();
  await expect(poolSignInPage.passkeyButton).toBeEnabled();

  // Choosing the passkey there (the virtual authenticator answers the waiting request) signs in.
  await authenticator.setAutomaticPresenceSimulation(true);
  await page.reload();
  await securityPage.expectSignedInAs(user.name);
  const [used] = await pool.passkeys(user.username);
  expect(used.credentialId).toBe(added.credentialId);
  expect(used.counter).toBeGreaterThan(added.counter);
});
